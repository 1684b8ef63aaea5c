// Admin: create a hall in a venue, or rename one when `id` is given (its seats come from an
// import or drawn blocks). Audited; invalidates the catalog cache.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

export const SaveHallInput = z.object({
  id: z.uuid().optional(),
  venueId: z.uuid(),
  name: z.string().trim().min(1).max(100),
});
export type SaveHallInput = z.input<typeof SaveHallInput>;

export async function saveHall(db: Db, redis: Redis, raw: SaveHallInput, actor: AdminActor) {
  const { id, ...data } = SaveHallInput.parse(raw);
  const hall = await db.$transaction(async (tx) => {
    const before = id ? await tx.hall.findUnique({ where: { id } }) : null;
    if (id && !before) throw notFound('Hall');
    const after = id ? await tx.hall.update({ where: { id }, data }) : await tx.hall.create({ data });
    await recordAdminChange(tx, { ...actor, action: id ? 'hall.update' : 'hall.create', entityType: 'hall', entityId: after.id, before, after });
    return after;
  });
  await invalidateCatalogCache(redis);
  return hall;
}
