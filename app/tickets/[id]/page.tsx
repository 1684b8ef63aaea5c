// One ticket, made for a phone at the door: the QR code first, then seat, section and gate, the
// time on the venue's clock and the holder's name (Korean venues check it against the booker).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { AppError } from '../../../lib/errors/app-error';
import { formatZoneLabel } from '../../../lib/i18n/format-zone-label';
import { getMyTicket } from '../../../lib/tickets/get-my-ticket';
import { KeepOffline } from '../../../components/tickets/keep-offline';
import { TicketStatus } from '../../../components/tickets/ticket-status';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireUserPage } from '../../_server/session';
import { ticketKeys } from '../../_server/ticket-keys';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('detailTitle') };
}

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireUserPage(`/tickets/${id}`);
  const ticket = await getMyTicket({ db: db(), keys: ticketKeys() }, { ticketId: id, userId: caller.id }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations('tickets'), getFormat()]);
  // Level M and a 4-module quiet zone: phone screens behind glare still read it.
  const svg = ticket.qr ? await QRCode.toString(ticket.qr, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }) : null;
  const { performance } = ticket;
  const rows: Array<[string, string, string]> = [
    [t('time'), format.dateTime(performance.startsAt, performance.timeZone), 'ticket-time'],
    [t('venue'), `${performance.venueName} · ${performance.hallName}`, 'ticket-venue'],
    [t('seat'), format.seat(ticket.seat), 'ticket-seat'],
    [t('grade'), ticket.seat.grade, 'ticket-grade'],
    [t('section'), ticket.seat.section, 'ticket-section'],
    [t('gate'), ticket.gate ?? t('mainGate'), 'ticket-gate'],
    [t('holder'), ticket.holderName, 'ticket-holder'],
  ];
  return (
    <article className="mx-auto max-w-md" data-testid="ticket" data-performance-id={performance.id}>
      <KeepOffline />
      <p className="text-sm">
        <Link href="/tickets" className="text-zinc-700 underline">
          ← {t('title')}
        </Link>
      </p>
      <div className="mt-3 flex items-start justify-between gap-3">
        <h1 className="text-xl font-bold">{ticket.event.title}</h1>
        <TicketStatus status={ticket.status} />
      </div>
      <div className="mt-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
        {svg ? (
          <>
            <div
              role="img"
              aria-label={t('qrLabel')}
              className="mx-auto w-full max-w-xs"
              data-testid="ticket-qr"
              data-payload={ticket.qr!}
              dangerouslySetInnerHTML={{ __html: svg }}
            />
            <p className="mt-2 text-center text-sm text-zinc-700">{t('qrHint')}</p>
            <p className="mt-3 text-center text-xs text-zinc-700">
              {t('manualCode')}: <code className="break-all font-mono text-sm text-zinc-900" data-testid="ticket-code">{ticket.code}</code>
            </p>
          </>
        ) : (
          <p className="text-center text-zinc-700" data-testid="ticket-no-qr">
            {ticket.usedAt ? t('usedAt', { time: format.dateTime(ticket.usedAt, performance.timeZone) }) : t('noQr')}
          </p>
        )}
        <p className="mt-2 text-center text-xs text-zinc-700">{t('ticketNumber', { id: ticket.shortId })}</p>
      </div>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value, testId]) => (
          <div key={testId} className="contents">
            <dt className="text-zinc-700">{label}</dt>
            <dd className="font-medium" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-zinc-700">{t('venueTime', { zone: formatZoneLabel(performance.timeZone, new Date(performance.startsAt)) })}</p>
      {ticket.event.transfersEnabled && ticket.status === 'ISSUED' && (
        <p className="mt-6">
          <Link href={`/tickets/${ticket.id}/transfer`} className="inline-block rounded bg-zinc-900 px-4 py-2 font-semibold text-white" data-testid="transfer-ticket">
            {t('transfer')}
          </Link>
        </p>
      )}
    </article>
  );
}
