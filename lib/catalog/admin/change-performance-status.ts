// Admin: publish, unpublish (back to draft) or cancel a performance. A cancelled performance
// stays visible to customers as cancelled; it cannot be published again. Audited.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { AppError, notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

export const ChangePerformanceStatusInput = z.object({ action: z.enum(['publish', 'unpublish', 'cancel']) });
export type ChangePerformanceStatusInput = z.infer<typeof ChangePerformanceStatusInput>;

const TARGET = { publish: 'PUBLISHED', unpublish: 'DRAFT', cancel: 'CANCELLED' } as const;

export async function changePerformanceStatus(db: Db, redis: Redis, id: string, raw: ChangePerformanceStatusInput, actor: AdminActor) {
  const { action } = ChangePerformanceStatusInput.parse(raw);
  const performance = await db.$transaction(async (tx) => {
    const before = await tx.performance.findUnique({ where: { id } });
    if (!before) throw notFound('Performance');
    if (before.status === 'CANCELLED' && action !== 'cancel') throw new AppError('conflict', 'A cancelled performance cannot be reopened');
    const after = await tx.performance.update({ where: { id }, data: { status: TARGET[action] } });
    await recordAdminChange(tx, { ...actor, action: `performance.${action}`, entityType: 'performance', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return after;
  });
  await invalidateCatalogCache(redis);
  return performance;
}
