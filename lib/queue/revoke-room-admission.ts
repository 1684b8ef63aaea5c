// The admin revokes one user's admission to a performance: the entry token stops working and the
// slot is freed (revokeAdmission), and the act is audited beside the room's settings changes.
import type { Db } from '../db/create-prisma';
import { revokeAdmission } from '../entry-token/revoke-admission';
import type { Redis } from '../redis/create-redis';

export async function revokeRoomAdmission(
  deps: { db: Db; redis: Redis },
  input: { performanceId: string; userId: string; actorId: string | null },
): Promise<boolean> {
  const revoked = await revokeAdmission(deps.redis, { performanceId: input.performanceId, userId: input.userId });
  await deps.db.waitingRoomAudit.create({
    data: {
      performanceId: input.performanceId,
      // The actor is a user id when the caller is a signed-in admin (a uuid); scripts pass null.
      actorId: input.actorId && /^[0-9a-f-]{36}$/i.test(input.actorId) ? input.actorId : null,
      action: 'revoke',
      after: { userId: input.userId, revoked },
    },
  });
  return revoked;
}
