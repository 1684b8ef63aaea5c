// Tickets from confirmation to the door, against the real PostgreSQL (and the PortOne stand-in for
// refunds): one ticket per seat, signed codes that cannot be forged, revoked codes refused online
// and by the scanner's offline check, one admission per ticket under 50 racing scanners, and an
// offline double entry across two gates reported at sync.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test/support/app-error-of';
import { createPaidBooking } from '../../test/support/paid-booking';
import { createPerformanceFixture, createUsers, type PerformanceFixture } from '../../test/support/performance-fixture';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestPortOne, type TestPortOne } from '../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { TEST_SECRETS } from '../../test/support/test-secrets';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from '../../workers/api/build-api';
import { holdSeats } from '../holds/hold-seats';
import { cancelPaidBooking } from '../refunds/cancel-paid-booking';
import { cancelPerformance } from '../refunds/cancel-performance';
import { confirmPaidReservation } from '../reservations/confirm-paid-reservation';
import { createReservation } from '../reservations/create-reservation';
import { browserSignatureCheck } from '../tickets/browser-signature-check';
import { getMyTicket } from '../tickets/get-my-ticket';
import { loadTicketKeys } from '../tickets/load-ticket-keys';
import { revokeTicketCode } from '../tickets/revoke-ticket-code';
import { signTicketQr } from '../tickets/sign-ticket-qr';
import { assignEventStaff } from './assign-event-staff';
import { buildOfflinePack } from './build-offline-pack';
import { checkTicketOffline, openOfflinePack } from './check-ticket-offline';
import { getCheckInReport } from './get-check-in-report';
import { scanTicket } from './scan-ticket';
import { syncOfflineScans } from './sync-offline-scans';

let database: TestDatabase;
let testRedis: TestRedis;
let portone: TestPortOne;
const keys = loadTicketKeys(TEST_SECRETS.TICKET_SIGNING_KEY);
const scannerCheck = browserSignatureCheck(keys.publicKeyBase64url);

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  portone = await startTestPortOne();
});
afterAll(async () => {
  await portone.stop();
  await testRedis.cleanup();
  await database.drop();
});

const bookedAt = new Date('2027-03-01T01:00:00Z');
const HOUR = 3_600_000;
const deps = () => ({ db: database.db, keys, publicKey: keys.publicKey, opensMinutesBefore: 120 });
const nonce = () => randomUUID();

type Show = PerformanceFixture & { startsAt: Date; doorsOpen: Date; staff: string; admin: string };

/** A performance with a staff member assigned to its event, and the instant its doors are open. */
async function show(options: { seats?: number } = {}): Promise<Show> {
  const fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: options.seats ?? 6, gradeOfRow: (row) => (row === 0 ? 'VIP' : 'R'), now: bookedAt });
  const performance = await database.db.performance.findUniqueOrThrow({ where: { id: fixture.performanceId } });
  const [staff, admin] = await createUsers(database.db, 2);
  await database.db.user.update({ where: { id: admin! }, data: { role: 'ADMIN' } });
  const { email } = await database.db.user.findUniqueOrThrow({ where: { id: staff! } });
  await assignEventStaff(database.db, { eventId: fixture.eventId, email: email!, actorId: admin! });
  return { ...fixture, startsAt: performance.startsAt, doorsOpen: new Date(performance.startsAt.getTime() - 30 * 60_000), staff: staff!, admin: admin! };
}

async function paidTickets(s: Show, userId: string, ordinals: number[]) {
  const booking = await createPaidBooking({ db: database.db, redis: testRedis.redis, portone }, { performanceId: s.performanceId, userId, ordinals, paidAt: bookedAt });
  const tickets = await database.db.ticket.findMany({ where: { reservationItem: { reservationId: booking.reservationId } }, orderBy: { seat: { ordinal: 'asc' } } });
  return { booking, tickets };
}

const qrOf = (ticket: { id: string; code: string; performanceId: string }) => signTicketQr(keys.privateKey, ticket);

