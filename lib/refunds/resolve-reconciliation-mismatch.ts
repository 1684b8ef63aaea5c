// An admin closes a reconciliation mismatch with a note of what was done (refunded by hand,
// settled after a resent webhook, confirmed with PortOne). Audited in the same transaction.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';

export const ResolveReconciliationMismatchInput = z.object({
  mismatchId: z.string(),
  actorId: z.uuid(),
  resolution: z.string().trim().min(3).max(1000),
  requestId: z.string().max(128).nullish(),
});
export type ResolveReconciliationMismatchInput = z.input<typeof ResolveReconciliationMismatchInput>;

export async function resolveReconciliationMismatch(db: Db, input: ResolveReconciliationMismatchInput, now: Date): Promise<{ id: string; status: 'RESOLVED' }> {
  const { mismatchId, actorId, resolution, requestId } = ResolveReconciliationMismatchInput.parse(input);
  if (!z.uuid().safeParse(mismatchId).success) throw notFound('Mismatch');
  return db.$transaction(async (tx) => {
    const marked = await tx.reconciliationMismatch.updateMany({
      where: { id: mismatchId, status: 'OPEN' },
      data: { status: 'RESOLVED', resolution, resolvedById: actorId, resolvedAt: now },
    });
    if (marked.count === 0) {
      const exists = await tx.reconciliationMismatch.findUnique({ where: { id: mismatchId }, select: { id: true } });
      if (!exists) throw notFound('Mismatch');
      throw new AppError('conflict', 'This mismatch is already resolved', { reason: 'already_resolved' });
    }
    const row = await tx.reconciliationMismatch.findUniqueOrThrow({ where: { id: mismatchId } });
    await recordAdminChange(tx, {
      actorId,
      action: 'reconciliation.resolve',
      entityType: 'reconciliation_mismatch',
      entityId: mismatchId,
      before: { status: 'OPEN', kind: row.kind, portonePaymentId: row.portonePaymentId },
      after: { status: 'RESOLVED', resolution },
      requestId,
    });
    return { id: mismatchId, status: 'RESOLVED' as const };
  });
}
