// A waiting user's status: ONE Redis call (the status script, O(log n)), which is also their
// heartbeat. No PostgreSQL, no session: the caller is known from the signed queue ticket, so
// the gateway can answer this from Redis directly (app/api/queue/[performanceId]/status).
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';
import { pollAfterMs } from './poll-after';
import { runQueueScript } from './queue-scripts';

export type QueueStatus =
  | {
      state: 'waiting';
      /** 1-based place; null before the opening (the pre-queue is drawn at the opening instant). */
      position: number | null;
      ahead: number | null;
      waiting: number;
      etaSeconds: number | null;
      admitPerMinute: number;
      paused: boolean;
      opensAt: number;
      /** Every seat is held or sold: nobody is admitted until holds run out and seats come back. */
      allTaken: boolean;
      /** When the page should ask again (poll-after.ts). */
      pollAfterMs: number;
    }
  | { state: 'admitted'; admittedUntil: number }
  | { state: 'expired' }
  | { state: 'none' };

export async function getQueueStatus(
  redis: Redis,
  input: { performanceId: string; userId: string; seq?: number | null; nowMs: number },
): Promise<QueueStatus> {
  const k = queueKeys(input.performanceId);
  const seq = input.seq !== undefined && input.seq !== null && input.seq >= 0 ? String(input.seq) : '';
  const reply = await runQueueScript(redis, 'status', [k.queue, k.active, k.meta, k.seenPrefix, k.gone], [input.userId, input.nowMs, seq]);
  return parseStatusReply(reply, input.nowMs);
}

/** Reads the status script's reply (the join script answers a waiting joiner in the same shape). */
export function parseStatusReply(reply: Array<string | number | null>, nowMs: number): QueueStatus {
  switch (reply[0]) {
    case 'admitted':
      return { state: 'admitted', admittedUntil: Number(reply[1]) };
    case 'waiting': {
      const position = Number(reply[1]) || null;
      const rate = Number(reply[3]);
      const ahead = position === null ? null : position - 1;
      const paused = reply[4] === '1';
      const opensAt = Number(reply[5]);
      // ETA from the measured admission rate (the admission script's 10 s windows).
      const etaSeconds = ahead === null || paused || rate <= 0 ? null : Math.ceil(((ahead + 1) / rate) * 60);
      return {
        state: 'waiting',
        position,
        ahead,
        waiting: Number(reply[2]),
        etaSeconds,
        admitPerMinute: rate,
        paused,
        opensAt,
        allTaken: reply[6] === '1',
        pollAfterMs: pollAfterMs({ ahead, etaSeconds, idleMs: Number(reply[7]), opensAt, nowMs }),
      };
    }
    case 'expired':
      return { state: 'expired' };
    default:
      return { state: 'none' };
  }
}
