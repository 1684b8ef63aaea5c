// Payment notices tell times on the venue's clock: a show in New York reads 7 PM New York time,
// with the zone named, in the app and in the email, and so does a virtual account's deadline.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture } from '../../test/support/performance-fixture';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { startTestSmtp, type TestSmtp } from '../../test/support/test-smtp';
import { holdSeats } from '../holds/hold-seats';
import { getZonedParts } from '../i18n/get-zoned-parts';
import { zonedInputToInstant } from '../i18n/zoned-input-to-instant';
import { createReservation } from '../reservations/create-reservation';
import { sendPaymentNotice } from './send-payment-notice';
import { renderNotification } from '../notifications/render-notification';

let database: TestDatabase;
let testRedis: TestRedis;
let smtp: TestSmtp;

beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDatabase(), startTestSmtp()]);
  testRedis = createTestRedis();
});
afterAll(async () => {
  await smtp?.stop();
  await testRedis?.cleanup();
  await database?.drop();
});

/** A reservation for a show at `wallClock` (HH:MM) forty days from now on the venue's clock in `timeZone`. */
async function reservationAt(timeZone: string, wallClock: string) {
  const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 1 });
  const day = getZonedParts(new Date(Date.now() + 40 * 86_400_000), timeZone);
  const date = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  const startsAt = zonedInputToInstant(`${date}T${wallClock}`, timeZone);
  const performance = await database.db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt }, select: { hall: { select: { venueId: true } } } });
  await database.db.venue.update({ where: { id: performance.hall.venueId }, data: { timeZone } });
  const user = await database.db.user.create({ data: { email: `fan-${randomUUID()}@example.com` }, select: { id: true, email: true } });
  const deps = { db: database.db, redis: testRedis.redis, holdSeconds: 600 };
  await holdSeats(deps, fixture.performanceId, user.id, { seats: [fixture.ordinals[0]![0]!] });
  const { reservation } = await createReservation(deps, user.id, randomUUID(), { performanceId: fixture.performanceId, seats: [fixture.ordinals[0]![0]!] });
  return { reservationId: reservation.id, user, startsAt };
}

/** The user's one notice as the Korean app list shows it. */
async function shownNotice(userId: string) {
  const notice = await database.db.notification.findFirstOrThrow({ where: { userId } });
  return renderNotification(notice.kind, notice.data, 'ko');
}

describe('sendPaymentNotice', () => {
  it("writes the show time on a New York venue's clock, naming the zone, in the app and the email", async () => {
    const { reservationId, user, startsAt } = await reservationAt('America/New_York', '19:00');
    await sendPaymentNotice(
      { db: database.db, mailer: smtp.mailer },
      { userId: user.id, kind: 'payment_confirmed', reservationId, paymentId: `pay-${randomUUID()}`, facts: { amountKrw: 68_000, method: 'CARD' } },
    );
    const notice = await shownNotice(user.id);
    expect(notice.body).toContain('오후 7:00 · 현지 시각 America/New_York (UTC−0');
    // Seoul is 13 or 14 hours ahead: its clock would read the next morning.
    const seoul = getZonedParts(startsAt, 'Asia/Seoul');
    expect(seoul.hour).toBeLessThan(12);
    expect(notice.body).not.toContain(`${seoul.month}월 ${seoul.day}일`);
    const mail = await smtp.waitForMail(user.email!);
    expect(mail.text).toContain('오후 7:00 · 현지 시각 America/New_York');
  });

  it("writes a virtual account's deadline on the venue's clock", async () => {
    const { reservationId, user } = await reservationAt('Europe/London', '19:30');
    const dueAt = zonedInputToInstant('2030-01-15T23:59', 'Europe/London');
    await sendPaymentNotice(
      { db: database.db },
      {
        userId: user.id,
        kind: 'virtual_account_issued',
        reservationId,
        paymentId: `pay-${randomUUID()}`,
        facts: { bank: 'SHINHAN', accountNumber: '56211234567890', holder: 'OpenSeat', dueAt: dueAt.toISOString(), amountKrw: 68_000 },
      },
    );
    const notice = await shownNotice(user.id);
    expect(notice.body).toContain('2030년 1월 15일 (화) 오후 11:59 · 현지 시각 Europe/London (UTC+00:00)');
    // The bank by its name, not PortOne's code.
    expect(notice.body).toContain('신한은행 56211234567890');
  });

  it('names no zone for a venue on Korean time', async () => {
    const { reservationId, user } = await reservationAt('Asia/Seoul', '19:00');
    await sendPaymentNotice({ db: database.db }, { userId: user.id, kind: 'payment_confirmed', reservationId, paymentId: `pay-${randomUUID()}`, facts: { amountKrw: 68_000, method: 'CARD' } });
    const notice = await shownNotice(user.id);
    expect(notice.body).toMatch(/ 오후 7:00 · /);
    expect(notice.body).not.toContain('현지 시각');
  });
});
