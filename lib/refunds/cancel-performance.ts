// The organiser calls a performance off: it stops selling at once, its tickets are void (their
// codes revoked in the same transaction, so no door admits them), and every booking of it is
// refunded in full by the payments role (refund-cancelled-performances.ts), which works from the
// performance's state and so resumes wherever a restart left it.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import { voidTickets } from '../tickets/void-tickets';

export const CancelPerformanceInput = z.object({
  performanceId: z.uuid(),
  actorId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
  requestId: z.string().max(128).nullish(),
});
export type CancelPerformanceInput = z.infer<typeof CancelPerformanceInput>;

export async function cancelPerformance(db: Db, input: CancelPerformanceInput, now = new Date()): Promise<{ performanceId: string; status: 'CANCELLED' }> {
  const { performanceId, actorId, reason, requestId } = CancelPerformanceInput.parse(input);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM ticket.performances WHERE id = ${performanceId}::uuid FOR UPDATE`;
    if (!row) throw notFound('Performance');
    if (row.status === 'CANCELLED') throw new AppError('conflict', 'This performance is already cancelled', { reason: 'already_cancelled' });
    await tx.performance.update({ where: { id: performanceId }, data: { status: 'CANCELLED' } });
    await voidTickets(tx, { performanceId }, 'CANCELLED', now);
    await recordAdminChange(tx, { actorId, action: 'performance.cancel', entityType: 'performance', entityId: performanceId, before: { status: row.status }, after: { status: 'CANCELLED', reason }, requestId });
    return { performanceId, status: 'CANCELLED' as const };
  });
}
