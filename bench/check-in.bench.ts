// npm run bench -- check-in
// Door throughput for one performance: 5,000 issued tickets behind four gates, every ticket
// scanned once by eight scanners at once (two per gate) through scanTicket, the function the
// worker API's POST /v1/staff/scans calls: signature check, lookup, staff check, and the one
// admission transaction (check_ins insert … on conflict, ticket USED, ticket_scans row, outbox
// event). The baseline, in the same run on the same pool and concurrency: as many plain SELECTs
// of a ticket by primary key. Reported: scans/s, p50/p99, and scans/s ÷ SELECTs/s. A second pass
// scans every ticket again (all "already used"), the door's other common answer.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { createPrisma } from '../lib/db/create-prisma';
import { scanTicket } from '../lib/check-in/scan-ticket';
import { loadTicketKeys } from '../lib/tickets/load-ticket-keys';
import { signTicketQr } from '../lib/tickets/sign-ticket-qr';
import { BENCH_SECRETS } from './support/bench-secrets';
import { closedLoop, round } from './support/closed-loop-load';

const TICKETS = 5_000;
const GATES = ['1', '2', '3', '4'];
const SCANNERS_PER_GATE = 2;
const POOL_SIZE = 20;

type BenchContext = { databaseServerUrl: string; redisUrl: string };

export async function run({ databaseServerUrl }: BenchContext): Promise<Record<string, unknown>> {
  const name = `openseat_bench_check_in_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseServerUrl);
  url.pathname = `/${name}`;
  const db = createPrisma({ databaseUrl: url.toString(), poolSize: POOL_SIZE });
  try {
    await applyMigrations({ databaseUrl: url.toString(), migrationsDir: path.resolve('prisma/migrations') });
    const show = await seedShow(db);
    const keys = loadTicketKeys(BENCH_SECRETS.TICKET_SIGNING_KEY);
    const tickets = await db.ticket.findMany({ select: { id: true, code: true, performanceId: true }, orderBy: { id: 'asc' } });
    const codes = tickets.map((t) => signTicketQr(keys.privateKey, t));
    const deps = { db, publicKey: keys.publicKey, opensMinutesBefore: 120 };
    const concurrency = GATES.length * SCANNERS_PER_GATE;

    // Warm the pool and the query plans on both paths before timing anything.
    await closedLoop({ concurrency, count: 200 }, async (i) => (await db.$queryRaw`SELECT id FROM ticket.tickets WHERE id = ${tickets[i]!.id}::uuid`, 'ok'));

    const scan = (pass: string) => (i: number) => {
      const scanner = i % concurrency;
      return scanTicket(
        deps,
        show.staffId,
        { performanceId: show.performanceId, gate: GATES[scanner % GATES.length]!, deviceId: `bench-scanner-${scanner}`, nonce: `${pass}-${i}-${randomBytes(4).toString('hex')}`, code: codes[i]! },
        show.doorsOpen,
      ).then((outcome) => outcome.result.toLowerCase());
    };
    const selects = await closedLoop({ concurrency, count: TICKETS }, async (i) => {
      const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id, code, status FROM ticket.tickets WHERE id = ${tickets[i]!.id}::uuid`;
      return row ? 'ok' : 'missing';
    });
    const admissions = await closedLoop({ concurrency, count: TICKETS }, scan('first'));
    const rescans = await closedLoop({ concurrency, count: TICKETS }, scan('again'));

    const checkedIn = await db.checkIn.count();
    if (admissions.statuses.valid !== TICKETS || checkedIn !== TICKETS || rescans.statuses.already_used !== TICKETS) {
      throw new Error(`expected ${TICKETS} admissions then ${TICKETS} "already used": ${JSON.stringify({ admissions: admissions.statuses, rescans: rescans.statuses, checkedIn })}`);
    }
    return {
      tickets: TICKETS,
      gates: GATES.length,
      scanners: concurrency,
      poolSize: POOL_SIZE,
      baselineSelectByPrimaryKey: { perSecond: selects.rps, p50Ms: selects.p50Ms, p99Ms: selects.p99Ms },
      admissions: { perSecond: admissions.rps, p50Ms: admissions.p50Ms, p99Ms: admissions.p99Ms },
      alreadyUsed: { perSecond: rescans.rps, p50Ms: rescans.p50Ms, p99Ms: rescans.p99Ms },
      admissionsToSelectRatio: round(admissions.rps / selects.rps),
      alreadyUsedToSelectRatio: round(rescans.rps / selects.rps),
    };
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * A sold-out performance written straight in SQL (the booking path has its own benchmarks):
 * 5,000 seats in four sections, one per gate, each seat confirmed to one of 1,250 fans (4 each)
 * and issued as a ticket; one STAFF user assigned to the event.
 */
