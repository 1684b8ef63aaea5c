// The hot read behind the seat-map page's 2-second poll: one Redis GET of the 2-bit bitmap
// (1,312 bytes for 5,248 seats), rebuilt from PostgreSQL only when the key is missing.
import { createHash } from 'node:crypto';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { rebuildSeatStates } from './rebuild-seat-states';
import { seatStateKey } from './seat-state-key';

export type SeatAvailability = { performanceId: string; bytes: Buffer; etag: string };

export async function readSeatAvailability(db: Db, redis: Redis, performanceId: string): Promise<SeatAvailability> {
  const key = seatStateKey(performanceId);
  let bytes = await redis.getBuffer(key);
  if (!bytes) {
    await rebuildSeatStates(db, redis, performanceId);
    bytes = (await redis.getBuffer(key)) ?? Buffer.alloc(0);
  }
  // A content hash is the version: it changes exactly when a bit does, whoever flipped it.
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 16)}"`;
  return { performanceId, bytes, etag };
}
