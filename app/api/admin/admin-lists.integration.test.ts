// The admin reservations, tickets and payments lists through the gateway and the worker API:
// search, filters and paging over rows made for this file's own database.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, type PerformanceFixture } from '../../../test/support/performance-fixture';
import { signedInBrowser, startTestWeb, type Browser, type TestWeb } from '../../../test/support/test-web';

let web: TestWeb;
let boss: Browser;
let routes: {
  reservations: typeof import('./reservations/route');
  tickets: typeof import('./tickets/route');
  payments: typeof import('./payments/[[...path]]/route');
};
let shows: PerformanceFixture[];
let buyers: { id: string; email: string }[];
/** Every reservation made, oldest first. */
let made: { id: string; buyer: number; show: number; status: string; createdAt: Date; ticketId: string | null; ticketStatus: string | null; portonePaymentId: string }[];

const STATUSES = ['CONFIRMED', 'PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'CONFIRMED'] as const;

beforeAll(async () => {
  web = await startTestWeb();
  routes = { reservations: await import('./reservations/route'), tickets: await import('./tickets/route'), payments: await import('./payments/[[...path]]/route') };
  const db = web.database.db;
  const admin = await db.user.create({ data: { email: 'lists-admin@openseat.test', role: 'ADMIN' } });
  boss = await signedInBrowser(web, admin, 'ADMIN');
  shows = [await createPerformanceFixture(db, { rows: 1, seatsPerRow: 12 }), await createPerformanceFixture(db, { rows: 1, seatsPerRow: 12 })];
  buyers = [];
  for (const name of ['minji', 'jisoo', 'haerin']) buyers.push(await db.user.create({ data: { email: `${name}@fans.test`, name }, select: { id: true, email: true } }) as { id: string; email: string });
  made = [];
  // 18 reservations, a minute apart: buyer i % 3, show i % 2, one seat each.
  for (let i = 0; i < 18; i++) {
    const show = shows[i % 2]!;
    const buyer = buyers[i % 3]!;
    const status = STATUSES[i % STATUSES.length]!;
    const createdAt = new Date(Date.UTC(2026, 10, 30, 14, i));
    const reservation = await db.reservation.create({
      data: {
        userId: buyer.id,
        performanceId: show.performanceId,
        status,
        totalKrw: 100_000,
        bookingFeeKrw: 2_000,
        paymentDeadline: new Date(createdAt.getTime() + 600_000),
        createdAt,
        confirmedAt: status === 'CONFIRMED' ? createdAt : null,
        items: { create: { performanceId: show.performanceId, seatId: show.seatIds[0]![Math.floor(i / 2)]!, grade: 'R', priceKrw: 100_000, live: status === 'CONFIRMED' || status === 'PENDING' } },
      },
      include: { items: true },
    });
    const portonePaymentId = `res-${reservation.id}`;
    await db.payment.create({ data: { portonePaymentId, userId: buyer.id, purpose: 'RESERVATION', reservationId: reservation.id, amountKrw: 102_000, status: status === 'CONFIRMED' ? 'PAID' : 'FAILED', createdAt } });
    let ticketId: string | null = null;
    let ticketStatus: string | null = null;
    if (status === 'CONFIRMED') {
      ticketStatus = i % 4 === 0 ? 'USED' : 'ISSUED';
      const item = reservation.items[0]!;
      ticketId = (await db.ticket.create({ data: { reservationItemId: item.id, performanceId: show.performanceId, seatId: item.seatId, ownerId: buyer.id, code: randomBytes(12).toString('hex'), status: ticketStatus as 'USED', issuedAt: createdAt } })).id;
    }
    made.push({ id: reservation.id, buyer: i % 3, show: i % 2, status, createdAt, ticketId, ticketStatus, portonePaymentId });
  }
});
afterAll(async () => {
  await web.stop();
});

type Paged = { rows: { id: string }[]; total: number };
async function read(route: { GET: (typeof routes)['reservations']['GET'] }, path: string): Promise<Paged> {
  const response = await boss.call(route.GET, 'GET', path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Paged;
}
const newestFirst = <T extends { createdAt: Date }>(rows: T[]) => [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

describe('the admin reservations list', () => {
  const list = (query: string) => read(routes.reservations, `/api/admin/reservations?${query}`);

  it('finds a buyer by part of their email, or one reservation by its id', async () => {
    const minji = await list('q=MINJI@');
    expect(minji.rows.map((r) => r.id)).toEqual(newestFirst(made.filter((r) => r.buyer === 0)).map((r) => r.id));
    expect((await list(`q=${made[7]!.id}`)).rows.map((r) => r.id)).toEqual([made[7]!.id]);
  });

  it('filters by state, event and creation time', async () => {
    expect((await list('status=CONFIRMED&pageSize=100')).rows.map((r) => r.id)).toEqual(newestFirst(made.filter((r) => r.status === 'CONFIRMED')).map((r) => r.id));
    const second = await list(`eventId=${shows[1]!.eventId}&pageSize=100`);
    expect(second.rows.map((r) => r.id)).toEqual(newestFirst(made.filter((r) => r.show === 1)).map((r) => r.id));
    const window = await list(`from=${made[3]!.createdAt.toISOString()}&until=${made[6]!.createdAt.toISOString()}`);
    expect(window.rows.map((r) => r.id)).toEqual(newestFirst(made.slice(3, 6)).map((r) => r.id));
  });

  it('pages newest first, every reservation exactly once', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list(`pageSize=5&page=${page}`)));
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 5, 3]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(newestFirst(made).map((r) => r.id));
    expect(pages[0]!.total).toBe(18);
  });
});

