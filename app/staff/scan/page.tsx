// The door scanner for staff assigned to an event (and admins): camera or typed code, online
// answers in under a second, an offline mode on a signed list, and the live count.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listScannablePerformances } from '../../../lib/check-in/list-scannable-performances';
import { Scanner } from '../../../components/check-in/scanner';
import { KeepOffline } from '../../../components/tickets/keep-offline';
import { db } from '../../_server/clients';
import { requireUserPage } from '../../_server/session';
import { ticketKeys } from '../../_server/ticket-keys';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkIn'))('title') };
}

export default async function ScanPage() {
  const caller = await requireUserPage('/staff/scan');
  const [performances, t] = await Promise.all([listScannablePerformances(db(), caller.id, new Date()), getTranslations('checkIn')]);
  if (!performances) redirect('/forbidden');
  return (
    <section className="mx-auto max-w-2xl">
      <KeepOffline />
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <Scanner performances={performances} publicKey={ticketKeys().publicKeyBase64url} />
    </section>
  );
}
