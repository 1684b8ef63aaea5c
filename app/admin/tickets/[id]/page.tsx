// One ticket for the admin: who holds it now, and its whole history (issued, each transfer offer
// and its outcome, revoked codes, check-in), read from the tables that record them.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppError } from '../../../../lib/errors/app-error';
import { getTicketHistory, type TicketHistoryEntry } from '../../../../lib/tickets/get-ticket-history';
import { db } from '../../../_server/clients';
import { getFormat } from '../../../_server/get-format';
import { requireAdminPage } from '../../../_server/session';

type Person = { id: string; name: string | null; email: string | null } | null;
type TicketStatus = 'ISSUED' | 'USED' | 'CANCELLED' | 'REFUNDED';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('transfers.admin'))('historyTitle') };
}

export default async function AdminTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/tickets/${id}`);
  const history = await getTicketHistory(db(), id).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations('transfers.admin'), getFormat()]);
  const { ticket } = history;
  const who = (person: Person, fallback = '—') => (person ? (person.email ?? person.name ?? person.id) : fallback);
  const describe = (entry: TicketHistoryEntry): string => {
    switch (entry.kind) {
      case 'issued':
        return t('entry.issued', { to: who(entry.to) });
      case 'transfer_offered':
        return t('entry.transfer_offered', { from: who(entry.from), to: who(entry.to, entry.toEmail) });
      case 'code_revoked':
        return t('entry.code_revoked', { code: entry.codeTail, reason: t(`reason.${entry.reason}`) });
      case 'checked_in':
        return t(entry.offline ? 'entry.checked_in_offline' : 'entry.checked_in', { gate: entry.gate, device: entry.deviceId });
      default:
        return t(`entry.${entry.kind}`, { from: who(entry.from), to: who(entry.to) });
    }
  };
  const facts: [string, string][] = [
    [t('ticket'), ticket.id],
    [t('event'), `${ticket.eventTitle} · ${format.dateTime(ticket.startsAt, ticket.timeZone)}`],
    [t('seat'), `${format.seat(ticket.seat)} · ${ticket.seat.grade}`],
    [t('owner'), who(ticket.owner)],
    [t('status'), t(`ticketStatus.${ticket.status as TicketStatus}`)],
    [t('transfers'), format.number(ticket.transferCount)],
    [t('reservation'), ticket.reservationId],
  ];
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">{t('historyTitle')}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full text-left text-sm" data-testid="ticket-history">
        <thead className="border-b text-zinc-600">
          <tr>
            <th className="py-1 pr-3">{t('when')}</th>
            <th className="py-1">{t('what')}</th>
          </tr>
        </thead>
        <tbody>
          {history.entries.map((entry, index) => (
            <tr key={index} className="border-b border-zinc-100 align-top" data-kind={entry.kind}>
              <td className="whitespace-nowrap py-1 pr-3">{format.dateTime(entry.at, ticket.timeZone, 'short')}</td>
              <td className="py-1">{describe(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
