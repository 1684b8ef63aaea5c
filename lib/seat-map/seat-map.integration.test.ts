import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { appErrorOf } from '../../test/support/app-error-of';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from '../../workers/api/build-api';
import type { WorkerContext } from '../../workers/runtime/context';
import { seatStateAt } from './encode-seat-states';
import { importSeatMap } from './import-seat-map';
import { readSeatAvailability } from './read-seat-availability';
import { rebuildSeatStates } from './rebuild-seat-states';
import { seatCountKey, seatStateKey } from './seat-state-key';
import { seedDemoData } from '../demo/seed-demo-data';

let database: TestDatabase;
let testRedis: TestRedis;
let ctx: WorkerContext;
let adminId: string;
let app: ReturnType<typeof buildApi> | undefined;
const api = () => (app ??= buildApi(ctx));

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  ctx = createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis });
  await seedDemoData(database.db, testRedis.redis);
  adminId = (await database.db.user.findUniqueOrThrow({ where: { email: 'admin@openseat.dev' } })).id;
});
afterAll(async () => {
  await app?.close();
  await testRedis.cleanup();
  await database.drop();
});

async function newHall(name: string) {
  const venue = await database.db.venue.findFirstOrThrow();
  return database.db.hall.create({ data: { venueId: venue.id, name } });
}


const csv = (rows: string[]) => ['section,row,number,x,y,grade', ...rows].join('\n');
const actor = () => ({ actorId: adminId, requestId: 'req-import' });

