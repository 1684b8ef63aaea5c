// The door: staff assigned to the performance's event (or an admin) scan tickets.
// GET  /v1/staff/performances                        — the performances the caller can scan
// POST /v1/staff/scans                               — one live scan → valid / already used / …
// GET  /v1/staff/performances/:id/offline-pack       — the signed ticket and revocation lists
// POST /v1/staff/performances/:id/offline-scans      — a device's queued offline scans, idempotent
// GET  /v1/staff/performances/:id/check-in-report    — checked in vs sold per gate and grade, double entries
import type { FastifyInstance } from 'fastify';
import { assertCanScan } from '../../../lib/check-in/assert-can-scan';
import { buildOfflinePack } from '../../../lib/check-in/build-offline-pack';
import { getCheckInReport } from '../../../lib/check-in/get-check-in-report';
import { listScannablePerformances } from '../../../lib/check-in/list-scannable-performances';
import { scanTicket } from '../../../lib/check-in/scan-ticket';
import { syncOfflineScans } from '../../../lib/check-in/sync-offline-scans';
import { loadTicketKeys } from '../../../lib/tickets/load-ticket-keys';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

export function registerCheckInRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const keys = loadTicketKeys(ctx.config.TICKET_SIGNING_KEY);
  const deps = { db: ctx.db, keys, publicKey: keys.publicKey, opensMinutesBefore: ctx.config.CHECK_IN_OPENS_MINUTES_BEFORE };
  const now = () => new Date(options.now?.() ?? Date.now());

  app.get('/v1/staff/performances', async (request) => {
    const caller = requireCaller(request);
    return { performances: (await listScannablePerformances(ctx.db, caller.userId, now())) ?? [] };
  });

  app.post('/v1/staff/scans', async (request) => {
    const caller = requireCaller(request);
    return { scan: await scanTicket(deps, caller.userId, request.body ?? {}, now()) };
  });

  app.get<{ Params: { id: string } }>('/v1/staff/performances/:id/offline-pack', async (request) => {
    const caller = requireCaller(request);
    return { pack: await buildOfflinePack(deps, caller.userId, request.params.id, now()) };
  });

  app.post<{ Params: { id: string } }>('/v1/staff/performances/:id/offline-scans', async (request) => {
    const caller = requireCaller(request);
    return syncOfflineScans(deps, caller.userId, { ...(request.body as object), performanceId: request.params.id }, now());
  });

  app.get<{ Params: { id: string } }>('/v1/staff/performances/:id/check-in-report', async (request) => {
    const caller = requireCaller(request);
    await assertCanScan(ctx.db, caller.userId, request.params.id);
    return { report: await getCheckInReport(ctx.db, request.params.id) };
  });
}
