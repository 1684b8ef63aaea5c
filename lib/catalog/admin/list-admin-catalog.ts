// Admin: everything the catalog dashboard lists, drafts and cancelled included (never cached).
import type { Db } from '../../db/create-prisma';

export async function listAdminCatalog(db: Db) {
  const [artists, venues, events] = await Promise.all([
    db.artist.findMany({ orderBy: { name: 'asc' } }),
    db.venue.findMany({ orderBy: { name: 'asc' }, include: { halls: { orderBy: { name: 'asc' }, select: { id: true, name: true, seatCount: true, seatMapVersion: true } } } }),
    db.event.findMany({
      orderBy: { createdAt: 'desc' },
      include: {
        artist: { select: { name: true } },
        performances: { orderBy: { startsAt: 'asc' }, include: { prices: { orderBy: { amountKrw: 'desc' } }, hall: { select: { name: true, venue: { select: { timeZone: true } } } } } },
      },
    }),
  ]);
  return { artists, venues, events };
}
export type AdminCatalog = Awaited<ReturnType<typeof listAdminCatalog>>;