describe('the admin tickets list', () => {
  const list = (query: string) => read(routes.tickets, `/api/admin/tickets?${query}`);
  const ticketed = () => made.filter((r) => r.ticketId);

  it('finds tickets by holder or id, filters by state and event, and pages without repeats', async () => {
    expect((await list('q=jisoo@fans&pageSize=100')).rows.map((t) => t.id)).toEqual(newestFirst(ticketed().filter((r) => r.buyer === 1)).map((r) => r.ticketId));
    const one = ticketed()[2]!;
    expect((await list(`q=${one.ticketId}`)).rows.map((t) => t.id)).toEqual([one.ticketId]);
    expect((await list('status=USED&pageSize=100')).rows.map((t) => t.id)).toEqual(newestFirst(ticketed().filter((r) => r.ticketStatus === 'USED')).map((r) => r.ticketId));
    expect((await list(`eventId=${shows[0]!.eventId}&pageSize=100`)).total).toBe(ticketed().filter((r) => r.show === 0).length);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list(`pageSize=3&page=${page}`)));
    expect(pages.flatMap((p) => p.rows.map((t) => t.id))).toEqual(newestFirst(ticketed()).map((r) => r.ticketId));
  });
});

describe('the admin payments list', () => {
  it('finds a payment by part of its PortOne id or by the payer, with the filters it had', async () => {
    const read = async (query: string) => {
      const response = await boss.call(routes.payments.GET, 'GET', `/api/admin/payments?${query}`, { params: { path: [] } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { payments: { portonePaymentId: string }[]; total: number });
    };
    const target = made[5]!;
    expect((await read(`q=${target.portonePaymentId.slice(4, 20)}`)).payments.map((p) => p.portonePaymentId)).toEqual([target.portonePaymentId]);
    const haerin = await read('q=HAERIN&pageSize=100');
    expect(haerin.payments.map((p) => p.portonePaymentId)).toEqual(newestFirst(made.filter((r) => r.buyer === 2)).map((r) => r.portonePaymentId));
    expect((await read('q=haerin&status=PAID&pageSize=100')).total).toBe(made.filter((r) => r.buyer === 2 && r.status === 'CONFIRMED').length);
  });
});
