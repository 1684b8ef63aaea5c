import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../db/uuid-v7';
import { browserSignatureCheck } from './browser-signature-check';
import { loadTicketKeys } from './load-ticket-keys';
import { newTicketCode } from './new-ticket-code';
import { nodeSignatureCheck } from './node-signature-check';
import { readScannedCode } from './read-scanned-code';
import { signTicketQr } from './sign-ticket-qr';
import { base64url, shortTicketIdOf } from './ticket-qr-layout';

const keys = loadTicketKeys(randomBytes(32).toString('base64url'));
const checks = { node: nodeSignatureCheck(keys.publicKey), browser: browserSignatureCheck(keys.publicKeyBase64url) };

describe('ticket QR codes', () => {
  const ticket = { id: uuidV7(), code: newTicketCode(), performanceId: randomUUID() };
  const qr = signTicketQr(keys.privateKey, ticket);

  it.each(Object.entries(checks))('read back what was signed with the %s check', (_, check) => {
    expect(readScannedCode(qr, check)).toEqual({ kind: 'qr', code: ticket.code, performanceId: ticket.performanceId, shortTicketId: shortTicketIdOf(ticket.id) });
  });

  it.each(Object.entries(checks))('refuse every single-character change with the %s check', (_, check) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 'OS1.'.length; i < qr.length; i += 7) {
      if (qr[i] === '.') continue;
      const changed = qr.slice(0, i) + alphabet[(alphabet.indexOf(qr[i]!) + 1) % 64] + qr.slice(i + 1);
      expect(readScannedCode(changed, check), `position ${i}`).toEqual({ kind: 'invalid' });
    }
  });

  it('refuses a code signed with another key', () => {
    const other = loadTicketKeys(randomBytes(32).toString('base64url'));
    expect(readScannedCode(signTicketQr(other.privateKey, ticket), checks.node)).toEqual({ kind: 'invalid' });
  });

  it('takes a typed bare code, spaces and all, and nothing else', () => {
    const spaced = ticket.code.replace(/(.{4})/g, '$1 ');
    expect(readScannedCode(spaced, checks.node)).toEqual({ kind: 'typed', code: ticket.code });
    for (const text of ['', 'hello', ticket.code.slice(1), `${ticket.code}A`, 'OS1.', `${qr}.x`]) expect(readScannedCode(text, checks.node)).toEqual({ kind: 'invalid' });
  });

  it('encodes base64url exactly as Node does, and refuses non-canonical text', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = randomBytes(length);
      const text = bytes.toString('base64url');
      expect(base64url.encode(bytes)).toBe(text);
      expect(Buffer.from(base64url.decode(text)!)).toEqual(bytes);
    }
    expect(base64url.decode('AB')).toBeNull();
    expect(base64url.decode('A+')).toBeNull();
  });
});
