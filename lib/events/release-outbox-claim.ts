// A publish failed: drop the lease at once (so the next tick retries without waiting for it
// to expire) and keep the error for the admin page.
import type { Db } from '../db/create-prisma';

export async function releaseOutboxClaim(db: Db, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE common.outbox_events
    SET claimed_until = NULL, last_error = ${error.slice(0, 2000)}
    WHERE id = ANY(${ids}::uuid[]) AND published_at IS NULL`;
}
