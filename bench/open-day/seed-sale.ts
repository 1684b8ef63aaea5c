// The sale the simulation runs: the demo data (its 5,248-seat arena), one more arena show of the
// demo concert opening at a chosen instant behind a SCHEDULED waiting room, and N fans. Fans are
// inserted in one statement and given Auth.js session cookies minted exactly as Auth.js mints
// them (a JWE under AUTH_SECRET salted with the cookie name, which the gateway decodes): 20,000
// argon2 sign-ups would cost minutes of CPU that the sale itself never spends.
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { applyMigrations } from '../../lib/db/apply-migrations';
import type { Db } from '../../lib/db/create-prisma';
import { seedDemoData } from '../../lib/demo/seed-demo-data';
import { loadPerformanceSeats, type HoldableSeat } from '../../lib/holds/load-performance-seats';
import { loadRoomSettings } from '../../lib/queue/load-room-settings';
import { syncRoomSettings } from '../../lib/queue/sync-room-settings';
import type { Redis } from '../../lib/redis/create-redis';
import { BENCH_SECRETS } from '../support/bench-secrets';

export const SESSION_COOKIE = 'authjs.session-token';
const DAY = 86_400_000;

export type Sale = { performanceId: string; hallId: string; hallSeats: number; seats: HoldableSeat[]; grades: string[]; opensAtMs: number; admitPerMinute: number; maxActive: number };
export type SimUser = { id: string; cookie: string };

export async function prepareDatabase(databaseUrl: string, db: Db, redis: Redis): Promise<void> {
  await applyMigrations({ databaseUrl, migrationsDir: path.resolve('prisma/migrations') });
  await seedDemoData(db, redis);
}

export async function createSale(
  db: Db,
  redis: Redis,
  options: { opensAtMs: number; admitPerMinute: number; maxActive: number; nowMs: number; onSale?: boolean },
): Promise<Sale> {
  const event = await db.event.findUniqueOrThrow({ where: { slug: 'aurora-lane-seoul-2027' }, include: { performances: { include: { prices: true }, take: 1 } } });
  const arena = await db.hall.findFirstOrThrow({ where: { name: 'Main Arena' } });
  const startsAt = new Date(options.nowMs + 40 * DAY);
  const performance = await db.performance.create({
    data: {
      eventId: event.id,
      hallId: arena.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      status: 'PUBLISHED',
      generalSaleOpensAt: new Date(options.opensAtMs),
      generalSaleClosesAt: new Date(startsAt.getTime() - 3 * 3_600_000),
      maxTicketsPerPerson: 4,
      prices: { create: event.performances[0]!.prices.map((p) => ({ grade: p.grade, amountKrw: p.amountKrw })) },
      waitingRoom: {
        create: {
          mode: options.onSale === false ? 'OFF' : 'SCHEDULED',
          admitPerMinute: options.admitPerMinute,
          maxActive: options.maxActive,
          activeSessionSeconds: 900,
          // lib/queue/README.md: a few minutes for a big crowd, since the fans far back poll every
          // idle/2.5 (here 120 s) and the web tier's load is mostly their polls.
          idleTimeoutSeconds: 300,
          preQueueMinutes: 60,
        },
      },
    },
  });
  // What an admin's edit does: the room's settings are in Redis before the first fan joins.
  await syncRoomSettings(redis, await loadRoomSettings(db, performance.id));
  const seats = (await loadPerformanceSeats(db, performance.id)).seatsByOrdinal;
  return {
    performanceId: performance.id,
    hallId: arena.id,
    hallSeats: seats.length,
    seats,
    grades: ['VIP', 'R', 'S', 'A'],
    opensAtMs: options.opensAtMs,
    admitPerMinute: options.admitPerMinute,
    maxActive: options.maxActive,
  };
}

/** N users in one INSERT; each with a session cookie valid for a day. */
export async function createSimUsers(db: Db, count: number, label: string): Promise<SimUser[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO auth.users (id, email, name, role, created_at, updated_at)
     SELECT gen_random_uuid(), '${label}-' || n || '@bench.openseat.local', '${label} ' || n, 'USER', now(), now()
       FROM generate_series(1, $1::int) AS n
     RETURNING id::text AS id`,
    count,
  );
  return Promise.all(rows.map(async ({ id }) => ({ id, cookie: await sessionCookieFor(id) })));
}

export async function sessionCookieFor(userId: string, options: { maxAgeSeconds?: number; secret?: string } = {}): Promise<string> {
  return encode({
    token: { sub: userId, role: 'USER', name: null, email: null },
    secret: options.secret ?? BENCH_SECRETS.AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: options.maxAgeSeconds ?? DAY / 1000,
  });
}
