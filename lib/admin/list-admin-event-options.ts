// The events an admin list's event filter offers: every event, by title (the catalog holds
// hundreds, not millions; 500 bounds the select).
import type { Db } from '../db/create-prisma';

export async function listAdminEventOptions(db: Db): Promise<{ id: string; title: string }[]> {
  return db.event.findMany({ select: { id: true, title: true }, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: 500 });
}
