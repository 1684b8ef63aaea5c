// Transfers through the worker API with the reservations and relay roles running: the offer,
// the recipient's list and acceptance over HTTP, each party told in the app and by email (over
// real SMTP), field-named refusals, 404 for another user's ids, the admin's switch per event
// (audited) and the admin's history of a ticket.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeTicketCode } from '../../../lib/tickets/revoke-ticket-code';
import { expireTicketTransfers } from '../../../lib/transfers/expire-ticket-transfers';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis';
import { startTestSmtp, type TestSmtp } from '../../../test/support/test-smtp';
import { createFans, createTransferFixture, issueTestTicket, type Fan, type TransferFixture } from '../../../test/support/transfer-fixture';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import type { RoleHandle } from '../../runtime/context';
import { relayRole } from '../../roles/relay';
import { reservationsRole } from '../../roles/reservations';
import { buildApi } from '../build-api';
import { renderNotification } from '../../../lib/notifications/render-notification';

const HOUR = 3_600_000;
// The roles run on the real clock (their expiry loop included), so the show is placed relative to it.
const startsAt = new Date(Date.now() + 30 * 24 * HOUR);

let database: TestDatabase;
let testRedis: TestRedis;
let smtp: TestSmtp;
let api: FastifyInstance;
let roles: RoleHandle[];
let show: TransferFixture;
let a: Fan, b: Fan, c: Fan, admin: Fan;
let seat = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  smtp = await startTestSmtp();
  const ctx = createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis, mailer: smtp.mailer, env: { RELAY_POLL_MS: '100' } });
  api = buildApi(ctx);
  roles = [await relayRole(ctx), await reservationsRole(ctx)];
  show = await createTransferFixture(database.db, { seats: 10, startsAt, now: new Date() });
  [a, b, c, admin] = (await createFans(database.db, 4)) as [Fan, Fan, Fan, Fan];
  await database.db.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
}, 60_000);
afterAll(async () => {
  for (const role of roles ?? []) await role.stop();
  await api?.close();
  await smtp?.stop();
  await testRedis?.cleanup();
  await database?.drop();
});

const as = (fan: Fan, role: 'USER' | 'ADMIN' = 'USER') => internalHeaders({ 'x-user-id': fan.id, 'x-user-role': role, 'content-type': 'application/json' });
const ticketOf = (owner: Fan) => issueTestTicket(database.db, show, show.seatIds[seat++]!, owner.id, new Date());
const offer = (from: Fan, ticketId: string, toEmail: string) => api.inject({ method: 'POST', url: `/v1/tickets/${ticketId}/transfers`, headers: as(from), payload: { toEmail } });
// Bodiless, as the gateway forwards them (no content-type).
const act = (fan: Fan, transferId: string, action: 'accept' | 'decline' | 'withdraw') =>
  api.inject({ method: 'POST', url: `/v1/transfers/${transferId}/${action}`, headers: internalHeaders({ 'x-user-id': fan.id, 'x-user-role': 'USER' }) });

async function noticeOf(userId: string, kind: string, subjectId: string) {
  for (let i = 0; i < 100; i++) {
    const notice = await database.db.notification.findUnique({ where: { userId_kind_subjectId: { userId, kind, subjectId } } });
    if (notice?.emailedAt) return notice;
    await sleep(100);
  }
  throw new Error(`no emailed ${kind} notice for ${userId}`);
}

/** Resolves once the reservations role has consumed the event. */
async function handled(eventId: string) {
  for (let i = 0; i < 100; i++) {
    if (await database.db.processedEvent.findUnique({ where: { consumerGroup_eventId: { consumerGroup: 'reservations', eventId } } })) return;
    await sleep(100);
  }
  throw new Error(`event ${eventId} was not consumed`);
}

