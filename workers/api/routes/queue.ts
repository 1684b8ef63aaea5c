// /v1/queue/:performanceId/* — join, status, heartbeat, leave for the waiting room;
// /v1/admin/waiting-room/* — the admin's live view, settings and revocations; and the entry-token
// guard that seat/reservation/ticket routes put in front of their handlers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { z } from 'zod';
import { checkEntryToken } from '../../../lib/entry-token/check-entry-token';
import { createVerifiedTokenCache } from '../../../lib/entry-token/create-verified-token-cache';
import type { EntryTokenRejection } from '../../../lib/entry-token/verify-entry-token';
import type { EntryTokenKeys } from '../../../lib/entry-token/entry-token-keys';
import { resolveEntryTokenKeys } from '../../../lib/entry-token/resolve-entry-token-keys';
import { revokeAdmission } from '../../../lib/entry-token/revoke-admission';
import { signEntryToken } from '../../../lib/entry-token/sign-entry-token';
import { getQueueStatus } from '../../../lib/queue/get-queue-status';
import { getRoomOverview } from '../../../lib/queue/get-room-overview';
import { joinQueue } from '../../../lib/queue/join-queue';
import { leaveQueue } from '../../../lib/queue/leave-queue';
import { listRooms } from '../../../lib/queue/list-rooms';
import { RoomSettingsPatch } from '../../../lib/queue/room-settings';
import { sendHeartbeat } from '../../../lib/queue/send-heartbeat';
import { signQueueTicket } from '../../../lib/queue/sign-queue-ticket';
import { updateRoomSettings } from '../../../lib/queue/update-room-settings';
import type { AdmittedEntry } from '../../../lib/holds/hold-seats';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin, requireCaller } from '../internal-auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's hold script checks the entry token's revocation and records the heartbeat in its own round trip. */
    entryTokenRevocationInScript?: boolean;
  }
  interface FastifyRequest {
    /** Set by the entry-token guard on routes whose hold script checks revocation (see above). */
    admittedEntry?: AdmittedEntry | null;
  }
}

const Params = z.object({ performanceId: z.uuid() });
const StatusQuery = z.object({ seq: z.coerce.number().int().min(0).optional() });
const RevokeBody = z.object({ userId: z.string().min(1).max(64) });

/** The queue's metrics on the worker registry, created once per registry. */
export function queueMetrics(registry: Registry) {
  const get = <T>(name: string, make: () => T): T => (registry.getSingleMetric(name) as T | undefined) ?? make();
  return {
    depth: get('queue_waiting_users', () => new Gauge({ name: 'queue_waiting_users', help: 'Users waiting per performance', labelNames: ['performance'], registers: [registry] })),
    active: get('queue_active_users', () => new Gauge({ name: 'queue_active_users', help: 'Admitted users per performance', labelNames: ['performance'], registers: [registry] })),
    admitted: get('queue_admitted_total', () => new Counter({ name: 'queue_admitted_total', help: 'Users admitted', labelNames: ['performance'], registers: [registry] })),
    abandoned: get('queue_abandoned_total', () => new Counter({ name: 'queue_abandoned_total', help: 'Waiting users skipped because their heartbeat stopped', labelNames: ['performance'], registers: [registry] })),
    tokenRejections: get('entry_token_rejections_total', () => new Counter({ name: 'entry_token_rejections_total', help: 'Entry tokens refused, by reason', labelNames: ['reason'], registers: [registry] })),
  };
}

/**
 * preHandler for seat/reservation/ticket routes: the entry token (header x-entry-token, which the
 * gateway forwards) must be valid for the performance `performanceOf(request)` and the caller,
 * and not revoked. Refusals are logged and counted by reason. On a route configured with
 * `entryTokenRevocationInScript` the revocation check and heartbeat are left to the route's hold
 * script (one Redis round trip instead of two), which gets the token as `admittedEntry(request)`.
 */
export function createEntryTokenGuard(ctx: WorkerContext, performanceOf: (request: FastifyRequest) => string, now: () => number = Date.now) {
  const keys = resolveEntryTokenKeys(ctx.config);
  const cache = createVerifiedTokenCache();
  const metrics = queueMetrics(ctx.metrics);
  return async (request: FastifyRequest) => {
    const caller = requireCaller(request);
    const performanceId = performanceOf(request);
    const token = request.headers['x-entry-token'];
    const onReject = (reason: EntryTokenRejection) => {
      metrics.tokenRejections.inc({ reason });
      request.log.warn({ reason, performanceId, userId: caller.userId }, 'entry token refused');
    };
    const checkRevocation = request.routeOptions.config.entryTokenRevocationInScript !== true;
    const { jti } = await checkEntryToken(
      { redis: ctx.redis, keys, cache, now, onReject },
      { token: typeof token === 'string' ? token : undefined, performanceId, userId: caller.userId, checkRevocation },
    );
    if (!checkRevocation) request.admittedEntry = { jti, onRevoked: () => onReject('revoked') };
  };
}

/** The entry token the guard verified on an `entryTokenRevocationInScript` route, for its hold script. */
export function admittedEntry(request: FastifyRequest): AdmittedEntry {
  if (!request.admittedEntry) throw new Error('entry-token guard did not run on this route');
  return request.admittedEntry;
}

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
    const settings = await updateRoomSettings({ db: ctx.db, redis: ctx.redis }, { performanceId, actorId: admin.userId, patch });
    request.log.info({ performanceId, patch, actor: admin.userId }, 'waiting room settings changed');
    return { settings };
  });

  app.post('/v1/admin/waiting-room/:performanceId/revoke', async (request) => {
    const admin = requireAdmin(request);
    const { performanceId } = Params.parse(request.params);
    const { userId } = RevokeBody.parse(request.body ?? {});
    const revoked = await revokeAdmission(ctx.redis, { performanceId, userId });
    await ctx.db.waitingRoomAudit.create({ data: { performanceId, actorId: /^[0-9a-f-]{36}$/i.test(admin.userId) ? admin.userId : null, action: 'revoke', after: { userId, revoked } } });
    return { revoked };
  });
}
