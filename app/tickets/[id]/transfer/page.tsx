// Transfer one of my tickets (양도): the ticket, the form that offers it to another registered
// user by email, or the open offer with its withdrawal, and the offers made before. Another
// user's ticket is "not found".
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppError } from '../../../../lib/errors/app-error';
import { getTicketTransferState } from '../../../../lib/transfers/get-ticket-transfer-state';
import { TransferActions } from '../../../../components/transfers/transfer-actions';
import { TransferOfferForm } from '../../../../components/transfers/transfer-offer-form';
import { db } from '../../../_server/clients';
import { getFormat } from '../../../_server/get-format';
import { requireUserPage } from '../../../_server/session';

type Status = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('transfers'))('offer.title') };
}

export default async function TransferTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireUserPage(`/tickets/${id}/transfer`);
  const ticket = await getTicketTransferState(db(), { ticketId: id, userId: caller.id }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations('transfers'), getFormat()]);
  const offer = ticket.openOffer;
  return (
    <section className="mx-auto max-w-xl">
      <p className="text-sm">
        <Link href="/tickets" className="text-zinc-700 underline">
          ← {t('offer.back')}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold">{t('offer.title')}</h1>
      <div className="mt-4 rounded-lg border border-zinc-200 bg-white p-4" data-testid="transfer-ticket-facts">
        <p className="font-semibold">{ticket.eventTitle}</p>
        <p className="text-sm text-zinc-700">{format.dateTime(ticket.startsAt, ticket.timeZone)}</p>
        <p className="text-sm text-zinc-700">{ticket.venue}</p>
        <p className="mt-1 text-sm">
          {t('offer.seat')}: {format.seat(ticket.seat)} · {ticket.seat.grade}
        </p>
        {ticket.transferCount > 0 && <p className="mt-1 text-xs text-zinc-600">{t('offer.used', { count: ticket.transferCount })}</p>}
      </div>
      <p id="transfer-gift" className="mt-4 text-sm text-zinc-700">
        {t('gift')}
      </p>
      {offer ? (
        <div className="mt-4 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="open-offer">
          <h2 className="font-semibold">{t('offer.open')}</h2>
          <p className="text-sm">{t('offer.openTo', { email: offer.toEmail })}</p>
          <p className="text-sm">{t('offer.answerBy', { time: format.dateTime(offer.expiresAt, ticket.timeZone) })}</p>
          <TransferActions transferId={offer.transferId} actions={[{ action: 'withdraw', label: t('offer.withdraw'), confirm: t('offer.withdrawConfirm') }]} />
        </div>
      ) : !ticket.transfersEnabled ? (
        <p className="mt-4 text-sm text-zinc-700">{t('offer.disabled')}</p>
      ) : ticket.status !== 'ISSUED' ? (
        <p className="mt-4 text-sm text-zinc-700">{t('offer.notIssued')}</p>
      ) : (
        <>
          <p className="mt-4 text-sm">{t('offer.lead')}</p>
          <TransferOfferForm ticketId={ticket.ticketId} />
        </>
      )}
      {ticket.pastOffers.length > 0 && (
        <div className="mt-6">
          <h2 className="font-semibold">{t('offer.past')}</h2>
          <ul className="mt-2 space-y-1 text-sm text-zinc-700">
            {ticket.pastOffers.map((o) => (
              <li key={o.transferId}>
                {t('offer.pastRow', { email: o.toEmail, status: t(`status.${o.status as Status}`) })} · {format.dateTime(o.respondedAt ?? o.expiresAt, ticket.timeZone, 'short')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
