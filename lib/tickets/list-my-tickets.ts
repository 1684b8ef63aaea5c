// My tickets: upcoming shows soonest first, past ones most recent first. A show counts as past once
// it ended (its end time, or three hours after its start when none is set).
import type { Db } from '../db/create-prisma';
import { loadTicketViews } from './load-ticket-views';
import type { TicketView } from './ticket-view';

const DEFAULT_RUN_MS = 3 * 3_600_000;

export async function listMyTickets(db: Db, userId: string, now: Date): Promise<{ upcoming: TicketView[]; past: TicketView[] }> {
  const tickets = (await loadTicketViews(db, { ownerId: userId })).map((t) => t.view);
  const endOf = (t: TicketView) => (t.performance.endsAt ? Date.parse(t.performance.endsAt) : Date.parse(t.performance.startsAt) + DEFAULT_RUN_MS);
  return {
    upcoming: tickets.filter((t) => endOf(t) >= now.getTime()),
    past: tickets.filter((t) => endOf(t) < now.getTime()).reverse(),
  };
}
