// The admin revokes one user's admission to a performance: the entry token stops working and the
// slot is freed (revokeAdmission), and the act is audited beside the room's settings changes and
// in the admin audit log.
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { revokeAdmission } from '../entry-token/revoke-admission';
import type { Redis } from '../redis/create-redis';

export async function revokeRoomAdmission(
  deps: { db: Db; redis: Redis },
  input: { performanceId: string; userId: string; actorId: string | null; requestId?: string | null },
): Promise<boolean> {
  const revoked = await revokeAdmission(deps.redis, { performanceId: input.performanceId, userId: input.userId });
  // The actor is a user id when the caller is a signed-in admin (a uuid); scripts pass null.
  const actorId = input.actorId && /^[0-9a-f-]{36}$/i.test(input.actorId) ? input.actorId : null;
  const after = { userId: input.userId, revoked };
  await deps.db.$transaction(async (tx) => {
    await tx.waitingRoomAudit.create({ data: { performanceId: input.performanceId, actorId, action: 'revoke', after } });
    await recordAdminChange(tx, { actorId, action: 'waiting_room.revoke', entityType: 'performance', entityId: input.performanceId, after, requestId: input.requestId });
  });
  return revoked;
}
