// Seat holds and reservations of one performance; every route needs the caller's entry token.
// GET    /v1/performances/:performanceId/holds                — my held seats and their expiry
// POST   /v1/performances/:performanceId/holds                — hold the seats I picked
// POST   /v1/performances/:performanceId/holds/best-available — hold N adjacent seats of a grade
// DELETE /v1/performances/:performanceId/holds                — release some or all of my seats
// POST   /v1/performances/:performanceId/reservations         — turn held seats into a reservation
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HoldBestAvailableInput, holdBestAvailable } from '../../../lib/holds/hold-best-available';
import { HoldSeatsInput, holdSeats } from '../../../lib/holds/hold-seats';
import { listHeldSeats } from '../../../lib/holds/list-held-seats';
import { ReleaseHeldSeatsInput, releaseHeldSeats } from '../../../lib/holds/release-held-seats';
import { CreateReservationInput, IdempotencyKey, createReservation } from '../../../lib/reservations/create-reservation';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';
import { admittedEntry, createEntryTokenGuard } from '../entry-token-guard';

const PerformanceParams = z.object({ performanceId: z.uuid() });
// Built once: zod compiles an object schema on its first parse, so a schema built per request
// was compiled per request (a tenth of a reservation's CPU in the worker API's profile).
const ReservationHeaders = z.object({ 'idempotency-key': IdempotencyKey });
const ReservationBody = z.object({ seats: CreateReservationInput.shape.seats });

export function registerSeatHoldRoutes(parent: FastifyInstance, ctx: WorkerContext) {
  // Its own plugin scope, so the entry-token hook covers these routes only.
  parent.register(async (app) => {
  const deps = { db: ctx.db, redis: ctx.redis, holdSeconds: ctx.config.SEAT_HOLD_SECONDS };
  app.decorateRequest('admittedEntry', null);
  // The hold scripts (and the reservation's check of its holds) check the entry token's revocation
  // and record the heartbeat themselves.
  const revocationInScript = { config: { entryTokenRevocationInScript: true } };
  // The gateway checked the entry token; the worker API checks it again (caller, performance, revocation).
  app.addHook(
    'preHandler',
    createEntryTokenGuard(ctx, (request) => PerformanceParams.parse(request.params).performanceId),
  );

  app.get('/v1/performances/:performanceId/holds', async (request) => {
    const caller = requireCaller(request);
    const { performanceId } = PerformanceParams.parse(request.params);
    return { hold: await listHeldSeats(deps, performanceId, caller.userId) };
  });

  app.post('/v1/performances/:performanceId/holds', revocationInScript, async (request, reply) => {
    const caller = requireCaller(request);
    const { performanceId } = PerformanceParams.parse(request.params);
    const hold = await holdSeats(deps, performanceId, caller.userId, HoldSeatsInput.parse(request.body), admittedEntry(request));
    return reply.code(201).send({ hold });
  });

  app.post('/v1/performances/:performanceId/holds/best-available', revocationInScript, async (request, reply) => {
    const caller = requireCaller(request);
    const { performanceId } = PerformanceParams.parse(request.params);
    const hold = await holdBestAvailable(deps, performanceId, caller.userId, HoldBestAvailableInput.parse(request.body), admittedEntry(request));
    return reply.code(201).send({ hold });
  });

  app.delete('/v1/performances/:performanceId/holds', async (request) => {
    const caller = requireCaller(request);
    const { performanceId } = PerformanceParams.parse(request.params);
    return releaseHeldSeats(deps, performanceId, caller.userId, ReleaseHeldSeatsInput.parse(request.body ?? {}));
  });

  app.post('/v1/performances/:performanceId/reservations', revocationInScript, async (request, reply) => {
    const caller = requireCaller(request);
    const { performanceId } = PerformanceParams.parse(request.params);
    const idempotencyKey = ReservationHeaders.parse(request.headers)['idempotency-key'];
    const { seats } = ReservationBody.parse(request.body);
    const { reservation, replayed } = await createReservation(deps, caller.userId, idempotencyKey, { performanceId, seats }, admittedEntry(request));
    return reply.code(replayed ? 200 : 201).header('idempotent-replayed', String(replayed)).send({ reservation });
  });
  });
}
