// Tickets and the door behind the gateway, as the browser reaches them: the session cookie decides
// whose tickets these are (another user's id answers 404), admins assign door staff (others get
// 403), and an assigned staff member's scan comes back valid, then already used.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, createUsers } from '../../../test/support/performance-fixture';
import { Browser, startTestWeb, type TestWeb } from '../../../test/support/test-web';
import type { Role } from '../../../lib/auth/roles';
import { confirmPaidReservation } from '../../../lib/reservations/confirm-paid-reservation';

let web: TestWeb;
let ticketRoute: typeof import('./[id]/route');
let ticketsRoute: typeof import('./route');
let staffRoute: typeof import('../admin/check-in/events/[eventId]/staff/route');
let scanRoute: typeof import('../staff/scans/route');

beforeAll(async () => {
  web = await startTestWeb();
  ticketRoute = await import('./[id]/route');
  ticketsRoute = await import('./route');
  staffRoute = await import('../admin/check-in/events/[eventId]/staff/route');
  scanRoute = await import('../staff/scans/route');
});
afterAll(async () => {
  await web.stop();
});

async function signedIn(userId: string, role: Role) {
  const browser = new Browser();
  browser.cookies.set('authjs.session-token', await encode({ token: { sub: userId, role, name: 'Test', email: 'test@example.com' }, secret: web.authSecret, salt: 'authjs.session-token' }));
  return browser;
}

describe('tickets through the gateway', () => {
  it('shows a fan their own ticket, 404 to anyone else, and admits it once at a staffed door', async () => {
    const db = web.database.db;
    const fixture = await createPerformanceFixture(db, { rows: 1, seatsPerRow: 4 });
    // The doors are open: the show starts within the hour.
    await db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: new Date(Date.now() + 30 * 60_000) } });
    const [fan, stranger, admin, door] = await createUsers(db, 4);
    await db.user.update({ where: { id: admin! }, data: { role: 'ADMIN' } });
    const reservation = await db.reservation.create({
      data: {
        userId: fan!,
        performanceId: fixture.performanceId,
        totalKrw: 100_000,
        paymentDeadline: new Date(Date.now() + 600_000),
        items: { create: [{ performanceId: fixture.performanceId, seatId: fixture.seatIds[0]![1]!, grade: 'R', priceKrw: 100_000 }] },
      },
    });
    await db.$transaction((tx) => confirmPaidReservation(tx, { paymentId: randomUUID(), reservationId: reservation.id, userId: fan!, membershipId: null, amountKrw: 100_000, paidAt: new Date().toISOString() }));
    const ticket = await db.ticket.findFirstOrThrow({ where: { ownerId: fan! } });

    const fanBrowser = await signedIn(fan!, 'USER');
    const list = await fanBrowser.call(ticketsRoute.GET, 'GET', '/api/tickets');
    expect(list.status).toBe(200);
    expect(((await list.json()) as { upcoming: { id: string }[] }).upcoming.map((t) => t.id)).toEqual([ticket.id]);
    const mine = await fanBrowser.call(ticketRoute.GET, 'GET', `/api/tickets/${ticket.id}`, { params: { id: ticket.id } });
    expect(mine.status).toBe(200);
    const { qr } = ((await mine.json()) as { ticket: { qr: string } }).ticket;

    const theirs = await (await signedIn(stranger!, 'USER')).call(ticketRoute.GET, 'GET', `/api/tickets/${ticket.id}`, { params: { id: ticket.id } });
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await new Browser().call(ticketRoute.GET, 'GET', `/api/tickets/${ticket.id}`, { params: { id: ticket.id } })).status).toBe(401);

    const { email } = await db.user.findUniqueOrThrow({ where: { id: door! } });
    const assign = (browser: Browser) => browser.call(staffRoute.POST, 'POST', `/api/admin/check-in/events/${fixture.eventId}/staff`, { params: { eventId: fixture.eventId }, json: { email } });
    expect((await assign(fanBrowser)).status).toBe(403);
    expect((await assign(await signedIn(admin!, 'ADMIN'))).status).toBe(201);
    expect(await db.adminAuditLog.findFirst({ where: { action: 'event.assign_staff', entityId: fixture.eventId } })).toMatchObject({ actorId: admin });

    // The staff member's session still says USER: the assignment counts from the database.
    const doorBrowser = await signedIn(door!, 'USER');
    const scan = () =>
      doorBrowser.call(scanRoute.POST, 'POST', '/api/staff/scans', { json: { performanceId: fixture.performanceId, gate: 'A', deviceId: 'gateway-device', nonce: randomUUID(), code: qr } });
    const first = await scan();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { scan: { result: string } }).scan.result).toBe('VALID');
    expect(((await (await scan()).json()) as { scan: { result: string; admittedBefore: { deviceId: string } } }).scan).toMatchObject({ result: 'ALREADY_USED', admittedBefore: { deviceId: 'gateway-device' } });
    const refused = await fanBrowser.call(scanRoute.POST, 'POST', '/api/staff/scans', { json: { performanceId: fixture.performanceId, gate: 'A', deviceId: 'fan-device', nonce: randomUUID(), code: qr } });
    expect(refused.status).toBe(403);
  });
});
