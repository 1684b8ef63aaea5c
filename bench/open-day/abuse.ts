// --abuse: alongside the fans, a few accounts and bots try what attackers try, every two seconds
// during the sale and in one flood per rate-limit category. Each attempt has the statuses that
// count as the right refusal; anything else is counted as wrongly answered. After the sale the
// abusers must own nothing (no reservation, payment, hold or queue place), no forged webhook
// may be stored, and every process must still be up.
import { randomUUID } from 'node:crypto';
import { entryCookieName } from '../../lib/entry-token/entry-cookie-name';
import { resolveEntryTokenKeys } from '../../lib/entry-token/resolve-entry-token-keys';
import { signEntryToken } from '../../lib/entry-token/sign-entry-token';
import { seatHoldKeys } from '../../lib/holds/seat-hold-keys';
import { queueKeys } from '../../lib/queue/queue-keys';
import { RATE_LIMITS } from '../../lib/rate-limit/consume-rate-limit';
import { createRedis } from '../../lib/redis/create-redis';
import { signWebhook } from '../../stand-ins/portone/sign-webhook';
import { BENCH_SECRETS } from '../support/bench-secrets';
import { EndpointStats, HttpClient, type RequestSpec } from './http-client';
import { createSimUsers, SESSION_COOKIE, sessionCookieFor, type SimUser } from './seed-sale';
import type { SideShow, SideShowContext } from './side-show';

export type AbuseKind =
  | 'noSession'
  | 'expiredSession'
  | 'forgedSession'
  | 'otherUsersEntryToken'
  | 'forgedEntryToken'
  | 'otherUsersIds'
  | 'forgedWebhook'
  | 'staleReplayedWebhook'
  | 'duplicateReplayedWebhook'
  | 'malformedJson'
  | 'oversizedJson'
  | 'overRateLimit'
  | 'holdBot';

/**
 * unavailable: 503 while a piece is down (with --faults: a killed worker, PostgreSQL restarting).
 * It accepts nothing, so it is counted apart rather than as a wrong answer.
 */
type Tally = { sent: number; refusedRightly: number; unavailable: number; wronglyAnswered: number; statuses: Record<string, number> };
export type AbuseSummary = {
  kinds: Record<AbuseKind, Tally>;
  attempts: number;
  unavailable: number;
  wronglyAnswered: number;
  /** Rows, holds or queue places the abusers ended up with, and forged webhooks stored. */
  stateChanges: number;
  stateChangeDetail: Record<string, number>;
  serverUp: boolean;
  examplesWronglyAnswered: string[];
};

const ROUND_MS = 2_000;
/** Carol floods the rate limits, the bot hammers holds; the rest rotate through the rounds. */
const FIXED_ACCOUNTS = 2;
const ROTATION = 30;
const BOT_REQUESTS = 300;
const OVERSIZED = `{"seats":[${'1,'.repeat(600_000)}1]}`; // ~1.2 MB, over the 1 MiB body limit
const FORGED_SECRET = `whsec_${Buffer.from('not the store secret, not at all').toString('base64')}`;

class Abuser {
  readonly tally = new Map<AbuseKind, Tally>();
  readonly wrongExamples: string[] = [];
  readonly client: HttpClient;

  constructor(private readonly context: SideShowContext) {
    this.client = new HttpClient(new URL(context.platform.nextUrl), new EndpointStats(), 64);
  }

  get performanceId() {
    return this.context.sale.performanceId;
  }

