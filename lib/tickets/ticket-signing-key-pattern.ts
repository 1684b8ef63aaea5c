// What TICKET_SIGNING_KEY looks like: 32 bytes in base64url without padding (the last character
// carries 4 bits and 2 zero bits). Free of node:crypto, so the config modules that the edge proxy
// also loads can check it.
export const TICKET_SIGNING_KEY_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
