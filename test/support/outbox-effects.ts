// The observable effect the outbox suites count: a handler that inserts one row per processed
// event into public.test_effects inside the consumer's transaction (no unique key, so a second
// effect of one event would show), and throws for events whose reason is in `poisoned`.
import type { Db } from '../../lib/db/create-prisma';
import type { EventHandlers } from '../../workers/runtime/start-consumer';

export const EFFECT_GROUP = 'outbox-test-effects';

export async function createEffectsTable(db: Db) {
  await db.$executeRawUnsafe(`
    CREATE TABLE IF NOT EXISTS public.test_effects (
      n bigserial PRIMARY KEY, event_id uuid NOT NULL, aggregate_id text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
}

export function effectHandlers(poisoned: Set<string> = new Set()): EventHandlers {
  return {
    'payment.failed': async (event, tx) => {
      if (poisoned.has(event.payload.reason)) throw new Error(`poisoned event ${event.payload.reason}`);
      await tx.$executeRaw`INSERT INTO public.test_effects (event_id, aggregate_id) VALUES (${event.id}::uuid, ${event.aggregateId})`;
    },
  };
}
