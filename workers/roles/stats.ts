// The `stats` role: the read side. It consumes reservation, payment, ticket, transfer and
// membership events into the stats schema's counters (lib/stats), each event once
// (processed_events) and in the transaction that records it. Waiting-room figures are not events:
// the admission role samples each room's Redis counters into stats.queue_samples.
import { STATS_EVENT_TYPES } from '../../lib/stats/apply-stats-event';
import { recordStatsEvent } from '../../lib/stats/record-stats-event';
import type { EventHandler, EventHandlers } from '../runtime/start-consumer';
import { defineLoopRole } from './define-loop-role';

const record: EventHandler = (event, tx) => recordStatsEvent(tx, event);

export const statsRole = defineLoopRole('stats', [], { consumes: Object.fromEntries(STATS_EVENT_TYPES.map((type) => [type, record])) as EventHandlers });
