// Rebuilds a performance's availability bitmap from PostgreSQL when its Redis key is missing
// (first read, Redis restart, re-import). Guarded twice: a short lock keeps a burst of readers
// (thousands at a sale opening) from all querying PostgreSQL, and SET NX means a late rebuild
// never overwrites a bitmap the holds script has already started changing.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { loadSeatStatesFromDatabase } from './load-seat-states-from-database';
import { seatCountKey, seatStateKey } from './seat-state-key';

const LOCK_MS = 5_000;
const WAIT_STEP_MS = 25;
const MAX_WAIT_MS = 2_000;

export async function rebuildSeatStates(db: Db, redis: Redis, performanceId: string): Promise<{ rebuilt: boolean }> {
  const key = seatStateKey(performanceId);
  const lockKey = `${key}:rebuild`;
  const locked = await redis.set(lockKey, '1', 'PX', LOCK_MS, 'NX');
  if (!locked) {
    // Someone else is rebuilding: wait for their result rather than querying PostgreSQL again.
    for (let waited = 0; waited < MAX_WAIT_MS; waited += WAIT_STEP_MS) {
      if (await redis.exists(key)) return { rebuilt: false };
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  try {
    const { seatCount, bytes } = await loadSeatStatesFromDatabase(db, performanceId);
    await redis.set(seatCountKey(performanceId), String(seatCount));
    const written = await redis.set(key, Buffer.from(bytes), 'NX');
    return { rebuilt: written === 'OK' };
  } finally {
    if (locked) await redis.del(lockKey);
  }
}
