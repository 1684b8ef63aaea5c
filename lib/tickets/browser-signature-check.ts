// The scanner page's signature check: pure JavaScript Ed25519 (@noble/ed25519) with the public key
// it downloaded, so it verifies with no network and in any browser.
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import type { SignatureCheck } from './read-scanned-code';
import { base64url } from './ticket-qr-layout';

ed.hashes.sha512 = sha512;

export function browserSignatureCheck(publicKeyBase64url: string): SignatureCheck {
  const publicKey = base64url.decode(publicKeyBase64url);
  if (!publicKey || publicKey.length !== 32) throw new Error('the ticket public key is 32 bytes in base64url');
  return (message, signature) => {
    try {
      return ed.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  };
}
