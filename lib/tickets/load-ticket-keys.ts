// The ticket signing key pair from TICKET_SIGNING_KEY (an Ed25519 seed): the private half signs QR
// codes and offline lists on the server; the public half (raw 32 bytes, base64url) is all a
// scanner needs to verify them, on or off line.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { TICKET_SIGNING_KEY_PATTERN } from './ticket-signing-key-pattern';

// PKCS#8 wrapping of a bare Ed25519 seed (RFC 8410): a fixed 16-byte header, then the seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export type TicketKeys = { privateKey: KeyObject; publicKey: KeyObject; publicKeyBase64url: string };

export function loadTicketKeys(seedBase64url: string): TicketKeys {
  if (!TICKET_SIGNING_KEY_PATTERN.test(seedBase64url)) throw new Error('TICKET_SIGNING_KEY: must be 32 random bytes in base64url (43 characters)');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(seedBase64url, 'base64url')]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKey, publicKeyBase64url: jwk.x! };
}
