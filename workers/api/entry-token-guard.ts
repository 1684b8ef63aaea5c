// The entry-token guard that seat, reservation and ticket routes put in front of their handlers:
// the gateway checked the token, the worker API checks it again (caller, performance, revocation).
import type { FastifyRequest } from 'fastify';
import { checkEntryToken } from '../../lib/entry-token/check-entry-token';
import { createVerifiedTokenCache } from '../../lib/entry-token/create-verified-token-cache';
import { resolveEntryTokenKeys } from '../../lib/entry-token/resolve-entry-token-keys';
import type { EntryTokenRejection } from '../../lib/entry-token/verify-entry-token';
import type { AdmittedEntry } from '../../lib/holds/entry-check-of';
import type { WorkerContext } from '../runtime/context';
import { queueMetrics } from '../runtime/queue-metrics';
import { requireCaller } from './internal-auth';

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
