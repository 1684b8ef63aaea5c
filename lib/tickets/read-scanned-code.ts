// What a scanner read (a QR code, a handheld scanner typing it, or staff typing the ticket code),
// turned into the ticket code to look up. A QR whose signature does not verify is forged or
// altered: it is refused before any lookup. Runs in Node and in the browser alike; the signature
// check is passed in (node:crypto on the server, @noble/ed25519 in the scanner page).
import { base64url, TICKET_CODE_BYTES, TICKET_QR_PAYLOAD_BYTES, TICKET_QR_PREFIX, unpackTicketQrPayload } from './ticket-qr-layout';

export type SignatureCheck = (message: Uint8Array, signature: Uint8Array) => boolean;

export type ScannedCode =
  | { kind: 'qr'; code: string; performanceId: string; shortTicketId: string }
  /** A bare ticket code, as typed: the lookup decides. */
  | { kind: 'typed'; code: string }
  | { kind: 'invalid' };

const BARE_CODE = /^[A-Za-z0-9_-]{22}$/;

export function readScannedCode(text: string, checkSignature: SignatureCheck): ScannedCode {
  const trimmed = text.trim();
  if (trimmed.startsWith(TICKET_QR_PREFIX)) {
    const [payloadText, signatureText, ...rest] = trimmed.slice(TICKET_QR_PREFIX.length).split('.');
    const payload = payloadText === undefined ? null : base64url.decode(payloadText);
    const signature = signatureText === undefined ? null : base64url.decode(signatureText);
    if (rest.length || !payload || !signature || payload.length !== TICKET_QR_PAYLOAD_BYTES || signature.length !== 64) return { kind: 'invalid' };
    if (!checkSignature(payload, signature)) return { kind: 'invalid' };
    return { kind: 'qr', ...unpackTicketQrPayload(payload) };
  }
  const typed = trimmed.replace(/\s+/g, '');
  if (BARE_CODE.test(typed) && base64url.decode(typed)?.length === TICKET_CODE_BYTES) return { kind: 'typed', code: typed };
  return { kind: 'invalid' };
}
