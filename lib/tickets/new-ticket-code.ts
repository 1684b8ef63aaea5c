// A ticket's code: 128 random bits, opaque. It says nothing about the holder or the seat; the QR
// carries it signed, and a new one replaces it whenever the ticket changes hands.
import { randomBytes } from 'node:crypto';

export function newTicketCode(): string {
  return randomBytes(16).toString('base64url');
}