describe('ticket issuance', () => {
  it('issues one ticket per seat in the confirming transaction, and a redelivered confirmation issues none', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 6, now: bookedAt });
    const [fan] = await createUsers(database.db, 1);
    const holdDeps = { db: database.db, redis: testRedis.redis, holdSeconds: 600, now: () => bookedAt };
    await holdSeats(holdDeps, fixture.performanceId, fan!, { seats: [1, 2, 3] });
    const { reservation } = await createReservation(holdDeps, fan!, randomUUID(), { performanceId: fixture.performanceId, seats: [1, 2, 3] });
    const settled = { paymentId: randomUUID(), reservationId: reservation.id, userId: fan!, membershipId: null, amountKrw: reservation.totalKrw, paidAt: bookedAt.toISOString() };

    expect(await database.db.$transaction((tx) => confirmPaidReservation(tx, settled, bookedAt))).toBe(true);
    expect(await database.db.$transaction((tx) => confirmPaidReservation(tx, settled, bookedAt))).toBe(false);

    const tickets = await database.db.ticket.findMany({ where: { reservationItem: { reservationId: reservation.id } }, include: { seat: true } });
    expect(tickets.map((t) => t.seat.ordinal).sort()).toEqual([1, 2, 3]);
    expect(tickets.every((t) => t.ownerId === fan && t.status === 'ISSUED' && t.performanceId === fixture.performanceId)).toBe(true);
    expect(new Set(tickets.map((t) => t.code)).size).toBe(3);
  });

  it('signs a QR that verifies with the public key alone and names no holder', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [0]);
    const detail = await getMyTicket({ db: database.db, keys }, { ticketId: tickets[0]!.id, userId: fan! });
    expect(detail.qr).toMatch(/^OS1\.[A-Za-z0-9_-]{54}\.[A-Za-z0-9_-]{86}$/);
    const holder = await database.db.user.findUniqueOrThrow({ where: { id: fan! } });
    const decoded = Buffer.from(detail.qr!.split('.')[1]!, 'base64url');
    expect(decoded.includes(Buffer.from(holder.email!))).toBe(false);
    expect(decoded.includes(Buffer.from(fan!.replace(/-/g, ''), 'hex'))).toBe(false);
    expect(detail.holderName).toBe(holder.name);
    expect(detail.gate).toBeNull();
    expect(detail.seat).toEqual({ section: 'A', row: '1', number: 1, grade: 'VIP' });
  });
});

