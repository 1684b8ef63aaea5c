// Retention: published rows are history once every consumer has them (Kafka keeps its own 7
// days). Deletes in slices so one call never holds a long lock or a huge transaction.
import type { Db } from '../db/create-prisma';

export async function deletePublishedEvents(db: Db, { olderThanMs, limit = 5_000 }: { olderThanMs: number; limit?: number }): Promise<number> {
  return db.$executeRaw`
    DELETE FROM common.outbox_events
    WHERE id IN (
      SELECT id FROM common.outbox_events
      WHERE published_at < now() - ${olderThanMs} * interval '1 millisecond'
      LIMIT ${limit})`;
}
