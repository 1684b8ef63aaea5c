// Join a performance's waiting room: one Lua call (idempotent per user: a second tab or device
// gets the first place back). The first join of a room loads its settings from PostgreSQL into
// Redis; every later join is Redis only.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { parseStatusReply, type QueueStatus } from './get-queue-status';
import { loadRoomSettings } from './load-room-settings';
import { queueKeys } from './queue-keys';
import { runQueueScript } from './queue-scripts';
import { syncRoomSettings } from './sync-room-settings';

export const JoinQueueInput = z.object({ performanceId: z.uuid(), userId: z.string().min(1).max(64) });
export type JoinQueueInput = z.infer<typeof JoinQueueInput>;

export type JoinQueueResult =
  | { state: 'waiting'; seq: number; preQueue: boolean; status: QueueStatus }
  | { state: 'admitted'; admittedUntil: number; seq: null; status: QueueStatus };

export async function joinQueue(deps: { redis: Redis; db: Db; now?: () => number }, input: JoinQueueInput): Promise<JoinQueueResult> {
  const { performanceId, userId } = JoinQueueInput.parse(input);
  const k = queueKeys(performanceId);
  const nowMs = (deps.now ?? Date.now)();
  const run = () => runQueueScript(deps.redis, 'join', [k.queue, k.active, k.activeSeen, k.meta, k.seenPrefix], [userId, nowMs, randomInt(2 ** 28)]);
  let reply = await run();
  if (reply[0] === 'no_config') {
    await syncRoomSettings(deps.redis, await loadRoomSettings(deps.db, performanceId));
    reply = await run();
  }
  switch (reply[0]) {
    case 'waiting':
      return { state: 'waiting', seq: Number(reply[1]), preQueue: reply[2] === '1', status: parseStatusReply(['waiting', ...reply.slice(3)], nowMs) };
    case 'admitted':
      return { state: 'admitted', admittedUntil: Number(reply[1]), seq: null, status: { state: 'admitted', admittedUntil: Number(reply[1]) } };
    case 'not_open':
      throw new AppError('conflict', 'The waiting room is not open yet', { reason: 'not_open', opensAt: new Date(Number(reply[1])).toISOString() });
    case 'full':
      throw new AppError('unavailable', 'The waiting room is full');
    default:
      throw new Error(`join script answered ${String(reply[0])}`);
  }
}
