// The stats role's effect for one event, in the consumer's transaction (which also records it in
// processed_events): append it to stats.event_log, the history a rebuild replays, then apply it.
import type { Prisma } from '../db/create-prisma';
import type { EventEnvelope } from '../events/catalog';
import { applyStatsEvent } from './apply-stats-event';

export async function recordStatsEvent(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void> {
  // One stats transaction at a time (the lock conflicts with itself and lasts until commit; taking
  // it again in the same transaction is free). Consumer lanes run slices concurrently, and two
  // slices adding to the counters of the same performances in different orders would deadlock.
  // A rebuild's EXCLUSIVE lock on the log makes the consumer wait for it the same way.
  await tx.$executeRaw`LOCK TABLE stats.event_log IN SHARE ROW EXCLUSIVE MODE`;
  const logged = await tx.$executeRaw`
    INSERT INTO stats.event_log (event_id, type, occurred_at, payload)
    VALUES (${event.id}::uuid, ${event.type}, ${event.occurredAt}::timestamptz, ${JSON.stringify(event.payload)}::jsonb)
    ON CONFLICT (event_id) DO NOTHING`;
  // Already in the log (an event replayed from the dead letters after it was applied once): no second effect.
  if (logged === 0) return;
  await applyStatsEvent(tx, event);
}