async function seedShow(db: ReturnType<typeof createPrisma>) {
  const venue = await db.venue.create({ data: { slug: 'bench-arena', name: 'Bench Arena', city: 'Seoul', address: '1 Bench-ro' } });
  const hall = await db.hall.create({ data: { venueId: venue.id, name: 'Hall', seatCount: TICKETS } });
  const startsAt = new Date('2030-05-01T10:00:00Z');
  const event = await db.event.create({
    data: {
      slug: 'bench-show',
      title: 'Bench Show',
      status: 'PUBLISHED',
      performances: { create: { hallId: hall.id, startsAt, status: 'PUBLISHED', generalSaleOpensAt: new Date('2030-01-01T00:00:00Z'), generalSaleClosesAt: startsAt } },
    },
    include: { performances: true },
  });
  const performanceId = event.performances[0]!.id;
  const staff = await db.user.create({ data: { email: 'staff@bench.dev', name: 'Bench Staff', role: 'STAFF' } });
  await db.eventStaff.create({ data: { eventId: event.id, userId: staff.id } });
  const perSection = TICKETS / GATES.length;
  await db.$executeRaw`
    INSERT INTO ticket.sections (id, hall_id, name, sort_order, gate)
    SELECT gen_random_uuid(), ${hall.id}::uuid, 'Section ' || g, g, g::text FROM generate_series(1, ${GATES.length}) g`;
  await db.$executeRaw`
    INSERT INTO ticket.seats (id, hall_id, section_id, ordinal, row_label, row_index, number, x, y, grade)
    SELECT gen_random_uuid(), ${hall.id}::uuid, sec.id, (sec.sort_order - 1) * ${perSection} + n, ((n / 50) + 1)::text, n / 50, (n % 50) + 1, n % 50, n / 50,
           CASE WHEN n < 500 THEN 'VIP' ELSE 'R' END
      FROM ticket.sections sec CROSS JOIN generate_series(0, ${perSection - 1}) n
     WHERE sec.hall_id = ${hall.id}::uuid`;
  await db.$executeRaw`
    INSERT INTO auth.users (id, email, name, updated_at) SELECT gen_random_uuid(), 'fan-' || i || '@bench.dev', 'Fan ' || i, now() FROM generate_series(1, ${TICKETS / 4}) i`;
  await db.$executeRaw`
    WITH fans AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM auth.users WHERE email LIKE 'fan-%')
    INSERT INTO ticket.reservations (id, user_id, performance_id, status, total_krw, payment_deadline, confirmed_at, updated_at)
    SELECT gen_random_uuid(), id, ${performanceId}::uuid, 'CONFIRMED', 400000, now(), now(), now() FROM fans`;
  await db.$executeRaw`
    WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM ticket.reservations),
         s AS (SELECT id, grade, ordinal FROM ticket.seats WHERE hall_id = ${hall.id}::uuid)
    INSERT INTO ticket.reservation_items (id, reservation_id, performance_id, seat_id, grade, price_krw)
    SELECT gen_random_uuid(), r.id, ${performanceId}::uuid, s.id, s.grade, 100000 FROM s JOIN r ON r.n = s.ordinal / 4`;
  await db.$executeRaw`
    INSERT INTO ticket.tickets (id, reservation_item_id, performance_id, seat_id, owner_id, code)
    SELECT gen_random_uuid(), i.id, i.performance_id, i.seat_id, r.user_id, translate(encode(decode(md5(random()::text || i.id::text), 'hex'), 'base64'), '+/=', '-_')
      FROM ticket.reservation_items i JOIN ticket.reservations r ON r.id = i.reservation_id`;
  return { performanceId, staffId: staff.id, doorsOpen: new Date(startsAt.getTime() - 30 * 60_000) };
}
