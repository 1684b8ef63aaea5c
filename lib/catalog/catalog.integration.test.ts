import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from '../../workers/api/build-api';
import { seedDemoData } from '../demo/seed-demo-data';
import { instantToZonedInput } from '../i18n/instant-to-zoned-input';
import { zonedInputToInstant } from '../i18n/zoned-input-to-instant';
import type { EventSummary } from './search-events';

let database: TestDatabase;
let testRedis: TestRedis;
let app: ReturnType<typeof buildApi>;
let adminId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  app = buildApi(createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis }));
  await seedDemoData(database.db, testRedis.redis);
  adminId = (await database.db.user.findUniqueOrThrow({ where: { email: 'admin@openseat.dev' } })).id;
  // Enough published events for several pages, two of them on the same first date (the cursor's tie-break).
  const hall = await database.db.hall.findFirstOrThrow({ where: { name: 'Main' } });
  const base = Date.now() + 60 * 24 * HOUR;
  for (let i = 0; i < 7; i++) {
    const startsAt = new Date(base + Math.floor(i / 2) * 24 * HOUR);
    await database.db.event.create({
      data: {
        slug: `paging-${i}`,
        title: `Paging Show ${i}`,
        genre: 'MUSICAL',
        status: 'PUBLISHED',
        performances: {
          create: {
            hallId: hall.id,
            startsAt,
            status: 'PUBLISHED',
            generalSaleOpensAt: new Date(Date.now() - HOUR),
            generalSaleClosesAt: new Date(startsAt.getTime() - HOUR),
            prices: { create: { grade: 'S', amountKrw: 50_000 + i } },
          },
        },
      },
    });
  }
});
afterAll(async () => {
  await app.close();
  await testRedis.cleanup();
  await database.drop();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: internalHeaders(headers) });
const asAdmin = { 'x-user-id': '', 'x-user-role': 'ADMIN' };
const admin = () => ({ ...asAdmin, 'x-user-id': adminId });

describe('public catalog API', () => {
  it('pages through every matching event once, in date order, with a cursor', async () => {
    const seen: EventSummary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await get(`/v1/events?genre=MUSICAL&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as { events: EventSummary[]; nextCursor: string | null };
      expect(body.events.length).toBeLessThanOrEqual(3);
      seen.push(...body.events);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.slug).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `paging-${i}`));
    const order = seen.map((e) => `${e.firstPerformanceAt}|${e.id}`);
    expect(order).toEqual([...order].sort());
  });

  it('filters by text, artist, venue, genre and date range', async () => {
    const slugs = async (query: string) => ((await get(`/v1/events?${query}`)).json() as { events: EventSummary[] }).events.map((e) => e.slug);
    expect(await slugs('q=aurora')).toEqual(['aurora-lane-seoul-2027']);
    expect(await slugs('q=%EC%8B%A0%EB%85%84')).toEqual(['hanbit-new-year-2027']); // 신년
    expect(await slugs('artist=hanbit-philharmonic')).toEqual(['hanbit-new-year-2027']);
    expect(await slugs('venue=kspo-dome')).toEqual(['aurora-lane-seoul-2027']);
    expect(await slugs('genre=CLASSIC')).toEqual(['hanbit-new-year-2027']);
    const in20Days = new Date(Date.now() + 20 * 24 * HOUR).toISOString().slice(0, 10);
    expect(await slugs(`to=${in20Days}&genre=CONCERT`)).toEqual(['seoul-indie-night-2027']);
    expect(await slugs(`from=${in20Days}&genre=CONCERT`)).toEqual(['aurora-lane-seoul-2027']);
    expect(await slugs('q=100%25_no_such')).toEqual([]);
  });

  it('answers 400 naming the parameter for invalid queries', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['genre=JAZZ', 'genre'],
      ['from=yesterday', 'from'],
      ['from=2027-02-01&to=2027-01-01', 'to'],
      ['cursor=garbage', 'cursor'],
      ['venue=Not%20A%20Slug', 'venue'],
    ]) {
      const response = await get(`/v1/events?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field, query).toBe(field);
    }
  });

  it('shows each performance with prices and the state of its sale windows', async () => {
    const response = await get('/v1/events/aurora-lane-seoul-2027');
    expect(response.statusCode).toBe(200);
    const { event } = response.json();
    expect(event.performances.map((p: { sale: { phase: string } }) => p.sale.phase)).toEqual(['on_sale', 'presale', 'before_sale']);
    expect(event.performances[0].prices).toEqual([
      { grade: 'VIP', amountKrw: 198_000 },
      { grade: 'R', amountKrw: 165_000 },
      { grade: 'S', amountKrw: 143_000 },
      { grade: 'A', amountKrw: 121_000 },
    ]);
    const opensIn = Date.parse(event.performances[2].sale.nextChangeAt) - Date.now();
    expect(opensIn).toBeGreaterThan(0);
    expect(opensIn).toBeLessThanOrEqual(10 * 60_000);
    expect((await get('/v1/events/no-such-event')).statusCode).toBe(404);
  });
});

