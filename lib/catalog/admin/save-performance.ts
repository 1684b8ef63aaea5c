// Admin: create a performance, or edit one when `id` is given: date/time, hall, price per
// grade, sale windows and the per-person limit. Prices are replaced as a whole. Audited
// (before/after include the prices); invalidates the catalog cache.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { AppError, notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

const Instant = z.coerce.date();
export const SavePerformanceInput = z
  .object({
    id: z.uuid().optional(),
    eventId: z.uuid(),
    hallId: z.uuid(),
    startsAt: Instant,
    endsAt: Instant.nullish(),
    presaleOpensAt: Instant.nullish(),
    presaleClosesAt: Instant.nullish(),
    generalSaleOpensAt: Instant,
    generalSaleClosesAt: Instant,
    maxTicketsPerPerson: z.number().int().min(1).max(20).default(4),
    prices: z
      .array(z.object({ grade: z.string().regex(/^[A-Z0-9]{1,8}$/), amountKrw: z.number().int().min(0).max(10_000_000) }))
      .min(1)
      .refine((p) => new Set(p.map((x) => x.grade)).size === p.length, 'each grade once'),
  })
  .superRefine((v, ctx) => {
    if (!v.presaleOpensAt !== !v.presaleClosesAt) ctx.addIssue({ code: 'custom', path: ['presaleClosesAt'], message: 'give both presale instants or neither' });
    if (v.presaleOpensAt && v.presaleClosesAt && v.presaleOpensAt >= v.presaleClosesAt) ctx.addIssue({ code: 'custom', path: ['presaleClosesAt'], message: 'must be after presaleOpensAt' });
    if (v.presaleClosesAt && v.presaleClosesAt > v.generalSaleOpensAt) ctx.addIssue({ code: 'custom', path: ['generalSaleOpensAt'], message: 'must not be before presaleClosesAt' });
    if (v.generalSaleOpensAt >= v.generalSaleClosesAt) ctx.addIssue({ code: 'custom', path: ['generalSaleClosesAt'], message: 'must be after generalSaleOpensAt' });
    if (v.generalSaleClosesAt > v.startsAt) ctx.addIssue({ code: 'custom', path: ['generalSaleClosesAt'], message: 'must not be after startsAt' });
  });
export type SavePerformanceInput = z.input<typeof SavePerformanceInput>;

const withPrices = { prices: { select: { grade: true, amountKrw: true }, orderBy: { grade: 'asc' as const } } };

export async function savePerformance(db: Db, redis: Redis, raw: SavePerformanceInput, actor: AdminActor) {
  const { id, prices, ...data } = SavePerformanceInput.parse(raw);
  const performance = await db.$transaction(async (tx) => {
    const before = id ? await tx.performance.findUnique({ where: { id }, include: withPrices }) : null;
    if (id && !before) throw notFound('Performance');
    if (before && before.hallId !== data.hallId) {
      const [sold] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ticket.reservation_items WHERE performance_id = ${id}::uuid AND live`;
      if (sold!.n > 0) throw new AppError('conflict', 'Seats of this performance are sold; its hall cannot change');
    }
    const row = id ? await tx.performance.update({ where: { id }, data }) : await tx.performance.create({ data });
    await tx.performancePrice.deleteMany({ where: { performanceId: row.id } });
    await tx.performancePrice.createMany({ data: prices.map((p) => ({ performanceId: row.id, ...p })) });
    const after = await tx.performance.findUniqueOrThrow({ where: { id: row.id }, include: withPrices });
    await recordAdminChange(tx, { ...actor, action: id ? 'performance.update' : 'performance.create', entityType: 'performance', entityId: row.id, before, after });
    return after;
  });
  await invalidateCatalogCache(redis);
  return performance;
}
