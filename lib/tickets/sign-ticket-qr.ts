// The text of a ticket's QR code: its code, performance and short id, signed with the ticket key.
import { sign, type KeyObject } from 'node:crypto';
import { base64url, packTicketQrPayload, shortTicketIdOf, TICKET_QR_PREFIX } from './ticket-qr-layout';

export function signTicketQr(privateKey: KeyObject, ticket: { id: string; code: string; performanceId: string }): string {
  const payload = packTicketQrPayload({ code: ticket.code, performanceId: ticket.performanceId, shortTicketId: shortTicketIdOf(ticket.id) });
  const signature = sign(null, payload, privateKey);
  return `${TICKET_QR_PREFIX}${base64url.encode(payload)}.${base64url.encode(signature)}`;
}
