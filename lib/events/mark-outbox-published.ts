// After the transport acknowledged a batch (Kafka: acks=all; in-process: every local group
// processed it), the rows leave the backlog. Retention deletes them later.
import type { Db } from '../db/create-prisma';

export async function markOutboxPublished(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE common.outbox_events
    SET published_at = now(), claimed_until = NULL, last_error = NULL
    WHERE id = ANY(${ids}::uuid[])`;
}
