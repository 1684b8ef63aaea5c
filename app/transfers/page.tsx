// Tickets offered to me (받은 양도): each offer's show, seat and sender, to accept or decline
// before its deadline. Accepting makes the ticket mine with a new entry code.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listIncomingTransfers } from '../../lib/transfers/list-incoming-transfers';
import { TransferActions } from '../../components/transfers/transfer-actions';
import { db } from '../_server/clients';
import { getFormat } from '../_server/get-format';
import { requireUserPage } from '../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('transfers'))('incoming.title') };
}

export default async function IncomingTransfersPage() {
  const caller = await requireUserPage('/transfers');
  const [offers, t, format] = await Promise.all([listIncomingTransfers(db(), caller.id, new Date()), getTranslations('transfers'), getFormat()]);
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t('incoming.title')}</h1>
      <p className="mt-2 text-sm text-zinc-700">{t('gift')}</p>
      {offers.length === 0 ? (
        <p className="mt-4 text-zinc-700">{t('incoming.empty')}</p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label={t('incoming.listLabel')}>
          {offers.map((offer) => (
            <li key={offer.transferId} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="incoming-offer">
              <h2 className="font-semibold">{offer.eventTitle}</h2>
              <p className="text-sm text-zinc-700">{format.dateTime(offer.startsAt, offer.timeZone)} · {offer.venue}</p>
              <p className="text-sm">{format.seat(offer.seat)} · {offer.seat.grade}</p>
              <p className="mt-1 text-sm">{t('incoming.from', { name: offer.fromName })}</p>
              <p className="text-sm text-zinc-700">{t('incoming.answerBy', { time: format.dateTime(offer.expiresAt, offer.timeZone) })}</p>
              <TransferActions
                transferId={offer.transferId}
                actions={[
                  { action: 'accept', label: t('incoming.accept'), primary: true },
                  { action: 'decline', label: t('incoming.decline'), confirm: t('incoming.declineConfirm') },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
