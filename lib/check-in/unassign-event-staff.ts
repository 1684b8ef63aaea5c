// An admin takes a user off an event's door; one left on no door goes back to being a fan.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

export const UnassignEventStaffInput = z.object({
  eventId: z.uuid(),
  userId: z.uuid(),
  actorId: z.uuid(),
  requestId: z.string().max(128).nullish(),
});
export type UnassignEventStaffInput = z.infer<typeof UnassignEventStaffInput>;

export async function unassignEventStaff(db: Db, input: UnassignEventStaffInput): Promise<void> {
  const { eventId, userId, actorId, requestId } = UnassignEventStaffInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.eventStaff.deleteMany({ where: { eventId, userId } });
    if (count === 0) throw notFound('Staff assignment');
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    const elsewhere = await tx.eventStaff.count({ where: { userId } });
    const role = user.role === 'STAFF' && elsewhere === 0 ? 'USER' : user.role;
    if (role !== user.role) await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAdminChange(tx, { actorId, action: 'event.unassign_staff', entityType: 'event', entityId: eventId, before: { userId, role: user.role }, after: { userId, role }, requestId });
  });
}
