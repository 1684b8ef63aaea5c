// What a ticket's QR code carries, byte for byte, and the codec both sides share (the server signs
// with node:crypto, the scanner in the browser verifies): `OS1.<payload>.<signature>`, base64url.
// The 40-byte payload is the ticket code (16 bytes), the performance id (16) and the last 8 bytes
// of the ticket id: nothing about the holder. 146 characters fit a version-8 QR code at level M.
export const TICKET_QR_PREFIX = 'OS1.';
export const TICKET_CODE_BYTES = 16;
const SHORT_ID_BYTES = 8;
export const TICKET_QR_PAYLOAD_BYTES = TICKET_CODE_BYTES + 16 + SHORT_ID_BYTES;

export type TicketQrFields = { code: string; performanceId: string; shortTicketId: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding, the same in Node and the browser (no Buffer, no atob). */
export const base64url = {
  encode(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
      for (let c = 0; c < chars; c++) out += B64[(n >> (18 - 6 * c)) & 63];
    }
    return out;
  },
  /** Null for anything that is not canonical base64url. */
  decode(text: string): Uint8Array | null {
    if (text.length % 4 === 1) return null;
    const out = new Uint8Array(Math.floor((text.length * 6) / 8));
    let bits = 0;
    let value = 0;
    let index = 0;
    for (const char of text) {
      const v = B64.indexOf(char);
      if (v < 0) return null;
      value = (value << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[index++] = (value >> bits) & 255;
      }
    }
    // Leftover bits must be zero, so one byte string has exactly one text.
    if ((value & ((1 << bits) - 1)) !== 0) return null;
    return out;
  },
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) => Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16)));

/** The short id printed on a ticket and carried in its QR: the random tail of its UUIDv7. */
export function shortTicketIdOf(ticketId: string): string {
  return ticketId.replace(/-/g, '').slice(-2 * SHORT_ID_BYTES).toLowerCase();
}

export function packTicketQrPayload(fields: TicketQrFields): Uint8Array {
  const code = base64url.decode(fields.code);
  if (!code || code.length !== TICKET_CODE_BYTES) throw new Error('a ticket code is 16 bytes in base64url');
  const payload = new Uint8Array(TICKET_QR_PAYLOAD_BYTES);
  payload.set(code, 0);
  payload.set(fromHex(fields.performanceId.replace(/-/g, '')), TICKET_CODE_BYTES);
  payload.set(fromHex(fields.shortTicketId), TICKET_CODE_BYTES + 16);
  return payload;
}

export function unpackTicketQrPayload(payload: Uint8Array): TicketQrFields {
  const uuid = hex(payload.subarray(TICKET_CODE_BYTES, TICKET_CODE_BYTES + 16));
  return {
    code: base64url.encode(payload.subarray(0, TICKET_CODE_BYTES)),
    performanceId: `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`,
    shortTicketId: hex(payload.subarray(TICKET_CODE_BYTES + 16)),
  };
}