describe('the door, online', () => {
  it('admits a valid ticket with its seat and holder, then answers "already used" with when and which device', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [2]);
    const code = qrOf(tickets[0]!);
    const scan = (deviceId: string, gate: string) => scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate, deviceId, nonce: nonce(), code }, s.doorsOpen);

    const first = await scan('device-gate-a-1', 'A');
    expect(first).toMatchObject({ result: 'VALID', ticket: { id: tickets[0]!.id, section: 'A', row: '1', number: 3, grade: 'VIP', holderName: 'User 0' }, conflict: false });
    const second = await scan('device-gate-b-1', 'B');
    expect(second).toMatchObject({ result: 'ALREADY_USED', admittedBefore: { at: s.doorsOpen.toISOString(), deviceId: 'device-gate-a-1', gate: 'A' } });

    expect(await database.db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).toMatchObject({ status: 'USED', usedAt: s.doorsOpen });
    const events = await database.db.outboxEvent.findMany({ where: { type: 'ticket.checked_in', aggregateId: tickets[0]!.id } });
    expect(events.map((e) => e.payload)).toEqual([
      { ticketId: tickets[0]!.id, performanceId: s.performanceId, grade: 'VIP', gate: 'A', deviceId: 'device-gate-a-1', offline: false, checkedInAt: s.doorsOpen.toISOString() },
    ]);
    expect(await database.db.ticketScan.count({ where: { ticketId: tickets[0]!.id } })).toBe(2);
  });

  it('answers a retried scan (same device and nonce) with its first answer, recording it once', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [3]);
    const input = { performanceId: s.performanceId, gate: 'A', deviceId: 'device-retry-1', nonce: nonce(), code: qrOf(tickets[0]!) };
    const first = await scanTicket(deps(), s.staff, input, s.doorsOpen);
    const again = await scanTicket(deps(), s.staff, input, new Date(s.doorsOpen.getTime() + 5_000));
    expect(first.result).toBe('VALID');
    expect(again).toEqual(first);
    expect(await database.db.ticketScan.count({ where: { deviceId: 'device-retry-1' } })).toBe(1);
  });

  it('refuses forged and altered codes as unknown', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [4]);
    const genuine = qrOf(tickets[0]!);
    const [prefix, payload, signature] = genuine.split('.') as [string, string, string];
    const payloadBytes = Buffer.from(payload, 'base64url');
    payloadBytes[0]! ^= 1;
    const altered = `${prefix}.${payloadBytes.toString('base64url')}.${signature}`;
    const otherKey = loadTicketKeys(randomBytes(32).toString('base64url'));
    const forged = signTicketQr(otherKey.privateKey, tickets[0]!);
    const guessed = randomBytes(16).toString('base64url');
    for (const code of [altered, forged, guessed, `${genuine}x`, 'hello']) {
      const outcome = await scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'device-forgery', nonce: nonce(), code }, s.doorsOpen);
      expect({ code, result: outcome.result, ticket: outcome.ticket }).toEqual({ code, result: 'UNKNOWN', ticket: null });
    }
    expect(await database.db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).toMatchObject({ status: 'ISSUED' });
    // The genuine code (or its bare code typed by staff) still gets in.
    const typed = await scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'device-forgery', nonce: nonce(), code: tickets[0]!.code }, s.doorsOpen);
    expect(typed.result).toBe('VALID');
  });

  it('tells a ticket of another performance, and a door not yet open, apart', async () => {
    const s = await show();
    const other = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(other, fan!, [0]);
    const here = { performanceId: s.performanceId, gate: 'A', deviceId: 'device-wrong-show', code: qrOf(tickets[0]!) };
    expect((await scanTicket(deps(), s.staff, { ...here, nonce: nonce() }, s.doorsOpen)).result).toBe('WRONG_PERFORMANCE');
    // Typed, the code names no performance: the lookup finds the ticket's.
    expect((await scanTicket(deps(), s.staff, { ...here, code: tickets[0]!.code, nonce: nonce() }, s.doorsOpen)).result).toBe('WRONG_PERFORMANCE');
    const early = new Date(other.startsAt.getTime() - 3 * HOUR);
    const outcome = await scanTicket(deps(), other.staff, { ...here, performanceId: other.performanceId, nonce: nonce() }, early);
    expect(outcome).toMatchObject({ result: 'NOT_YET_OPEN', opensAt: new Date(other.startsAt.getTime() - 2 * HOUR).toISOString() });
  });

  it('lets only staff assigned to the event (or an admin) scan', async () => {
    const s = await show();
    const other = await show();
    const [fan] = await createUsers(database.db, 1);
    const input = { performanceId: s.performanceId, gate: 'A', deviceId: 'device-authz', nonce: nonce(), code: 'x' };
    expect(await appErrorOf(scanTicket(deps(), other.staff, input, s.doorsOpen))).toMatchObject({ code: 'forbidden' });
    expect(await appErrorOf(scanTicket(deps(), fan!, input, s.doorsOpen))).toMatchObject({ code: 'forbidden' });
    expect((await scanTicket(deps(), s.admin, input, s.doorsOpen)).result).toBe('UNKNOWN');
    expect(await appErrorOf(scanTicket(deps(), s.staff, { ...input, performanceId: randomUUID() }, s.doorsOpen))).toMatchObject({ code: 'not_found' });
    await expect(scanTicket(deps(), s.staff, { ...input, gate: '' }, s.doorsOpen)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['gate'] })] });
  });

  it('admits exactly one of 50 concurrent scans of one ticket, the database deciding', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [5]);
    const code = qrOf(tickets[0]!);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: `G${i % 4}`, deviceId: `device-race-${i}`, nonce: nonce(), code }, s.doorsOpen),
      ),
    );
    const results = outcomes.map((o) => o.result);
    expect(results.filter((r) => r === 'VALID')).toHaveLength(1);
    expect(results.filter((r) => r === 'ALREADY_USED')).toHaveLength(49);
    const winner = outcomes.find((o) => o.result === 'VALID')!;
    const checkIn = await database.db.checkIn.findUniqueOrThrow({ where: { ticketId: tickets[0]!.id } });
    expect(outcomes.filter((o) => o.result === 'ALREADY_USED').every((o) => o.admittedBefore?.deviceId === checkIn.deviceId)).toBe(true);
    expect(await database.db.ticketScan.findFirst({ where: { ticketId: tickets[0]!.id, result: 'VALID' } })).toMatchObject({ nonce: winner.nonce, deviceId: checkIn.deviceId });
    expect(await database.db.outboxEvent.count({ where: { type: 'ticket.checked_in', aggregateId: tickets[0]!.id } })).toBe(1);
    expect(await database.db.ticketScan.count({ where: { ticketId: tickets[0]!.id } })).toBe(50);
  }, 30_000);
});

