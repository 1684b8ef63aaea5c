// The waiting room: a static shell (cacheable at the CDN — it reads no cookie, no session, no
// database); everything live comes from the status poll of the client component.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WaitingRoom } from './waiting-room';

export const metadata: Metadata = { title: 'Waiting room' };
export const dynamic = 'force-static';
export const revalidate = false;

export function generateStaticParams(): Array<{ performanceId: string }> {
  return [];
}

export default function WaitingRoomPage() {
  return (
    <Suspense>
      <WaitingRoom />
    </Suspense>
  );
}
