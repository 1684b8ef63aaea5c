// One of my tickets with its signed QR code. Another holder's ticket (or a ticket given away) is
// "not found", as if it did not exist.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { TicketKeys } from './load-ticket-keys';
import { loadTicketViews } from './load-ticket-views';
import { signTicketQr } from './sign-ticket-qr';
import type { TicketDetail } from './ticket-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getMyTicket(deps: { db: Db; keys: Pick<TicketKeys, 'privateKey'> }, input: { ticketId: string; userId: string }): Promise<TicketDetail> {
  if (!UUID.test(input.ticketId)) throw notFound('Ticket');
  const [ticket] = await loadTicketViews(deps.db, { ownerId: input.userId, id: input.ticketId });
  if (!ticket) throw notFound('Ticket');
  const admits = ticket.view.status === 'ISSUED';
  return {
    ...ticket.view,
    qr: admits ? signTicketQr(deps.keys.privateKey, { id: ticket.view.id, code: ticket.code, performanceId: ticket.view.performance.id }) : null,
    code: admits ? ticket.code : null,
  };
}