  /** Sends one attempt and checks its status against the right refusals for its kind. */
  async attempt(kind: AbuseKind, label: string, spec: RequestSpec & { cookies?: Record<string, string>; ip?: string }, right: number[] | (() => number[])) {
    const cookie = Object.entries(spec.cookies ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const answer = await this.client.request(`${kind} ${label}`, {
      ...spec,
      headers: {
        'x-forwarded-for': spec.ip ?? '2001:db8:abcd::1',
        'accept-language': 'en',
        ...(spec.method !== 'GET' ? { origin: this.client.origin } : {}),
        ...(cookie ? { cookie } : {}),
        ...spec.headers,
      },
    });
    const t = this.tally.get(kind) ?? { sent: 0, refusedRightly: 0, unavailable: 0, wronglyAnswered: 0, statuses: {} };
    t.sent++;
    t.statuses[String(answer.status)] = (t.statuses[String(answer.status)] ?? 0) + 1;
    if ((typeof right === 'function' ? right() : right).includes(answer.status)) t.refusedRightly++;
    else if (answer.status === 503) t.unavailable++;
    else {
      t.wronglyAnswered++;
      if (this.wrongExamples.length < 10) this.wrongExamples.push(`${kind} ${label}: ${answer.status} ${answer.body.toString().slice(0, 160)}`);
    }
    this.tally.set(kind, t);
    return answer;
  }
}

/** A victim's ids, read from the database as the sale goes on. */
async function victimIds(context: SideShowContext): Promise<{ reservationId: string; paymentId: string | null } | null> {
  const [row] = await context.db
    .$queryRawUnsafe<{ reservation_id: string; payment_id: string | null }[]>(
      `SELECT r.id::text AS reservation_id, p.portone_payment_id AS payment_id
         FROM ticket.reservations r LEFT JOIN payment.payments p ON p.reservation_id = r.id
        WHERE r.performance_id = $1::uuid ORDER BY r.created_at DESC LIMIT 1`,
      context.sale.performanceId,
    )
    .catch(() => []);
  return row ? { reservationId: row.reservation_id, paymentId: row.payment_id } : null;
}

async function latestDelivery(portoneUrl: string): Promise<{ webhookId: string; body: string } | null> {
  const deliveries = (await fetch(`${portoneUrl}/__stand-in/deliveries`).then((r) => r.json(), () => [])) as Array<{ webhookId: string; body: string; state: string }>;
  const delivered = deliveries.filter((d) => d.state === 'delivered');
  return delivered[delivered.length - 1] ?? null;
}

export function startAbuse(context: SideShowContext): SideShow<AbuseSummary> {
  const abuser = new Abuser(context);
  const P = context.sale.performanceId;
  const keys = resolveEntryTokenKeys(BENCH_SECRETS);
  const forgedKeys = resolveEntryTokenKeys({ ENTRY_TOKEN_SECRET: 'forged-entry-token-secret-0123456789abcdef' });
  const webhookSecret = context.platform.options.portone.webhookSecret;
  let accounts: SimUser[] = [];
  let stopped = false;
  const forgedWebhookIds: string[] = [];

  /** One probe of every kind that needs a victim or an admitted abuser. */
  async function round(i: number) {
    // Fresh accounts each round, back in turn after a minute: BOOKING allows 10 calls a minute per
    // user, and a round spends 9 of Mallory's, so what is judged is the request, not the throttle.
    const mallory = accounts[FIXED_ACCOUNTS + (i % ROTATION)]!;
    const eve = accounts[FIXED_ACCOUNTS + ROTATION + (i % ROTATION)]!;
    const session = (user: SimUser) => ({ [SESSION_COOKIE]: user.cookie });
    // Mallory is admitted (her entry token is signed with the platform's key, as an admission would be).
    const malloryEntry = await signEntryToken(keys, { userId: mallory.id, performanceId: P, admittedUntilMs: Date.now() + 600_000 });
    const eveEntry = await signEntryToken(keys, { userId: eve.id, performanceId: P, admittedUntilMs: Date.now() + 600_000 });
    const admitted = { ...session(mallory), [entryCookieName(P)]: malloryEntry };
    const ip = `2001:db8:abcd:${(i % 0xffff).toString(16)}::1`;
    const holdPath = `/api/performances/${P}/holds`;
    const seatsBody = { seats: [i % context.sale.hallSeats] };

    // Sessions that are missing, expired or forged: signed out → 401. On seat routes the edge
    // (proxy.ts) refuses first, for want of an entry token: 403 before the gateway reads a session.
    const expired = await sessionCookieFor(mallory.id, { maxAgeSeconds: -60 });
    const forged = await sessionCookieFor(randomUUID(), { secret: 'a-forged-auth-secret-0123456789abcdef0123' });
    for (const [kind, cookies] of [
      ['noSession', {}],
      ['expiredSession', { [SESSION_COOKIE]: expired }],
      ['forgedSession', { [SESSION_COOKIE]: forged }],
    ] as const) {
      await abuser.attempt(kind, 'GET reservations', { method: 'GET', path: '/api/reservations', cookies, ip }, [401]);
      await abuser.attempt(kind, 'POST checkout', { method: 'POST', path: `/api/reservations/${randomUUID()}/checkout`, cookies, ip }, [401]);
      await abuser.attempt(kind, 'POST holds', { method: 'POST', path: holdPath, body: seatsBody, cookies, ip }, [403]);
    }

    // Entry tokens that are not the caller's, or not ours: 403.
    await abuser.attempt('otherUsersEntryToken', 'POST holds', { method: 'POST', path: holdPath, body: seatsBody, cookies: { ...session(mallory), [entryCookieName(P)]: eveEntry } }, [403, 429]);
    const forgedEntry = await signEntryToken(forgedKeys, { userId: mallory.id, performanceId: P, admittedUntilMs: Date.now() + 600_000 });
    await abuser.attempt('forgedEntryToken', 'POST best-available', { method: 'POST', path: `${holdPath}/best-available`, body: { grade: 'VIP', count: 4 }, cookies: { ...session(mallory), [entryCookieName(P)]: forgedEntry } }, [403, 429]);

    // Another user's reservation and payment: 404, as if they did not exist (BOOKING: 10 a minute, then 429).
    const victim = await victimIds(context);
    if (victim) {
      await abuser.attempt('otherUsersIds', 'GET reservation', { method: 'GET', path: `/api/reservations/${victim.reservationId}`, cookies: session(eve) }, [404, 429]);
      await abuser.attempt('otherUsersIds', 'POST cancel', { method: 'POST', path: `/api/reservations/${victim.reservationId}/cancel`, cookies: session(eve) }, [404, 429]);
      await abuser.attempt('otherUsersIds', 'POST checkout', { method: 'POST', path: `/api/reservations/${victim.reservationId}/checkout`, cookies: session(eve) }, [404, 429]);
      if (victim.paymentId) {
        await abuser.attempt('otherUsersIds', 'GET payment', { method: 'GET', path: `/api/payments/${victim.paymentId}`, cookies: session(eve) }, [404, 429]);
        await abuser.attempt('otherUsersIds', 'POST complete', { method: 'POST', path: `/api/payments/${victim.paymentId}/complete`, body: {}, cookies: session(eve) }, [404, 429]);
      }
    }

    // Webhooks: signed with a key that is not the store's (401); a real delivery replayed with
    // its old timestamp (outside the 5-minute tolerance: 401) or re-signed now (accepted as the
    // duplicate it is: 200, and nothing happens twice).
    const forgedId = `msg_forged_${randomUUID()}`;
    forgedWebhookIds.push(forgedId);
    const forgedBody = JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId: victim?.paymentId ?? randomUUID(), storeId: context.platform.options.portone.storeId, transactionId: randomUUID() } });
    const now = Math.floor(Date.now() / 1000);
    const webhookHeaders = (id: string, at: number, body: string, secret: string) => ({ 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signWebhook(secret, id, at, body) });
    await abuser.attempt('forgedWebhook', 'POST webhook', { method: 'POST', path: '/api/webhooks/portone', body: forgedBody, headers: webhookHeaders(forgedId, now, forgedBody, FORGED_SECRET) }, [401]);
    const real = await latestDelivery(context.platform.portoneUrl);
    if (real) {
      await abuser.attempt('staleReplayedWebhook', 'POST webhook', { method: 'POST', path: '/api/webhooks/portone', body: real.body, headers: webhookHeaders(real.webhookId, now - 600, real.body, webhookSecret) }, [401]);
      await abuser.attempt('duplicateReplayedWebhook', 'POST webhook', { method: 'POST', path: '/api/webhooks/portone', body: real.body, headers: webhookHeaders(real.webhookId, now, real.body, webhookSecret) }, [200]);
    }

    // Malformed and oversized bodies on every route that takes one (an admitted, signed-in caller, so the body is what is judged).
    for (const [label, path] of [
      ['holds', holdPath],
      ['best-available', `${holdPath}/best-available`],
      ['reservations', `/api/performances/${P}/reservations`],
    ] as const) {
      await abuser.attempt('malformedJson', `POST ${label}`, { method: 'POST', path, body: '{"seats": [1, 2', cookies: admitted }, [400, 429]);
      await abuser.attempt('oversizedJson', `POST ${label}`, { method: 'POST', path, body: OVERSIZED, cookies: admitted }, [413, 429]);
    }
    await abuser.attempt('malformedJson', 'DELETE holds', { method: 'DELETE', path: holdPath, body: '{"seats":', cookies: admitted }, [400, 429]);
    await abuser.attempt('malformedJson', 'POST complete', { method: 'POST', path: `/api/payments/${randomUUID()}/complete`, body: '{"txId": ', cookies: session(eve) }, [400, 429]);
    await abuser.attempt('malformedJson', 'POST sign-up', { method: 'POST', path: '/api/auth/sign-up', body: '{"email": ', ip }, [400, 429]);
    await abuser.attempt('oversizedJson', 'POST sign-up', { method: 'POST', path: '/api/auth/sign-up', body: OVERSIZED, ip }, [413, 429]);
    await abuser.attempt('malformedJson', 'POST webhook', { method: 'POST', path: '/api/webhooks/portone', body: '{"type": ', headers: webhookHeaders(`msg_${randomUUID()}`, now, '{"type": ', FORGED_SECRET) }, [401]);
    await abuser.attempt('oversizedJson', 'POST webhook', { method: 'POST', path: '/api/webhooks/portone', body: OVERSIZED }, [401, 413]);
  }

  /** Past every category's limit from one subject: the first `limit` may pass (their own answer), then 429. */
  async function floodRateLimits() {
    const carol = accounts[0]!;
    const floods: Array<{ category: keyof typeof RATE_LIMITS; spec: RequestSpec & { cookies?: Record<string, string>; ip?: string }; underLimit: number[] }> = [
      { category: 'AUTH', spec: { method: 'POST', path: '/api/auth/sign-up', body: { email: 'not-an-email' }, ip: '2001:db8:abcd:a::1' }, underLimit: [400] },
      { category: 'QUEUE', spec: { method: 'POST', path: `/api/queue/${P}/leave`, cookies: { [SESSION_COOKIE]: carol.cookie } }, underLimit: [401] },
      { category: 'BOOKING', spec: { method: 'GET', path: `/api/reservations/${randomUUID()}`, cookies: { [SESSION_COOKIE]: carol.cookie } }, underLimit: [404] },
      { category: 'GENERAL', spec: { method: 'GET', path: '/api/notifications', cookies: { [SESSION_COOKIE]: carol.cookie } }, underLimit: [200] },
    ];
    await Promise.all(
      floods.map(async ({ category, spec, underLimit }) => {
        const limit = RATE_LIMITS[category];
        const started = Date.now();
        let passed = 0;
        // GCRA lets `limit` through at once and one more every 60/limit s after: a slow server
        // stretches the flood, so the budget grows with the time it took (plus one for rounding).
        const budget = () => limit + Math.floor(((Date.now() - started) * limit) / 60_000) + 1;
        for (let k = 0; k < limit * 2; k++) {
          const answer = await abuser.attempt('overRateLimit', category, spec, () => (passed < budget() ? [...underLimit, 429] : [429]));
          if (answer.status !== 429) passed++;
        }
      }),
    );
  }

  /** A bot that never waited in the room hammers holds: 403 until its BOOKING budget is gone, then 429. */
  async function holdBot() {
    const bot = accounts[1]!;
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let k = lane; k < BOT_REQUESTS; k += 8) {
          await abuser.attempt('holdBot', 'POST holds', { method: 'POST', path: `/api/performances/${P}/holds`, body: { seats: [k % context.sale.hallSeats, (k + 1) % context.sale.hallSeats] }, cookies: { [SESSION_COOKIE]: bot.cookie } }, [403, 429]);
        }
      }),
    );
  }

  const running = (async () => {
    accounts = await createSimUsers(context.db, FIXED_ACCOUNTS + 2 * ROTATION, 'abuser');
    while (Date.now() < context.opensAtMs) await new Promise((r) => setTimeout(r, 200));
    const rounds = async () => {
      for (let i = 0; !stopped && Date.now() < context.saleDeadline; i++) {
        const started = Date.now();
        await round(i);
        await new Promise((r) => setTimeout(r, Math.max(0, ROUND_MS - (Date.now() - started))));
      }
    };
    await Promise.all([floodRateLimits(), holdBot(), rounds()]);
  })();

  return {
    async finish() {
      stopped = true;
      await running;
      abuser.client.close();
      const ids = accounts.map((a) => a.id);
      const redis = createRedis({ url: context.platform.redisUrl, connectionName: 'bench-abuse-check' });
      const [rows] = await context.db.$queryRawUnsafe<{ reservations: number; payments: number; webhooks: number }[]>(
        `SELECT (SELECT count(*) FROM ticket.reservations WHERE user_id = ANY($1::uuid[]))::int AS reservations,
                (SELECT count(*) FROM payment.payments WHERE user_id = ANY($1::uuid[]))::int AS payments,
                (SELECT count(*) FROM payment.payment_webhooks WHERE webhook_id = ANY($2::text[]))::int AS webhooks`,
        ids,
        forgedWebhookIds,
      );
      const holdKeys = seatHoldKeys(P);
      const held = (await Promise.all(ids.map((id) => redis.hget(holdKeys.byUser, id)))).filter((v) => v !== null && v !== '').length;
      const queued = (await Promise.all(ids.map((id) => redis.zscore(queueKeys(P).queue, id)))).filter((v) => v !== null).length;
      redis.disconnect();
      const stateChangeDetail = { reservations: rows!.reservations, payments: rows!.payments, forgedWebhooksStored: rows!.webhooks, holds: held, queuePlaces: queued };
      const serverUp =
        (await fetch(`${context.platform.nextUrl}/api/events`).then((r) => r.ok, () => false)) &&
        (await fetch(`http://127.0.0.1:${context.platform.options.ports.api}/health/ready`).then((r) => r.ok, () => false));
      const kinds = Object.fromEntries([...abuser.tally].sort(([a], [b]) => a.localeCompare(b))) as Record<AbuseKind, Tally>;
      const all = Object.values(kinds);
      return {
        kinds,
        attempts: all.reduce((s, t) => s + t.sent, 0),
        unavailable: all.reduce((s, t) => s + t.unavailable, 0),
        wronglyAnswered: all.reduce((s, t) => s + t.wronglyAnswered, 0) + (serverUp ? 0 : 1),
        stateChanges: Object.values(stateChangeDetail).reduce((a, b) => a + b, 0),
        stateChangeDetail,
        serverUp,
        examplesWronglyAnswered: abuser.wrongExamples,
      };
    },
  };
}