describe('admin catalog edits', () => {
  it('serves the cached event page until an admin edits a price, then the new price at once', async () => {
    const performance = await database.db.performance.findFirstOrThrow({
      where: { event: { slug: 'hanbit-new-year-2027' } },
      include: { prices: true },
    });
    const priceOfR = async () =>
      ((await get('/v1/events/hanbit-new-year-2027')).json().event.performances[0].prices as { grade: string; amountKrw: number }[]).find((p) => p.grade === 'R')!.amountKrw;
    expect(await priceOfR()).toBe(120_000);

    // A write that bypasses the admin API is not seen: the page is served from the cache.
    await database.db.performancePrice.update({ where: { performanceId_grade: { performanceId: performance.id, grade: 'R' } }, data: { amountKrw: 1 } });
    expect(await priceOfR()).toBe(120_000);

    const edit = await app.inject({
      method: 'PATCH',
      url: `/v1/admin/catalog/performances/${performance.id}`,
      headers: internalHeaders({ ...admin(), 'x-request-id': 'req-price' }),
      payload: {
        eventId: performance.eventId,
        hallId: performance.hallId,
        startsAt: performance.startsAt,
        generalSaleOpensAt: performance.generalSaleOpensAt,
        generalSaleClosesAt: performance.generalSaleClosesAt,
        maxTicketsPerPerson: performance.maxTicketsPerPerson,
        prices: [
          { grade: 'R', amountKrw: 130_000 },
          { grade: 'S', amountKrw: 90_000 },
          { grade: 'A', amountKrw: 60_000 },
        ],
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(await priceOfR()).toBe(130_000);

    const audit = await database.db.adminAuditLog.findFirstOrThrow({ where: { entityId: performance.id, action: 'performance.update' } });
    expect(audit).toMatchObject({ actorId: adminId, entityType: 'performance', requestId: 'req-price' });
    expect((audit.before as { prices: { grade: string; amountKrw: number }[] }).prices).toContainEqual({ grade: 'R', amountKrw: 1 });
    expect((audit.after as { prices: { grade: string; amountKrw: number }[] }).prices).toContainEqual({ grade: 'R', amountKrw: 130_000 });
  });

  it('creates a venue, hall, drawn seat blocks, event and performance; publishing makes it searchable', async () => {
    const post = async (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') => {
      const response = await app.inject({ method, url: `/v1/admin/catalog${url}`, headers: internalHeaders(admin()), payload: payload as object });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };
    const venue = await post('/venues', { slug: 'blue-square', name: 'Blue Square', city: '서울 Seoul', address: '서울 용산구 이태원로 294' });
    const hall = await post('/halls', { venueId: venue.id, name: 'Shinhan Card Hall' });
    const drawn = await post(`/halls/${hall.id}/seat-blocks`, {
      blocks: [
        { section: 'A', rows: 10, seatsPerRow: 20, originX: 20, originY: 40, grades: [{ fromRow: 0, grade: 'VIP' }, { fromRow: 3, grade: 'R' }] },
        { section: 'B', rows: 5, seatsPerRow: 20, originX: 260, originY: 40, grades: [{ fromRow: 0, grade: 'S' }] },
      ],
    }, 'PUT');
    expect(drawn).toMatchObject({ seatCount: 300, sections: 2, grades: ['VIP', 'R', 'S'] });
    const event = await post('/events', { slug: 'blue-square-musical', title: 'Blue Square Musical', genre: 'MUSICAL', status: 'PUBLISHED' });
    const startsAt = new Date(Date.now() + 90 * 24 * HOUR);
    const performance = await post('/performances', {
      eventId: event.id,
      hallId: hall.id,
      startsAt,
      presaleOpensAt: new Date(Date.now() + HOUR),
      presaleClosesAt: new Date(Date.now() + 2 * HOUR),
      generalSaleOpensAt: new Date(Date.now() + 3 * HOUR),
      generalSaleClosesAt: new Date(startsAt.getTime() - HOUR),
      prices: [{ grade: 'VIP', amountKrw: 170_000 }, { grade: 'R', amountKrw: 140_000 }, { grade: 'S', amountKrw: 110_000 }],
    });
    const slugs = async () => ((await get('/v1/events?q=blue%20square')).json() as { events: EventSummary[] }).events.map((e) => e.slug);
    expect(await slugs()).toEqual([]);
    await post(`/performances/${performance.id}/status`, { action: 'publish' });
    expect(await slugs()).toEqual(['blue-square-musical']);
    await post(`/performances/${performance.id}/status`, { action: 'cancel' });
    const reopen = await app.inject({ method: 'POST', url: `/v1/admin/catalog/performances/${performance.id}/status`, headers: internalHeaders(admin()), payload: { action: 'publish' } });
    expect(reopen.statusCode).toBe(409);
    const page = (await get('/v1/events/blue-square-musical')).json().event;
    expect(page.performances[0].sale.phase).toBe('cancelled');

    const actions = await database.db.adminAuditLog.findMany({ where: { actorId: adminId }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['venue.create', 'hall.create', 'hall.draw_seat_blocks', 'event.create', 'performance.create', 'performance.publish', 'performance.cancel']),
    );
  });

  it("keeps a venue's time zone, refuses an unknown one, and counts a date filter's day on the venue's clock", async () => {
    const post = async (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({ method, url: `/v1/admin/catalog${url}`, headers: internalHeaders(admin()), payload: payload as object });
    const refused = await post('/venues', { slug: 'nowhere', name: 'Nowhere', city: 'X', address: 'X', timeZone: 'Mars/Olympus' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('timeZone');

    const venue = (await post('/venues', { slug: 'msg-nyc', name: 'Madison Square Garden', city: 'New York', address: '4 Pennsylvania Plaza', timeZone: 'America/New_York' })).json();
    expect(venue.timeZone).toBe('America/New_York');
    const hall = (await post('/halls', { venueId: venue.id, name: 'Arena' })).json();
    await post(`/halls/${hall.id}/seat-blocks`, { blocks: [{ section: 'A', rows: 2, seatsPerRow: 5, originX: 20, originY: 40, grades: [{ fromRow: 0, grade: 'R' }] }] }, 'PUT');
    const event = (await post('/events', { slug: 'nyc-late-show', title: 'NYC Late Show', genre: 'CONCERT', status: 'PUBLISHED' })).json();
    // 23:30 in New York on a day 60 days ahead: already the next day in UTC (and in Seoul).
    const day = instantToZonedInput(new Date(Date.now() + 60 * 24 * HOUR), 'America/New_York').slice(0, 10);
    const startsAt = zonedInputToInstant(`${day}T23:30`, 'America/New_York');
    expect(instantToZonedInput(startsAt, 'UTC').slice(0, 10)).not.toBe(day);
    const performance = (
      await post('/performances', {
        eventId: event.id,
        hallId: hall.id,
        startsAt,
        generalSaleOpensAt: new Date(Date.now() - HOUR),
        generalSaleClosesAt: new Date(startsAt.getTime() - HOUR),
        prices: [{ grade: 'R', amountKrw: 99_000 }],
      })
    ).json();
    await post(`/performances/${performance.id}/status`, { action: 'publish' });

    const found = async (query: string) => ((await get(`/v1/events?q=nyc&${query}`)).json() as { events: EventSummary[] }).events.map((e) => e.slug);
    expect(await found(`from=${day}&to=${day}`)).toEqual(['nyc-late-show']);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
    expect(await found(`from=${nextDay}`)).toEqual([]);
    expect(((await get('/v1/events?q=nyc')).json() as { events: EventSummary[] }).events[0]!.timeZone).toBe('America/New_York');
  });

  it('refuses sale windows in the wrong order, naming the field, and non-admins', async () => {
    const event = await database.db.event.findFirstOrThrow();
    const hall = await database.db.hall.findFirstOrThrow();
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/admin/catalog/performances',
      headers: internalHeaders(admin()),
      payload: { eventId: event.id, hallId: hall.id, startsAt: '2027-05-01T10:00:00Z', generalSaleOpensAt: '2027-04-01T00:00:00Z', generalSaleClosesAt: '2027-03-01T00:00:00Z', prices: [{ grade: 'S', amountKrw: 1 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('generalSaleClosesAt');
    const anonymous = await app.inject({ method: 'GET', url: '/v1/admin/catalog', headers: internalHeaders() });
    expect(anonymous.statusCode).toBe(401);
    const customer = await app.inject({ method: 'GET', url: '/v1/admin/catalog', headers: internalHeaders({ 'x-user-id': adminId, 'x-user-role': 'USER' }) });
    expect(customer.statusCode).toBe(403);
  });
});
