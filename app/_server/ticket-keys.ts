// The ticket key pair of this Next server (signs the QR on the ticket page), loaded once.
import 'server-only';
import { loadTicketKeys, type TicketKeys } from '../../lib/tickets/load-ticket-keys';
import { webConfig } from './config';

let keys: TicketKeys | undefined;

export function ticketKeys(): TicketKeys {
  keys ??= loadTicketKeys(webConfig().TICKET_SIGNING_KEY);
  return keys;
}
