// Admin: create an event, or edit one when `id` is given (publish/unpublish through `status`).
// Audited; invalidates the catalog cache.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { GENRES } from '../genres';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

export const SaveEventInput = z.object({
  id: z.uuid().optional(),
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a-z, 0-9, -)'),
  title: z.string().trim().min(1).max(300),
  artistId: z.uuid().nullish(),
  genre: z.enum(GENRES).default('CONCERT'),
  description: z.string().max(10_000).default(''),
  posterUrl: z.url().nullish(),
  status: z.enum(['DRAFT', 'PUBLISHED', 'CANCELLED']).default('DRAFT'),
  /** 양도 on or off; omitted → unchanged (a new event starts with transfers off). */
  transfersEnabled: z.boolean().optional(),
});
export type SaveEventInput = z.input<typeof SaveEventInput>;

export async function saveEvent(db: Db, redis: Redis, raw: SaveEventInput, actor: AdminActor) {
  const { id, ...data } = SaveEventInput.parse(raw);
  const event = await db.$transaction(async (tx) => {
    const before = id ? await tx.event.findUnique({ where: { id } }) : null;
    if (id && !before) throw notFound('Event');
    const after = id ? await tx.event.update({ where: { id }, data }) : await tx.event.create({ data });
    await recordAdminChange(tx, { ...actor, action: id ? 'event.update' : 'event.create', entityType: 'event', entityId: after.id, before, after });
    return after;
  });
  await invalidateCatalogCache(redis);
  return event;
}