describe('revoked codes', () => {
  it('refuses a refunded seat online and offline at once, while the booking’s other seat still gets in', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { booking, tickets } = await paidTickets(s, fan!, [6, 7]);
    const [refunded, kept] = tickets as [(typeof tickets)[0], (typeof tickets)[0]];
    const beforeRefund = openOfflinePack(await buildOfflinePack(deps(), s.staff, s.performanceId, bookedAt), scannerCheck);
    expect(checkTicketOffline(beforeRefund, { text: qrOf(refunded), nonce: nonce(), gate: 'A', deviceId: 'd-offline-1', at: s.doorsOpen }, scannerCheck).result).toBe('VALID');

    // The fan gives one seat back (a partial refund through PortOne).
    const seat = await database.db.seat.findUniqueOrThrow({ where: { id: refunded.seatId } });
    await cancelPaidBooking({ db: database.db, redis: testRedis.redis, portOne: { storeId: portone.storeId, payment: portone.client.payment } }, { userId: fan!, reservationId: booking.reservationId, seatIds: [seat.id] }, new Date(bookedAt.getTime() + HOUR));
    expect(await database.db.ticket.findUniqueOrThrow({ where: { id: refunded.id } })).toMatchObject({ status: 'REFUNDED' });
    expect(await database.db.ticketRevocation.findUniqueOrThrow({ where: { code: refunded.code } })).toMatchObject({ reason: 'REFUNDED', ticketId: refunded.id });

    const online = await scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'd-online-1', nonce: nonce(), code: qrOf(refunded) }, s.doorsOpen);
    expect(online).toMatchObject({ result: 'REFUNDED', ticket: { id: refunded.id } });
    const pack = openOfflinePack(await buildOfflinePack(deps(), s.staff, s.performanceId, new Date(bookedAt.getTime() + 2 * HOUR)), scannerCheck);
    expect(pack.tickets.has(refunded.code)).toBe(false);
    expect(checkTicketOffline(pack, { text: qrOf(refunded), nonce: nonce(), gate: 'A', deviceId: 'd-offline-2', at: s.doorsOpen }, scannerCheck).result).toBe('REFUNDED');
    expect(checkTicketOffline(pack, { text: qrOf(kept), nonce: nonce(), gate: 'A', deviceId: 'd-offline-2', at: s.doorsOpen }, scannerCheck)).toMatchObject({
      result: 'VALID',
      ticket: { id: kept.id, row: '2', number: 2, grade: 'R' },
    });
  });

  it('refuses a transferred code (the ticket lives on under a new one) online and offline', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [8]);
    const old = tickets[0]!;
    const oldQr = qrOf(old);
    // What a transfer does to the code: revoked and replaced in one transaction.
    const renewed = await database.db.$transaction(async (tx) => {
      await revokeTicketCode(tx, old, 'TRANSFERRED', bookedAt);
      return tx.ticket.update({ where: { id: old.id }, data: { code: randomBytes(16).toString('base64url') } });
    });
    expect((await scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'd-transfer', nonce: nonce(), code: oldQr }, s.doorsOpen)).result).toBe('TRANSFERRED');
    const pack = openOfflinePack(await buildOfflinePack(deps(), s.staff, s.performanceId, bookedAt), scannerCheck);
    expect(checkTicketOffline(pack, { text: oldQr, nonce: nonce(), gate: 'A', deviceId: 'd-transfer-off', at: s.doorsOpen }, scannerCheck).result).toBe('TRANSFERRED');
    expect(checkTicketOffline(pack, { text: qrOf(renewed), nonce: nonce(), gate: 'A', deviceId: 'd-transfer-off', at: s.doorsOpen }, scannerCheck).result).toBe('VALID');
  });

  it('voids every ticket of a cancelled performance in the cancelling transaction', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [9, 10]);
    await cancelPerformance(database.db, { performanceId: s.performanceId, actorId: s.admin, reason: 'The artist fell ill' }, bookedAt);
    expect((await database.db.ticket.findMany({ where: { id: { in: tickets.map((t) => t.id) } } })).map((t) => t.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await database.db.ticketRevocation.count({ where: { performanceId: s.performanceId, reason: 'CANCELLED' } })).toBe(2);
    const outcome = await scanTicket(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'd-cancelled', nonce: nonce(), code: qrOf(tickets[0]!) }, s.doorsOpen);
    expect(outcome.result).toBe('REVOKED');
  });

  it('refuses a list whose signature does not verify', async () => {
    const s = await show();
    const signed = await buildOfflinePack(deps(), s.staff, s.performanceId, bookedAt);
    expect(() => openOfflinePack({ ...signed, body: signed.body.replace('"tickets":[', '"tickets":[{"code":"x"},') }, scannerCheck)).toThrow(/signature/);
  });
});

