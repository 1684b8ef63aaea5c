// Admin: create a venue, or edit one when `id` is given. Audited; invalidates the catalog cache.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { isTimeZone } from '../../i18n/is-time-zone';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

export const SaveVenueInput = z.object({
  id: z.uuid().optional(),
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a-z, 0-9, -)'),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(300),
  timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Asia/Seoul').default('Asia/Seoul'),
});
export type SaveVenueInput = z.input<typeof SaveVenueInput>;

export async function saveVenue(db: Db, redis: Redis, raw: SaveVenueInput, actor: AdminActor) {
  const { id, ...data } = SaveVenueInput.parse(raw);
  const venue = await db.$transaction(async (tx) => {
    const before = id ? await tx.venue.findUnique({ where: { id } }) : null;
    if (id && !before) throw notFound('Venue');
    const after = id ? await tx.venue.update({ where: { id }, data }) : await tx.venue.create({ data });
    await recordAdminChange(tx, { ...actor, action: id ? 'venue.update' : 'venue.create', entityType: 'venue', entityId: after.id, before, after });
    return after;
  });
  await invalidateCatalogCache(redis);
  return venue;
}
