// The stats role's effect for one event, in the consumer's transaction (which also records it in
// processed_events): append it to stats.event_log, the history a rebuild replays, then apply it.
import type { Prisma } from '../db/create-prisma';
import type { EventEnvelope } from '../events/catalog';
import { applyStatsEvent } from './apply-stats-event';

export async function recordStatsEvent(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void> {
  const logged = await tx.$executeRaw`
    INSERT INTO stats.event_log (event_id, type, occurred_at, payload)
    VALUES (${event.id}::uuid, ${event.type}, ${event.occurredAt}::timestamptz, ${JSON.stringify(event.payload)}::jsonb)
    ON CONFLICT (event_id) DO NOTHING`;
  // Already in the log (an event replayed from the dead letters after it was applied once): no second effect.
  if (logged === 0) return;
  await applyStatsEvent(tx, event);
}
