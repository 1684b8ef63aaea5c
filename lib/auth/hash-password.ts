// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): ~25 ms per hash on
// our 2-core machines, slow enough to make offline guessing expensive, fast enough for sign-in bursts.
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}
