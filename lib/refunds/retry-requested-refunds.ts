// The payments role's safety net for refunds: any refund still REQUESTED a while after it was
// recorded (PortOne timed out, the process died between the call and the commit) is sent again;
// process-refund.ts makes the resend harmless when the first one went through.
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import type { Redis } from '../redis/create-redis';
import { processRefund, type RefundOutcome } from './process-refund';

export async function retryRequestedRefunds(deps: { db: Db; redis: Redis; portOne: PortOne }, now: Date, options: { olderThanMs: number; limit?: number }): Promise<RefundOutcome[]> {
  const due = await deps.db.refund.findMany({
    where: { status: 'REQUESTED', createdAt: { lt: new Date(now.getTime() - options.olderThanMs) } },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 50,
    select: { id: true },
  });
  const outcomes: RefundOutcome[] = [];
  for (const { id } of due) outcomes.push(await processRefund(deps, id, now));
  return outcomes;
}
