import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../mail/create-mailer';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestSmtp, type TestSmtp } from '../../test/support/test-smtp';
import { listMyNotifications } from './list-my-notifications';
import { markNotificationsRead } from './mark-notifications-read';
import { notifyUser } from './notify-user';

let database: TestDatabase;
let smtp: TestSmtp;
const now = new Date('2030-05-05T05:00:00Z');

beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDatabase(), startTestSmtp()]);
});
afterAll(async () => {
  await smtp.stop();
  await database.drop();
});

async function newUser(locale: 'ko' | 'en' = 'ko') {
  const email = `fan-${randomUUID()}@example.com`;
  return database.db.user.create({ data: { email, locale }, select: { id: true, email: true } });
}

const confirmed = (reservationId: string) => ({
  kind: 'reservation.confirmed' as const,
  subjectId: reservationId,
  link: `/me/reservations/${reservationId}`,
  data: {
    eventTitle: '뮤지컬 〈레미제라블〉',
    performanceAt: '2030-06-01T10:00:00.000Z',
    timeZone: 'Asia/Seoul',
    venueName: '블루스퀘어 신한카드홀',
    seats: [
      { section: '1층', row: 'A', number: 7 },
      { section: '1층', row: 'A', number: 8 },
    ],
    totalAmount: 304_000,
    paymentMethod: 'EASY_PAY',
    reservationCode: 'OS-7F3K2',
  },
});

