// Leave the waiting room, or hand back an admission so the next user gets the slot.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';
import { runQueueScript } from './queue-scripts';

export async function leaveQueue(redis: Redis, input: { performanceId: string; userId: string }): Promise<'left_queue' | 'left_active' | 'none'> {
  const k = queueKeys(input.performanceId);
  const reply = await runQueueScript(redis, 'leave', [k.queue, k.active, k.activeSeen, k.meta], [input.userId]);
  return reply as unknown as 'left_queue' | 'left_active' | 'none';
}
