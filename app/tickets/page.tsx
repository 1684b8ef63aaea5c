// My tickets: upcoming shows first, then past ones; each opens its ticket page with the QR code.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listMyTickets } from '../../lib/tickets/list-my-tickets';
import type { TicketView } from '../../lib/tickets/ticket-view';
import { KeepOffline } from '../../components/tickets/keep-offline';
import { TicketStatus } from '../../components/tickets/ticket-status';
import { db } from '../_server/clients';
import { getFormat } from '../_server/get-format';
import { requireUserPage } from '../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('title') };
}

export default async function MyTicketsPage() {
  const caller = await requireUserPage('/tickets');
  const [tickets, t, format] = await Promise.all([listMyTickets(db(), caller.id, new Date()), getTranslations('tickets'), getFormat()]);
  const list = (items: TicketView[], label: string, empty: string, testId: string) =>
    items.length === 0 ? (
      <p className="text-zinc-600">{empty}</p>
    ) : (
      <ul className="space-y-3" aria-label={label} data-testid={testId}>
        {items.map((ticket) => (
          <li key={ticket.id} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="ticket-row">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/tickets/${ticket.id}`} className="font-semibold underline">
                {ticket.event.title}
              </Link>
              <TicketStatus status={ticket.status} />
            </div>
            <p className="mt-1 text-sm text-zinc-700">{format.dateTime(ticket.performance.startsAt, ticket.performance.timeZone)}</p>
            <p className="text-sm text-zinc-700">
              {ticket.performance.venueName} · {format.seat(ticket.seat)} · {ticket.seat.grade}
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="mx-auto max-w-xl">
      <KeepOffline />
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <h2 className="mb-2 mt-6 text-lg font-semibold">{t('upcoming')}</h2>
      {list(tickets.upcoming, t('upcoming'), t('emptyUpcoming'), 'upcoming-tickets')}
      <h2 className="mb-2 mt-8 text-lg font-semibold">{t('past')}</h2>
      {list(tickets.past, t('past'), t('emptyPast'), 'past-tickets')}
      <p className="mt-8 text-sm text-zinc-600">{t('offlineReady')}</p>
    </section>
  );
}