describe('offline mode', () => {
  it('syncs two devices’ queues idempotently and reports the same ticket let in at two gates', async () => {
    const s = await show();
    const [fan] = await createUsers(database.db, 1);
    const { tickets } = await paidTickets(s, fan!, [0, 1, 7]);
    const [twice, once, unused] = tickets as [(typeof tickets)[0], (typeof tickets)[0], (typeof tickets)[0]];
    const signed = await buildOfflinePack(deps(), s.staff, s.performanceId, bookedAt);
    const gateA = openOfflinePack(signed, scannerCheck);
    const gateB = openOfflinePack(signed, scannerCheck);
    const at = (minutes: number) => new Date(s.doorsOpen.getTime() + minutes * 60_000);

    const scanAt = (state: typeof gateA, deviceId: string, gate: string, text: string, minutes: number) => {
      const outcome = checkTicketOffline(state, { text, nonce: nonce(), gate, deviceId, at: at(minutes) }, scannerCheck);
      return { nonce: outcome.nonce, code: text, scannedAt: at(minutes).toISOString(), result: outcome.result };
    };
    const queueA = [scanAt(gateA, 'device-a', 'A', qrOf(twice), 1), scanAt(gateA, 'device-a', 'A', qrOf(once), 2), scanAt(gateA, 'device-a', 'A', qrOf(once), 3)];
    const queueB = [scanAt(gateB, 'device-b', 'B', qrOf(twice), 4)];
    // Each device alone did right: device A refused the second scan of `once`; B could not know about A.
    expect(queueA.map((q) => q.result)).toEqual(['VALID', 'VALID', 'ALREADY_USED']);
    expect(queueB.map((q) => q.result)).toEqual(['VALID']);

    const now = at(30);
    const syncedA = await syncOfflineScans(deps(), s.staff, { performanceId: s.performanceId, gate: 'A', deviceId: 'device-a', scans: queueA }, now);
    expect(syncedA.outcomes.map((o) => [o.result, o.conflict])).toEqual([
      ['VALID', false],
      ['VALID', false],
      ['ALREADY_USED', false],
    ]);
    const syncedB = await syncOfflineScans(deps(), s.staff, { performanceId: s.performanceId, gate: 'B', deviceId: 'device-b', scans: queueB }, now);
    expect(syncedB.outcomes).toEqual([expect.objectContaining({ result: 'ALREADY_USED', conflict: true, admittedBefore: { at: at(1).toISOString(), deviceId: 'device-a', gate: 'A' } })]);
    // A lost response: device B sends its queue again; nothing changes.
    const resent = await syncOfflineScans(deps(), s.staff, { performanceId: s.performanceId, gate: 'B', deviceId: 'device-b', scans: queueB }, at(31));
    expect(resent.outcomes).toEqual(syncedB.outcomes);

    expect(await database.db.checkIn.findMany({ where: { performanceId: s.performanceId }, select: { ticketId: true, gate: true, offline: true }, orderBy: { scannedAt: 'asc' } })).toEqual([
      { ticketId: twice.id, gate: 'A', offline: true },
      { ticketId: once.id, gate: 'A', offline: true },
    ]);
    expect(await database.db.outboxEvent.count({ where: { type: 'ticket.checked_in', aggregateId: { in: tickets.map((t) => t.id) } } })).toBe(2);
    const report = await getCheckInReport(database.db, s.performanceId);
    expect(report.conflicts).toEqual([
      expect.objectContaining({ ticketId: twice.id, gate: 'B', deviceId: 'device-b', admittedGate: 'A', admittedDeviceId: 'device-a', seat: { section: 'A', row: '1', number: 1 } }),
    ]);
    expect(report.total).toEqual({ sold: 3, checkedIn: 2 });
    expect(report.byGrade).toEqual([
      { grade: 'R', sold: 1, checkedIn: 0 },
      { grade: 'VIP', sold: 2, checkedIn: 2 },
    ]);
    expect(report.byGate).toEqual([{ gate: null, sold: 3, checkedIn: 2 }]);
    expect(unused.status).toBe('ISSUED');
  });
});