describe('offering and accepting over HTTP', () => {
  it('tells the recipient of the offer and the sender of the acceptance, in the app and by email', async () => {
    const ticket = await ticketOf(a);
    const offered = await offer(a, ticket.id, b.email);
    expect(offered.statusCode).toBe(201);
    const { transferId } = offered.json().transfer;

    const incoming = await api.inject({ method: 'GET', url: '/v1/transfers', headers: as(b) });
    expect(incoming.json().transfers).toEqual([expect.objectContaining({ transferId, ticketId: ticket.id, fromName: 'Fan 0', seat: expect.objectContaining({ row: '1' }) })]);
    const state = await api.inject({ method: 'GET', url: `/v1/tickets/${ticket.id}/transfers`, headers: as(a) });
    expect(state.json().ticket).toMatchObject({ transfersEnabled: true, openOffer: { transferId, toEmail: b.email, status: 'PENDING' } });

    const offerNotice = await noticeOf(b.id, 'transfer.offered', transferId);
    expect(offerNotice.link).toBe('/transfers');
    expect(renderNotification(offerNotice.kind, offerNotice.data, 'ko').title).toContain('양도');
    expect(smtp.messages(b.email).map((m) => m.subject)).toEqual([expect.stringContaining('티켓 양도 요청')]);

    const accepted = await act(b, transferId, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().transfer).toEqual({ transferId, ticketId: ticket.id });
    await noticeOf(a.id, 'transfer.accepted', transferId);
    expect(smtp.messages(a.email).map((m) => m.subject)).toEqual([expect.stringContaining('양도 수락')]);
    // The sender's view of the ticket is gone with the ticket.
    expect((await api.inject({ method: 'GET', url: `/v1/tickets/${ticket.id}/transfers`, headers: as(a) })).statusCode).toBe(404);
  });

  it('tells the sender of a refusal', async () => {
    const ticket = await ticketOf(a);
    const { transferId } = (await offer(a, ticket.id, c.email)).json().transfer;
    expect((await act(c, transferId, 'decline')).json().transfer).toEqual({ transferId, status: 'DECLINED' });
    const notice = await noticeOf(a.id, 'transfer.declined', transferId);
    expect(notice.link).toBe(`/tickets/${ticket.id}/transfer`);
  });

  it('tells the sender when an offer ran out unanswered, and says nothing of one ended by a refund', async () => {
    const ticket = await ticketOf(a);
    const { transferId } = (await offer(a, ticket.id, c.email)).json().transfer;
    const refunded = await ticketOf(a);
    const { transferId: refundedOffer } = (await offer(a, refunded.id, c.email)).json().transfer;
    await database.db.ticket.update({ where: { id: refunded.id }, data: { status: 'REFUNDED' } });
    // The sweep as the reservations role runs it, four days on.
    await expireTicketTransfers(database.db, new Date(Date.now() + 96 * HOUR));
    const notice = await noticeOf(a.id, 'transfer.expired', transferId);
    expect([renderNotification(notice.kind, notice.data, 'ko').title, notice.link]).toEqual([expect.stringContaining('양도 기한이 지났습니다'), `/tickets/${ticket.id}/transfer`]);
    const expired = await database.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: refundedOffer, type: 'transfer.expired' } });
    await handled(expired.id);
    expect(await database.db.notification.count({ where: { kind: 'transfer.expired', subjectId: refundedOffer } })).toBe(0);
  });
});

describe('refusals', () => {
  it('name the field, and answer 404 for another user’s ticket or offer', async () => {
    const ticket = await ticketOf(a);
    const malformed = await offer(a, ticket.id, 'not an email');
    expect([malformed.statusCode, malformed.json().error.field]).toEqual([400, 'toEmail']);
    const unknown = await offer(a, ticket.id, 'nobody@test.dev');
    expect([unknown.statusCode, unknown.json().error]).toEqual([422, expect.objectContaining({ field: 'toEmail', reason: 'recipient_unknown' })]);

    expect((await offer(c, ticket.id, b.email)).statusCode).toBe(404);
    const { transferId } = (await offer(a, ticket.id, b.email)).json().transfer;
    expect((await act(c, transferId, 'accept')).statusCode).toBe(404);
    expect((await act(b, transferId, 'withdraw')).statusCode).toBe(404);
    expect((await act(a, transferId, 'accept')).statusCode).toBe(404);
    const again = await offer(a, ticket.id, c.email);
    expect([again.statusCode, again.json().error.reason]).toEqual([409, 'offer_open']);
    expect((await act(a, transferId, 'withdraw')).json().transfer.status).toBe('CANCELLED');
    const late = await act(b, transferId, 'accept');
    expect([late.statusCode, late.json().error]).toEqual([409, expect.objectContaining({ field: 'transferId', reason: 'transfer_closed' })]);
    expect((await api.inject({ method: 'POST', url: `/v1/transfers/${transferId}/accept`, headers: internalHeaders() })).statusCode).toBe(401);
  });
});

