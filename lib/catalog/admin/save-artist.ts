// Admin: create an artist, or edit one when `id` is given. Audited; invalidates the catalog cache.
import { z } from 'zod';
import { recordAdminChange } from '../../audit/record-admin-change';
import type { Db } from '../../db/create-prisma';
import { notFound } from '../../errors/app-error';
import type { Redis } from '../../redis/create-redis';
import { GENRES } from '../genres';
import { invalidateCatalogCache } from '../invalidate-catalog-cache';
import type { AdminActor } from './admin-actor';

export const SaveArtistInput = z.object({
  id: z.uuid().optional(),
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a-z, 0-9, -)'),
  name: z.string().trim().min(1).max(200),
  genre: z.enum(GENRES).default('CONCERT'),
  description: z.string().max(5_000).nullish(),
  imageUrl: z.url().nullish(),
});
export type SaveArtistInput = z.input<typeof SaveArtistInput>;

export async function saveArtist(db: Db, redis: Redis, raw: SaveArtistInput, actor: AdminActor) {
  const { id, ...data } = SaveArtistInput.parse(raw);
  const artist = await db.$transaction(async (tx) => {
    const before = id ? await tx.artist.findUnique({ where: { id } }) : null;
    if (id && !before) throw notFound('Artist');
    const after = id ? await tx.artist.update({ where: { id }, data }) : await tx.artist.create({ data });
    await recordAdminChange(tx, { ...actor, action: id ? 'artist.update' : 'artist.create', entityType: 'artist', entityId: after.id, before, after });
    return after;
  });
  await invalidateCatalogCache(redis);
  return artist;
}
