// An admin puts a registered user on the door of one event: the user becomes STAFF (an admin stays
// ADMIN) and may scan that event's tickets from the next scan on. Audited with the change.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';

export const AssignEventStaffInput = z.object({
  eventId: z.uuid(),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  actorId: z.uuid(),
  requestId: z.string().max(128).nullish(),
});
export type AssignEventStaffInput = z.input<typeof AssignEventStaffInput>;

export async function assignEventStaff(db: Db, input: AssignEventStaffInput): Promise<{ userId: string; role: 'STAFF' | 'ADMIN' }> {
  const { eventId, email, actorId, requestId } = AssignEventStaffInput.parse(input);
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
    if (!event) throw notFound('Event');
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!user) throw new AppError('not_found', 'No account uses this email address', { field: 'email' });
    const role = user.role === 'ADMIN' ? 'ADMIN' : 'STAFF';
    if (user.role !== role) await tx.user.update({ where: { id: user.id }, data: { role } });
    const { count } = await tx.eventStaff.createMany({ data: [{ eventId, userId: user.id, assignedBy: actorId }], skipDuplicates: true });
    if (count > 0) {
      await recordAdminChange(tx, { actorId, action: 'event.assign_staff', entityType: 'event', entityId: eventId, before: { userId: user.id, role: user.role }, after: { userId: user.id, role }, requestId });
    }
    return { userId: user.id, role };
  });
}