describe('seat-map import', () => {
  it('imports a CSV map: dense ordinals, rows numbered from the stage, version bumped, audited', async () => {
    const hall = await newHall('CSV Hall');
    const result = await importSeatMap(database.db, ctx.redis, hall.id, {
      format: 'csv',
      // Row B is nearer the stage (smaller y) than row A, so it gets rowIndex 0.
      content: csv(['101,A,2,20,50,R', '101,A,1,10,50,R', '101,B,1,10,40,VIP', '"102",A,1,100,50,S']),
    }, actor());
    expect(result).toMatchObject({ seatCount: 4, sections: 2, seatMapVersion: hall.seatMapVersion + 1, grades: ['VIP', 'R', 'S'] });
    const seats = await database.db.seat.findMany({ where: { hallId: hall.id }, orderBy: { ordinal: 'asc' }, include: { section: true } });
    expect(seats.map((s) => [s.ordinal, s.section.name, s.rowLabel, s.rowIndex, s.number])).toEqual([
      [0, '101', 'B', 0, 1],
      [1, '101', 'A', 1, 1],
      [2, '101', 'A', 1, 2],
      [3, '102', 'A', 0, 1],
    ]);
    const audit = await database.db.adminAuditLog.findFirstOrThrow({ where: { entityId: hall.id, action: 'hall.import_seat_map_csv' } });
    expect(audit).toMatchObject({ actorId: adminId, entityType: 'hall', requestId: 'req-import' });
    expect(audit.after).toMatchObject({ seatCount: 4, seatMapVersion: hall.seatMapVersion + 1 });
  });

  it('rejects bad CSV rows with their line numbers and leaves the previous map untouched', async () => {
    const hall = await newHall('Strict Hall');
    await importSeatMap(database.db, ctx.redis, hall.id, { format: 'csv', content: csv(['A,1,1,10,10,R', 'A,1,2,20,10,R']) }, actor());
    const before = await database.db.hall.findUniqueOrThrow({ where: { id: hall.id } });

    const error = await appErrorOf(
      importSeatMap(database.db, ctx.redis, hall.id, {
        format: 'csv',
        content: csv(['B,1,1,10,10,R', 'B,1,2,20,10,r', 'B,1,three,30,10,R', 'B,1,4,40,10,S', 'B,1,1,50,10,S', ',1,6,60,10,S']),
      }, actor()),
    );
    expect(error.code).toBe('unprocessable');
    const errors = error.details!.errors as { line: number; message: string }[];
    expect(errors.map((e) => e.line)).toEqual([3, 4, 6, 7]);
    expect(errors[0]!.message).toMatch(/grade/);
    expect(errors[1]!.message).toMatch(/number/);
    expect(errors[2]!.message).toMatch(/duplicate seat B row 1 number 1 \(first on line 2\)/);
    expect(errors[3]!.message).toMatch(/section is empty/);

    const after = await database.db.hall.findUniqueOrThrow({ where: { id: hall.id } });
    expect(after).toMatchObject({ seatMapVersion: before.seatMapVersion, seatCount: 2 });
    const seats = await database.db.seat.findMany({ where: { hallId: hall.id }, include: { section: true } });
    expect(seats.map((s) => s.section.name)).toEqual(['A', 'A']);
  });

  it('names the line of each bad element of a JSON file', async () => {
    const hall = await newHall('JSON Hall');
    const content = `[
  {"section": "A", "row": "1", "number": 1, "x": 10, "y": 10, "grade": "R"},
  {"section": "A", "row": "1", "number": 2, "x": -5, "y": 10, "grade": "R"},
  {
    "section": "A", "row": "1", "number": 3, "x": 30, "y": 10
  }
]`;
    const error = await appErrorOf(importSeatMap(database.db, ctx.redis, hall.id, { format: 'json', content }, actor()));
    expect((error.details!.errors as { line: number }[]).map((e) => e.line)).toEqual([3, 4]);
    expect(await database.db.seat.count({ where: { hallId: hall.id } })).toBe(0);

    const ok = await importSeatMap(database.db, ctx.redis, hall.id, { format: 'json', content: JSON.stringify([{ section: 'A', row: '1', number: 1, x: 1, y: 1, grade: 'R' }]) }, actor());
    expect(ok.seatCount).toBe(1);
  });

  it('refuses to re-import a hall with sold seats, through the admin API with a 409', async () => {
    const performance = await database.db.performance.findFirstOrThrow({ where: { hall: { name: 'Main' } }, include: { hall: true } });
    const seat = await database.db.seat.findFirstOrThrow({ where: { hallId: performance.hallId, ordinal: 0 } });
    await database.db.reservation.create({
      data: {
        userId: adminId,
        performanceId: performance.id,
        totalKrw: 55_000,
        paymentDeadline: new Date(Date.now() + 600_000),
        status: 'CONFIRMED',
        items: { create: { performanceId: performance.id, seatId: seat.id, grade: seat.grade, priceKrw: 55_000 } },
      },
    });
    const app = api();
    try {
      const response = await app.inject({
        method: 'PUT',
        url: `/v1/admin/catalog/halls/${performance.hallId}/seat-map`,
        headers: internalHeaders({ 'x-user-id': adminId, 'x-user-role': 'ADMIN' }),
        payload: { format: 'csv', content: csv(['A,1,1,10,10,S']) },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.soldSeats).toBe(1);
      const customer = await app.inject({
        method: 'PUT',
        url: `/v1/admin/catalog/halls/${performance.hallId}/seat-map`,
        headers: internalHeaders({ 'x-user-id': adminId, 'x-user-role': 'USER' }),
        payload: { format: 'csv', content: csv(['A,1,1,10,10,S']) },
      });
      expect(customer.statusCode).toBe(403);
    } finally {
      // one app per file: prom-client refuses a second registration
    }
    expect(await database.db.seat.count({ where: { hallId: performance.hallId } })).toBe(performance.hall.seatCount);
  });
});

describe('seat availability', () => {
  it('rebuilds the 2-bit bitmap from live reservations: 5,248 seats in 1,312 bytes', async () => {
    const performance = await database.db.performance.findFirstOrThrow({ where: { hall: { name: 'Main Arena' } }, orderBy: { startsAt: 'asc' } });
    const seats = await database.db.seat.findMany({ where: { hallId: performance.hallId, ordinal: { in: [5, 6, 5_247] } }, orderBy: { ordinal: 'asc' } });
    const reservation = (status: 'PENDING' | 'CANCELLED', seatIds: string[]) =>
      database.db.reservation.create({
        data: {
          userId: adminId,
          performanceId: performance.id,
          totalKrw: 1,
          paymentDeadline: new Date(Date.now() + 600_000),
          status,
          items: { create: seatIds.map((seatId) => ({ performanceId: performance.id, seatId, grade: 'A', priceKrw: 1, live: status === 'PENDING' })) },
        },
      });
    await reservation('PENDING', [seats[0]!.id, seats[2]!.id]);
    await reservation('CANCELLED', [seats[1]!.id]);

    const availability = await readSeatAvailability(database.db, ctx.redis, performance.id);
    expect(availability.bytes.length).toBe(1_312);
    expect([4, 5, 6, 5_247].map((o) => seatStateAt(availability.bytes, o))).toEqual([0, 2, 0, 2]);
    // The seat count beside it lets the admission script tell a full hall from the bitmap alone.
    expect(await ctx.redis.get(seatCountKey(performance.id))).toBe('5248');
    expect(await ctx.redis.bitcount(seatStateKey(performance.id))).toBe(2);

    // The holds script flips bits in place; a later rebuild must not overwrite them.
    await ctx.redis.bitfield(seatStateKey(performance.id), 'SET', 'u2', '#4', 1);
    expect(await rebuildSeatStates(database.db, ctx.redis, performance.id)).toEqual({ rebuilt: false });
    const again = await readSeatAvailability(database.db, ctx.redis, performance.id);
    expect(seatStateAt(again.bytes, 4)).toBe(1);
    expect(again.etag).not.toBe(availability.etag);
  });

  it('lets only one of many concurrent rebuilds write the key', async () => {
    const performance = await database.db.performance.findFirstOrThrow({ where: { hall: { name: 'Main Arena' } }, orderBy: { startsAt: 'desc' } });
    const results = await Promise.all(Array.from({ length: 8 }, () => rebuildSeatStates(database.db, ctx.redis, performance.id)));
    expect(results.filter((r) => r.rebuilt)).toHaveLength(1);
    expect((await ctx.redis.getBuffer(seatStateKey(performance.id)))!.length).toBe(1_312);
  });

  it('serves availability compact with a short max-age and the static map immutable per version', async () => {
    const performance = await database.db.performance.findFirstOrThrow({ where: { hall: { name: 'Main Arena' } }, include: { hall: true } });
    const app = api();
    try {
      const response = await app.inject({ method: 'GET', url: `/v1/performances/${performance.id}/availability`, headers: internalHeaders() });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=1');
      expect(response.body.length).toBeLessThan(20_000);
      expect(Buffer.from(response.json().state, 'base64').length).toBe(1_312);
      const notModified = await app.inject({
        method: 'GET',
        url: `/v1/performances/${performance.id}/availability`,
        headers: internalHeaders({ 'if-none-match': response.headers.etag as string }),
      });
      expect(notModified.statusCode).toBe(304);

      const map = await app.inject({ method: 'GET', url: `/v1/halls/${performance.hallId}/seat-map?v=${performance.hall.seatMapVersion}`, headers: internalHeaders() });
      expect(map.headers['cache-control']).toContain('immutable');
      expect(map.json()).toMatchObject({ seatCount: 5_248, grades: expect.arrayContaining(['VIP', 'R', 'S', 'A']) });
      expect(map.json().seats.x).toHaveLength(5_248);

      const bad = await app.inject({ method: 'GET', url: '/v1/performances/not-a-uuid/availability', headers: internalHeaders() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('id');
    } finally {
      // one app per file: prom-client refuses a second registration
    }
  });
});