describe('the tickets API', () => {
  it('lists my tickets and shows one with its QR, and answers 404 for another user’s ticket', async () => {
    const s = await show();
    const [fan, stranger] = await createUsers(database.db, 2);
    const { tickets } = await paidTickets(s, fan!, [11]);
    const ctx = createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis });
    const api = buildApi(ctx, { now: () => bookedAt.getTime() });
    try {
      const as = (userId: string) => internalHeaders({ 'x-user-id': userId, 'x-user-role': 'USER' });
      const list = await api.inject({ method: 'GET', url: '/v1/tickets', headers: as(fan!) });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ upcoming: [{ id: tickets[0]!.id, status: 'ISSUED' }], past: [] });
      const mine = await api.inject({ method: 'GET', url: `/v1/tickets/${tickets[0]!.id}`, headers: as(fan!) });
      expect(mine.statusCode).toBe(200);
      const qr = mine.json().ticket.qr as string;
      const pack = openOfflinePack(await buildOfflinePack(deps(), s.staff, s.performanceId, bookedAt), scannerCheck);
      expect(checkTicketOffline(pack, { text: qr, nonce: nonce(), gate: 'A', deviceId: 'd-api', at: s.doorsOpen }, scannerCheck).result).toBe('VALID');

      const theirs = await api.inject({ method: 'GET', url: `/v1/tickets/${tickets[0]!.id}`, headers: as(stranger!) });
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().error.code).toBe('not_found');
      expect((await api.inject({ method: 'GET', url: '/v1/tickets/not-a-uuid', headers: as(fan!) })).statusCode).toBe(404);
      expect((await api.inject({ method: 'GET', url: '/v1/tickets', headers: as(stranger!) })).json()).toEqual({ upcoming: [], past: [] });
      expect((await api.inject({ method: 'GET', url: '/v1/tickets', headers: internalHeaders() })).statusCode).toBe(401);
    } finally {
      await api.close();
    }
  });
});
