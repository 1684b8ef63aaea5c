import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '../components/providers';
import { SiteHeader } from '../components/site-header';
import { getSessionUser } from './_server/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OpenSeat', template: '%s · OpenSeat' },
  description: 'Concert tickets with a fair waiting room',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body className="min-h-screen bg-zinc-50 text-zinc-900">
        <Providers>
          <SiteHeader user={await getSessionUser()} />
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
