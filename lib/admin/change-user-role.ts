// An admin gives a user another role (USER, STAFF, ADMIN). Audited in the same transaction; the
// gateway sees the new role on the user's next request (store-user-standing.ts), not when their
// session cookie next renews.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import { ROLES, type Role } from '../auth/roles';
import { storeUserStanding } from '../auth/store-user-standing';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { lockManagedUser } from './lock-managed-user';

export const ChangeUserRoleInput = z.object({
  userId: z.string(),
  role: z.enum(ROLES),
  actorId: z.uuid(),
  requestId: z.string().max(128).nullish(),
});
export type ChangeUserRoleInput = z.input<typeof ChangeUserRoleInput>;

export async function changeUserRole(deps: { db: Db; redis: Redis }, input: ChangeUserRoleInput): Promise<{ id: string; role: Role; suspended: boolean }> {
  const { userId, role, actorId, requestId } = ChangeUserRoleInput.parse(input);
  const user = await deps.db.$transaction(async (tx) => {
    const before = await lockManagedUser(tx, userId, actorId);
    if (before.role !== role) {
      await tx.user.update({ where: { id: before.id }, data: { role } });
      await recordAdminChange(tx, { actorId, action: 'user.change_role', entityType: 'user', entityId: before.id, before: { role: before.role }, after: { role }, requestId });
    }
    return { ...before, role };
  });
  const standing = { role: user.role, suspended: user.suspendedAt !== null };
  await storeUserStanding(deps.redis, user.id, standing);
  return { id: user.id, ...standing };
}
