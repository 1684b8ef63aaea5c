// A publish failed: drop the batches' leases at once (so the next tick retries without waiting
// for them to expire), count the failed attempt and keep the error for the admin page.
import type { Db } from '../db/create-prisma';

/** `ids` are whole claimed batches: a lease is found by its first event. */
export async function releaseOutboxClaim(db: Db, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    WITH dropped AS (
      DELETE FROM common.outbox_leases WHERE id = ANY(${ids}::uuid[]))
    UPDATE common.outbox_events
    SET attempts = attempts + 1, last_error = ${error.slice(0, 2000)}
    WHERE id = ANY(${ids}::uuid[]) AND published_at IS NULL`;
}
