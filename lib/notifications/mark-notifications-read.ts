// Marks the caller's notices read: the given ids, or all of them. Another user's ids match
// nothing, so they change nothing.
import type { Db } from '../db/create-prisma';

export async function markNotificationsRead(db: Db, input: { userId: string; ids: string[] | 'all'; now: Date }): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: input.userId, readAt: null, ...(input.ids === 'all' ? {} : { id: { in: input.ids } }) },
    data: { readAt: input.now },
  });
  return { marked: count };
}