describe('admin', () => {
  it('switches transfers per event in the event editor, audited, and leaves the switch alone when an edit omits it', async () => {
    const off = await createTransferFixture(database.db, { seats: 1, startsAt, now: new Date(), transfersEnabled: false });
    const event = await database.db.event.findUniqueOrThrow({ where: { id: off.eventId } });
    const edit = { slug: event.slug, title: event.title, status: event.status };
    const refused = await api.inject({ method: 'PATCH', url: `/v1/admin/catalog/events/${event.id}`, headers: as(a), payload: { ...edit, transfersEnabled: true } });
    expect(refused.statusCode).toBe(403);

    const on = await api.inject({ method: 'PATCH', url: `/v1/admin/catalog/events/${event.id}`, headers: as(admin, 'ADMIN'), payload: { ...edit, transfersEnabled: true } });
    expect([on.statusCode, on.json().transfersEnabled]).toEqual([200, true]);
    const audit = await database.db.adminAuditLog.findFirstOrThrow({ where: { entityId: event.id, action: 'event.update' } });
    expect([audit.actorId, (audit.before as { transfersEnabled: boolean }).transfersEnabled, (audit.after as { transfersEnabled: boolean }).transfersEnabled]).toEqual([admin.id, false, true]);

    await api.inject({ method: 'PATCH', url: `/v1/admin/catalog/events/${event.id}`, headers: as(admin, 'ADMIN'), payload: { ...edit, title: 'Renamed' } });
    expect((await database.db.event.findUniqueOrThrow({ where: { id: event.id } })).transfersEnabled).toBe(true);
  });

  it('shows a ticket’s whole history: issued, offered, transferred with its code revoked, checked in; and a refund', async () => {
    const ticket = await ticketOf(a);
    const { transferId } = (await offer(a, ticket.id, b.email)).json().transfer;
    await act(b, transferId, 'accept');
    const moved = await database.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    await database.db.checkIn.create({ data: { ticketId: ticket.id, performanceId: show.performanceId, gate: 'A', deviceId: 'door-1', scannedAt: new Date(Date.now() + 1_000) } });

    expect((await api.inject({ method: 'GET', url: `/v1/admin/tickets/${ticket.id}/history`, headers: as(a) })).statusCode).toBe(403);
    const response = await api.inject({ method: 'GET', url: `/v1/admin/tickets/${ticket.id}/history`, headers: as(admin, 'ADMIN') });
    expect(response.statusCode).toBe(200);
    const { history } = response.json();
    expect(history.ticket).toMatchObject({ id: ticket.id, owner: { id: b.id }, transferCount: 1 });
    expect(history.entries.map((e: { kind: string }) => e.kind)).toEqual(['issued', 'transfer_offered', 'transfer_accepted', 'code_revoked', 'checked_in']);
    expect(history.entries[0].to.id).toBe(a.id);
    expect(history.entries[3]).toMatchObject({ reason: 'TRANSFERRED', codeTail: ticket.code.slice(-6) });
    expect(history.entries[4]).toMatchObject({ gate: 'A', deviceId: 'door-1' });
    expect(moved.code).not.toBe(ticket.code);

    const refunded = await ticketOf(c);
    await database.db.$transaction(async (tx) => {
      await revokeTicketCode(tx, { id: refunded.id, code: refunded.code, performanceId: show.performanceId }, 'REFUNDED', new Date(Date.now() + 1_000));
      await tx.ticket.update({ where: { id: refunded.id }, data: { status: 'REFUNDED' } });
    });
    const refundHistory = (await api.inject({ method: 'GET', url: `/v1/admin/tickets/${refunded.id}/history`, headers: as(admin, 'ADMIN') })).json().history;
    expect(refundHistory.ticket.status).toBe('REFUNDED');
    expect(refundHistory.entries.map((e: { kind: string; reason?: string }) => e.reason ?? e.kind)).toEqual(['issued', 'REFUNDED']);
    expect((await api.inject({ method: 'GET', url: `/v1/admin/tickets/01900000-0000-7000-8000-000000000000/history`, headers: as(admin, 'ADMIN') })).statusCode).toBe(404);
  });
});
