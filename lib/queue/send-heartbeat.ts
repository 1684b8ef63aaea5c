// A heartbeat from a waiting user (keeps their place eligible) or an admitted one (keeps their
// active slot from the idle expiry). One O(log n) Lua call.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';
import { runQueueScript } from './queue-scripts';

export async function sendHeartbeat(
  redis: Redis,
  input: { performanceId: string; userId: string; nowMs: number },
): Promise<'waiting' | 'admitted' | 'none'> {
  const k = queueKeys(input.performanceId);
  const reply = await runQueueScript(redis, 'heartbeat', [k.queue, k.activeSeen, k.meta, k.seenPrefix], [input.userId, input.nowMs]);
  return reply as unknown as 'waiting' | 'admitted' | 'none';
}
