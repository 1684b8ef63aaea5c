// /v1/queue/:performanceId/* — join, status, heartbeat, leave for the waiting room;
// /v1/admin/waiting-room/* — the admin's live view, settings and revocations.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EntryTokenKeys } from '../../../lib/entry-token/entry-token-keys';
import { resolveEntryTokenKeys } from '../../../lib/entry-token/resolve-entry-token-keys';
import { signEntryToken } from '../../../lib/entry-token/sign-entry-token';
import { getQueueStatus } from '../../../lib/queue/get-queue-status';
import { getRoomOverview } from '../../../lib/queue/get-room-overview';
import { joinQueue } from '../../../lib/queue/join-queue';
import { leaveQueue } from '../../../lib/queue/leave-queue';
import { listRooms } from '../../../lib/queue/list-rooms';
import { revokeRoomAdmission } from '../../../lib/queue/revoke-room-admission';
import { RoomSettingsPatch } from '../../../lib/queue/room-settings';
import { sendHeartbeat } from '../../../lib/queue/send-heartbeat';
import { signQueueTicket } from '../../../lib/queue/sign-queue-ticket';
import { updateRoomSettings } from '../../../lib/queue/update-room-settings';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin, requireCaller } from '../internal-auth';

const Params = z.object({ performanceId: z.uuid() });
const StatusQuery = z.object({ seq: z.coerce.number().int().min(0).optional() });
const RevokeBody = z.object({ userId: z.string().min(1).max(64) });

export function registerQueueRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const keys: EntryTokenKeys = resolveEntryTokenKeys(ctx.config);

  async function statusBody(performanceId: string, userId: string, seq: number | undefined) {
    const nowMs = now();
    const status = await getQueueStatus(ctx.redis, { performanceId, userId, seq, nowMs });
    if (status.state !== 'admitted') return status;
    return { ...status, entryToken: await signEntryToken(keys, { userId, performanceId, admittedUntilMs: status.admittedUntil }) };
  }

  app.post('/v1/queue/:performanceId/join', async (request) => {
    const { userId } = requireCaller(request);
    const { performanceId } = Params.parse(request.params);
    const joined = await joinQueue({ redis: ctx.redis, db: ctx.db, now }, { performanceId, userId });
    const seq = joined.state === 'waiting' ? joined.seq : -1;
    const ticket = await signQueueTicket(keys, { userId, performanceId, seq, nowMs: now() });
    const status =
      joined.status.state === 'admitted'
        ? { ...joined.status, entryToken: await signEntryToken(keys, { userId, performanceId, admittedUntilMs: joined.status.admittedUntil }) }
        : joined.status;
    return { ticket, seq, preQueue: joined.state === 'waiting' && joined.preQueue, status };
  });

  app.get('/v1/queue/:performanceId/status', async (request, reply) => {
    const { userId } = requireCaller(request);
    const { performanceId } = Params.parse(request.params);
    const { seq } = StatusQuery.parse(request.query);
    reply.header('cache-control', 'no-store');
    return statusBody(performanceId, userId, seq);
  });

  app.post('/v1/queue/:performanceId/heartbeat', async (request) => {
    const { userId } = requireCaller(request);
    const { performanceId } = Params.parse(request.params);
    return { state: await sendHeartbeat(ctx.redis, { performanceId, userId, nowMs: now() }) };
  });

  app.post('/v1/queue/:performanceId/leave', async (request) => {
    const { userId } = requireCaller(request);
    const { performanceId } = Params.parse(request.params);
    return { result: await leaveQueue(ctx.redis, { performanceId, userId }) };
  });

  app.get('/v1/admin/waiting-room', async (request) => {
    requireAdmin(request);
    return { rooms: await listRooms(ctx.db, now()) };
  });

  app.get('/v1/admin/waiting-room/:performanceId', async (request, reply) => {
    requireAdmin(request);
    const { performanceId } = Params.parse(request.params);
    reply.header('cache-control', 'no-store');
    return getRoomOverview({ db: ctx.db, redis: ctx.redis }, { performanceId, nowMs: now() });
  });

  app.patch('/v1/admin/waiting-room/:performanceId', async (request) => {
    const admin = requireAdmin(request);
    const { performanceId } = Params.parse(request.params);
    const patch = RoomSettingsPatch.parse(request.body ?? {});
    const settings = await updateRoomSettings({ db: ctx.db, redis: ctx.redis }, { performanceId, actorId: admin.userId, patch, requestId: request.id });
    request.log.info({ performanceId, patch, actor: admin.userId }, 'waiting room settings changed');
    return { settings };
  });

  app.post('/v1/admin/waiting-room/:performanceId/revoke', async (request) => {
    const admin = requireAdmin(request);
    const { performanceId } = Params.parse(request.params);
    const { userId } = RevokeBody.parse(request.body ?? {});
    return { revoked: await revokeRoomAdmission({ db: ctx.db, redis: ctx.redis }, { performanceId, userId, actorId: admin.userId, requestId: request.id }) };
  });
}
