// An admin suspends a user (they cannot sign in, and the gateway refuses the sessions they still
// hold from their next request on) or lifts the suspension. Audited with the reason in the same
// transaction.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import { storeUserStanding } from '../auth/store-user-standing';
import type { Role } from '../auth/roles';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { lockManagedUser } from './lock-managed-user';

export const SetUserSuspensionInput = z.object({
  userId: z.string(),
  suspended: z.boolean(),
  reason: z.string().trim().max(500).optional(),
  actorId: z.uuid(),
  requestId: z.string().max(128).nullish(),
});
export type SetUserSuspensionInput = z.input<typeof SetUserSuspensionInput>;

export async function setUserSuspension(
  deps: { db: Db; redis: Redis; now: Date },
  input: SetUserSuspensionInput,
): Promise<{ id: string; role: Role; suspended: boolean; suspendedAt: string | null }> {
  const { userId, suspended, reason, actorId, requestId } = SetUserSuspensionInput.parse(input);
  const user = await deps.db.$transaction(async (tx) => {
    const before = await lockManagedUser(tx, userId, actorId);
    if ((before.suspendedAt !== null) === suspended) return before;
    const suspendedAt = suspended ? deps.now : null;
    await tx.user.update({ where: { id: before.id }, data: { suspendedAt } });
    await recordAdminChange(tx, {
      actorId,
      action: suspended ? 'user.suspend' : 'user.unsuspend',
      entityType: 'user',
      entityId: before.id,
      before: { suspendedAt: before.suspendedAt },
      after: { suspendedAt, ...(reason ? { reason } : {}) },
      requestId,
    });
    return { ...before, suspendedAt };
  });
  await storeUserStanding(deps.redis, user.id, { role: user.role, suspended: user.suspendedAt !== null });
  return { id: user.id, role: user.role, suspended: user.suspendedAt !== null, suspendedAt: user.suspendedAt?.toISOString() ?? null };
}
