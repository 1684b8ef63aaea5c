// Recomputes every stats table from stats.event_log, in the order the events were first applied,
// in one transaction: readers see the old figures until the new ones commit, and the stats role's
// consumer waits on the log's lock instead of adding to tables being rebuilt. queue_samples are
// not derived from events (the admission role samples Redis) and stay as they are.
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { isEventType } from '../events/catalog';
import { applyStatsEvent, type StatsEvent } from './apply-stats-event';

const PAGE = 1_000;
const DERIVED_TABLES = ['performance_stats', 'daily_sales', 'hourly_sales', 'grade_occupancy', 'payment_failures', 'membership_daily', 'reservations', 'payments'] as const;
// A rebuild of 100,000 events applies them one by one (a few statements each); give it room.
const REBUILD_TX = { maxWait: 10_000, timeout: 30 * 60_000 };

/** `actorId` is the admin who asked (null from the command line); the rebuild and its audit row commit together. */
export async function rebuildStats(db: Db, by: { actorId: string | null; requestId?: string }): Promise<{ events: number }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE stats.event_log IN EXCLUSIVE MODE`;
    // DELETE, not TRUNCATE: TRUNCATE would lock the dashboard's readers out until the commit.
    for (const table of DERIVED_TABLES) await tx.$executeRawUnsafe(`DELETE FROM stats.${table}`);
    let after = -1n;
    let events = 0;
    for (;;) {
      const page = await tx.$queryRaw<{ seq: bigint; type: string; occurred_at: Date; payload: unknown }[]>`
        SELECT seq, type, occurred_at, payload FROM stats.event_log WHERE seq > ${after} ORDER BY seq LIMIT ${PAGE}`;
      for (const row of page) {
        if (!isEventType(row.type)) continue;
        await applyStatsEvent(tx, { type: row.type, occurredAt: row.occurred_at.toISOString(), payload: row.payload as StatsEvent['payload'] });
        events++;
      }
      if (page.length < PAGE) {
        await recordAdminChange(tx, { actorId: by.actorId, action: 'stats.rebuild', entityType: 'stats', entityId: 'all', after: { events }, requestId: by.requestId });
        return { events };
      }
      after = page[page.length - 1]!.seq;
    }
  }, REBUILD_TX);
}