describe('notifyUser', () => {
  it('stores the notice and sends one Korean email over SMTP, however often the event is delivered', async () => {
    const user = await newUser();
    const reservationId = randomUUID();
    const deps = { db: database.db, mailer: smtp.mailer, now };
    const first = await notifyUser(deps, { userId: user.id, ...confirmed(reservationId) });
    const again = await Promise.all([notifyUser(deps, { userId: user.id, ...confirmed(reservationId) }), notifyUser(deps, { userId: user.id, ...confirmed(reservationId) })]);
    expect(first).toMatchObject({ created: true, emailed: true });
    expect(again.map((r) => [r.notificationId, r.created, r.emailed])).toEqual([
      [first.notificationId, false, false],
      [first.notificationId, false, false],
    ]);
    const mail = await smtp.waitForMail(user.email!);
    expect(mail.subject).toBe('[OpenSeat] 예매 확정 안내 — 뮤지컬 〈레미제라블〉');
    expect(mail.text).toContain('일시: 2030년 6월 1일 (토) 오후 7:00');
    expect(mail.text).toContain('좌석: 1층 A열 7번, 1층 A열 8번');
    expect(mail.text).toContain('결제 금액: 304,000원 (간편결제)');
    expect(mail.html).toContain('<html lang="ko">');
    expect(mail.html).toContain('OS-7F3K2');
    // Read back over HTTP, as the e2e test and the demo do.
    const listed = (await (await fetch(`${smtp.mailboxUrl}mailbox.json?to=${encodeURIComponent(user.email!)}`)).json()) as unknown[];
    expect(listed).toHaveLength(1);
    const { notifications, unread } = await listMyNotifications(database.db, user.id, 'ko');
    expect(unread).toBe(1);
    expect(notifications).toEqual([
      expect.objectContaining({ kind: 'reservation.confirmed', title: '예매가 확정되었습니다: 뮤지컬 〈레미제라블〉', link: `/me/reservations/${reservationId}`, readAt: null }),
    ]);
  });

  it('mails each fan in the language they chose, on the venue clock, and words the in-app notice in the reader\'s language', async () => {
    const [english, korean] = await Promise.all([newUser('en'), newUser('ko')]);
    const deps = { db: database.db, mailer: smtp.mailer, now };
    const overseas = {
      ...confirmed(randomUUID()).data,
      eventTitle: 'Aurora Lane',
      venueName: 'Beacon Theatre',
      timeZone: 'America/New_York',
      seats: [{ section: 'Orchestra', row: 'C', number: 12 }],
    };
    for (const user of [english, korean]) await notifyUser(deps, { userId: user.id, ...confirmed(randomUUID()), data: overseas });
    const [en, ko] = await Promise.all([smtp.waitForMail(english.email!), smtp.waitForMail(korean.email!)]);
    // 10:00Z is 06:00 in New York on 1 June (EDT): the venue's clock, whoever reads it.
    expect(en.subject).toBe('[OpenSeat] Booking confirmed — Aurora Lane');
    expect(en.text).toContain('Date: Sat, Jun 1, 2030, 6:00 AM');
    expect(en.text).toContain('Seats: Orchestra, row C, seat 12');
    expect(en.text).toContain('Amount paid: ₩304,000 (easy pay)');
    expect(en.html).toContain('<html lang="en">');
    expect(`${en.subject}${en.text}${en.html}`).not.toMatch(/[\uac00-\ud7af]/);
    expect(ko.subject).toBe('[OpenSeat] 예매 확정 안내 — Aurora Lane');
    expect(ko.text).toContain('일시: 2030년 6월 1일 (토) 오전 6:00 · 현지 시각 America/New_York (UTC−04:00)');
    expect(ko.text).toContain('좌석: Orchestra C열 12번');
    // The app words the same stored notice in whatever language the reader has now.
    const [asEnglish, asKorean] = await Promise.all([listMyNotifications(database.db, english.id, 'en'), listMyNotifications(database.db, english.id, 'ko')]);
    expect(asEnglish.notifications[0]).toMatchObject({ title: 'Booking confirmed: Aurora Lane', body: 'Sat, Jun 1, 2030, 6:00 AM · local time America/New_York (UTC−04:00) · 1 seat · ₩304,000' });
    expect(asKorean.notifications[0]).toMatchObject({ title: '예매가 확정되었습니다: Aurora Lane', body: '2030년 6월 1일 (토) 오전 6:00 · 현지 시각 America/New_York (UTC−04:00) · 1석 · 304,000원' });
  });

  it('keeps the notice and lets the next delivery send the email when the SMTP send fails', async () => {
    const user = await newUser();
    const reservationId = randomUUID();
    const broken: Mailer = { send: () => Promise.reject(new Error('connect ECONNREFUSED')), close: () => {} };
    await expect(notifyUser({ db: database.db, mailer: broken, now }, { userId: user.id, ...confirmed(reservationId) })).rejects.toThrow('ECONNREFUSED');
    const retry = await notifyUser({ db: database.db, mailer: smtp.mailer, now }, { userId: user.id, ...confirmed(reservationId) });
    expect(retry).toMatchObject({ created: false, emailed: true });
    await smtp.waitForMail(user.email!);
    expect(smtp.messages(user.email!)).toHaveLength(1);
  });

  it('does not mail while another sender holds a fresh claim, and takes over a stale one', async () => {
    const user = await newUser();
    const reservationId = randomUUID();
    const { notificationId } = await notifyUser({ db: database.db, mailer: undefined, now }, { userId: user.id, ...confirmed(reservationId) });
    await database.db.notification.update({ where: { id: notificationId }, data: { emailClaimedAt: now } });
    const held = await notifyUser({ db: database.db, mailer: smtp.mailer, now: new Date(now.getTime() + 60_000) }, { userId: user.id, ...confirmed(reservationId) });
    expect(held.emailed).toBe(false);
    const later = await notifyUser({ db: database.db, mailer: smtp.mailer, now: new Date(now.getTime() + 16 * 60_000) }, { userId: user.id, ...confirmed(reservationId) });
    expect(later.emailed).toBe(true);
  });

  it('marks only the caller\'s own notices read', async () => {
    const [owner, stranger] = await Promise.all([newUser(), newUser()]);
    const { notificationId } = await notifyUser({ db: database.db, mailer: undefined, now }, { userId: owner.id, ...confirmed(randomUUID()) });
    expect(await markNotificationsRead(database.db, { userId: stranger.id, ids: [notificationId], now })).toEqual({ marked: 0 });
    expect(await markNotificationsRead(database.db, { userId: owner.id, ids: 'all', now })).toEqual({ marked: 1 });
    const { notifications, unread } = await listMyNotifications(database.db, owner.id, 'ko');
    expect([unread, notifications[0]!.readAt]).toEqual([0, now.toISOString()]);
  });
});
