// Transfers against the real PostgreSQL: accept, decline, withdraw and expiry; the old code
// revoked with the ticket's code changed; the limits (hours before the show, transfers per
// ticket, the organiser's switch); races settled by the database; other users' ids answer 404.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test/support/app-error-of';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { TEST_SECRETS } from '../../test/support/test-secrets';
import { createFans, createTransferFixture, issueTestTicket, type Fan, type TransferFixture } from '../../test/support/transfer-fixture';
import { scanTicket } from '../check-in/scan-ticket';
import { loadTicketKeys } from '../tickets/load-ticket-keys';
import { signTicketQr } from '../tickets/sign-ticket-qr';
import { acceptTicketTransfer } from './accept-ticket-transfer';
import { endTicketTransfer } from './end-ticket-transfer';
import { expireTicketTransfers } from './expire-ticket-transfers';
import { getTicketTransferState } from './get-ticket-transfer-state';
import { listIncomingTransfers } from './list-incoming-transfers';
import { offerTicketTransfer } from './offer-ticket-transfer';
import type { TransferLimits } from './transfer-limits';

const HOUR = 3_600_000;
// A fixed instant, not today: the suite must pass with the clock a year ahead.
const now = new Date('2027-03-01T01:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const limits: TransferLimits = { cutoffHoursBeforeShow: 24, maxPerTicket: 1, offerHours: 72 };

let database: TestDatabase;
let show: TransferFixture;
const seatsUsed = new Map<TransferFixture, number>();
let fans: Fan[];
let a: Fan, b: Fan, c: Fan;

const deps = (when = now) => ({ db: database.db, now: when });

beforeAll(async () => {
  database = await createTestDatabase();
  show = await createTransferFixture(database.db, { seats: 60, startsAt: at(30 * 24), now });
  fans = await createFans(database.db, 3);
  [a, b, c] = fans as [Fan, Fan, Fan];
});
afterAll(async () => {
  await database?.drop();
});

/** A fresh ISSUED ticket of the show, held by `owner`. */
const ticketOf = (owner: Fan, fixture = show) => {
  const seat = seatsUsed.get(fixture) ?? 0;
  seatsUsed.set(fixture, seat + 1);
  return issueTestTicket(database.db, fixture, fixture.seatIds[seat]!, owner.id, now);
};
const ticketRow = (id: string) => database.db.ticket.findUniqueOrThrow({ where: { id } });
const outbox = (aggregateId: string) => database.db.outboxEvent.findMany({ where: { aggregateId }, orderBy: { createdAt: 'asc' } });

describe('accepting an offer', () => {
  it('moves the ticket to the recipient with a new code, revokes the old one and emits transfer.completed in the same commit', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email.toUpperCase() });
    expect(offer).toMatchObject({ ticketId: ticket.id, toEmail: b.email, expiresAt: at(72).toISOString() });
    expect((await listIncomingTransfers(database.db, b.id, at(1))).map((t) => t.transferId)).toEqual([offer.transferId]);

    await acceptTicketTransfer(deps(at(2)), limits, b.id, offer.transferId);

    const after = await ticketRow(ticket.id);
    expect(after).toMatchObject({ ownerId: b.id, transferCount: 1, status: 'ISSUED' });
    expect(after.code).not.toBe(ticket.code);
    // The old code is on the revocation list scanners receive; the new one is not.
    const revoked = await database.db.ticketRevocation.findMany({ where: { ticketId: ticket.id } });
    expect(revoked).toEqual([expect.objectContaining({ code: ticket.code, reason: 'TRANSFERRED', performanceId: show.performanceId, revokedAt: at(2) })]);
    expect(await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).toMatchObject({ status: 'ACCEPTED', respondedAt: at(2) });
    const events = await outbox(offer.transferId);
    expect(events.map((e) => e.type)).toEqual(['transfer.offered', 'transfer.completed']);
    expect(events[1]!.payload).toEqual({ transferId: offer.transferId, ticketId: ticket.id, performanceId: show.performanceId, fromUserId: a.id, toUserId: b.id, completedAt: at(2).toISOString() });
    // The sender no longer sees the ticket; the recipient does.
    expect((await appErrorOf(getTicketTransferState(database.db, { ticketId: ticket.id, userId: a.id }))).code).toBe('not_found');
    expect((await getTicketTransferState(database.db, { ticketId: ticket.id, userId: b.id })).transferCount).toBe(1);
  });


  it('leaves the door refusing the old code as transferred and admitting the new one', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId);
    const moved = await ticketRow(ticket.id);

    const [doorman] = await createFans(database.db, 1);
    await database.db.user.update({ where: { id: doorman!.id }, data: { role: 'ADMIN' } });
    const keys = loadTicketKeys(TEST_SECRETS.TICKET_SIGNING_KEY);
    const door = { db: database.db, publicKey: keys.publicKey, opensMinutesBefore: 120 };
    const doorsOpen = at(30 * 24 - 0.5);
    const scan = (code: string) =>
      scanTicket(door, doorman!.id, { performanceId: show.performanceId, gate: 'A', deviceId: 'door-0001', nonce: randomUUID(), code: signTicketQr(keys.privateKey, { id: ticket.id, code, performanceId: show.performanceId }) }, doorsOpen);
    expect((await scan(ticket.code)).result).toBe('TRANSFERRED');
    expect((await scan(moved.code)).result).toBe('VALID');
  });
});

describe('declining and withdrawing', () => {
  it('a declined offer leaves the ticket and its code with the sender, who may offer it again', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    expect(await endTicketTransfer(deps(at(1)), b.id, offer.transferId, 'decline')).toEqual({ transferId: offer.transferId, status: 'DECLINED' });
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: a.id, code: ticket.code, transferCount: 0 });
    expect((await outbox(offer.transferId)).map((e) => e.type)).toEqual(['transfer.offered', 'transfer.declined']);
    expect(await listIncomingTransfers(database.db, b.id, at(1))).toEqual([]);
    const again = await offerTicketTransfer(deps(at(1)), limits, a.id, { ticketId: ticket.id, toEmail: c.email });
    expect(again.transferId).not.toBe(offer.transferId);
  });

  it('a withdrawn offer can no longer be accepted', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await endTicketTransfer(deps(at(1)), a.id, offer.transferId, 'withdraw');
    const refused = await appErrorOf(acceptTicketTransfer(deps(at(2)), limits, b.id, offer.transferId));
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'transferId', reason: 'transfer_closed', status: 'CANCELLED' } });
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: a.id, code: ticket.code });
    expect((await outbox(offer.transferId)).map((e) => e.type)).toEqual(['transfer.offered', 'transfer.withdrawn']);
  });

  it('keeps one open offer per ticket', async () => {
    const ticket = await ticketOf(a);
    await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    const second = await appErrorOf(offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: c.email }));
    expect(second).toMatchObject({ code: 'conflict', details: { field: 'ticketId', reason: 'offer_open' } });
  });
});

describe('expiry', () => {
  it('expires an unanswered offer at its deadline, after which it cannot be accepted', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await expireTicketTransfers(database.db, at(71.9));
    expect((await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).status).toBe('PENDING');

    expect(await expireTicketTransfers(database.db, at(72))).toBeGreaterThanOrEqual(1);
    expect(await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).toMatchObject({ status: 'EXPIRED', respondedAt: at(72) });
    const event = (await outbox(offer.transferId)).find((e) => e.type === 'transfer.expired');
    expect(event?.payload).toMatchObject({ transferId: offer.transferId, fromUserId: a.id, toUserId: b.id, endedAt: at(72).toISOString() });
    expect((await appErrorOf(acceptTicketTransfer(deps(at(73)), limits, b.id, offer.transferId))).details).toMatchObject({ reason: 'transfer_closed', status: 'EXPIRED' });
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: a.id, code: ticket.code });
  });

  it('refuses an accept past the deadline even before the sweep ran', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    expect((await appErrorOf(acceptTicketTransfer(deps(at(72)), limits, b.id, offer.transferId))).details).toMatchObject({ reason: 'transfer_closed', status: 'EXPIRED' });
  });

  it('ends the offer of a ticket that was refunded meanwhile', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await database.db.ticket.update({ where: { id: ticket.id }, data: { status: 'REFUNDED' } });
    expect((await appErrorOf(acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId))).details).toMatchObject({ reason: 'ticket_not_transferable', status: 'REFUNDED' });
    await expireTicketTransfers(database.db, at(1));
    expect((await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).status).toBe('EXPIRED');
  });
});

describe('limits', () => {
  it('closes offers and acceptances the configured hours before the show, and no offer outlives that cutoff', async () => {
    const soon = await createTransferFixture(database.db, { seats: 3, startsAt: at(48), now });
    const ticket = await ticketOf(a, soon);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    // 72 h asked, but the show starts in 48 h and transfers close 24 h before it.
    expect(offer.expiresAt).toBe(at(24).toISOString());
    const late = await appErrorOf(acceptTicketTransfer(deps(at(24)), limits, b.id, offer.transferId));
    expect(late).toMatchObject({ code: 'conflict', details: { field: 'transferId', reason: 'transfer_closed' } });

    await endTicketTransfer(deps(at(24)), a.id, offer.transferId, 'withdraw');
    const tooLate = await appErrorOf(offerTicketTransfer(deps(at(24)), limits, a.id, { ticketId: ticket.id, toEmail: b.email }));
    expect(tooLate).toMatchObject({ code: 'unprocessable', details: { field: 'ticketId', reason: 'transfers_closed', closedAt: at(24).toISOString() } });
  });

  it('refuses an acceptance once a longer cutoff applies, even inside the offer deadline', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    const stricter = { ...limits, cutoffHoursBeforeShow: 30 * 24 };
    expect((await appErrorOf(acceptTicketTransfer(deps(at(1)), stricter, b.id, offer.transferId))).details).toMatchObject({ field: 'ticketId', reason: 'transfers_closed' });
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: a.id, code: ticket.code });
    expect((await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).status).toBe('PENDING');
  });

  it('allows at most the configured number of transfers per ticket', async () => {
    const ticket = await ticketOf(a);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId);
    const onward = await appErrorOf(offerTicketTransfer(deps(at(2)), limits, b.id, { ticketId: ticket.id, toEmail: c.email }));
    expect(onward).toMatchObject({ code: 'unprocessable', details: { field: 'ticketId', reason: 'transfer_limit_reached', limit: 1 } });
    // With two allowed, the new holder may pass it on.
    const twice = { ...limits, maxPerTicket: 2 };
    const next = await offerTicketTransfer(deps(at(2)), twice, b.id, { ticketId: ticket.id, toEmail: c.email });
    await acceptTicketTransfer(deps(at(3)), twice, c.id, next.transferId);
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: c.id, transferCount: 2 });
    expect(await database.db.ticketRevocation.count({ where: { ticketId: ticket.id, reason: 'TRANSFERRED' } })).toBe(2);
  });

  it('refuses offers, and acceptances of earlier offers, while the organiser has transfers off', async () => {
    const off = await createTransferFixture(database.db, { seats: 2, startsAt: at(30 * 24), now, transfersEnabled: false });
    const ticket = await ticketOf(a, off);
    expect(await appErrorOf(offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email }))).toMatchObject({
      code: 'unprocessable',
      details: { field: 'ticketId', reason: 'transfers_disabled' },
    });
    await database.db.event.update({ where: { id: off.eventId }, data: { transfersEnabled: true } });
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    await database.db.event.update({ where: { id: off.eventId }, data: { transfersEnabled: false } });
    expect((await appErrorOf(acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId))).details).toMatchObject({ reason: 'transfers_disabled' });
    expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: a.id, code: ticket.code });
  });

  it('names the email field when no account uses the address, or it is the holder’s own', async () => {
    const ticket = await ticketOf(a);
    expect(await appErrorOf(offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: 'nobody-here@test.dev' }))).toMatchObject({
      code: 'unprocessable',
      details: { field: 'toEmail', reason: 'recipient_unknown' },
    });
    expect((await appErrorOf(offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: a.email }))).details).toMatchObject({ field: 'toEmail', reason: 'recipient_is_holder' });
  });
});

describe('races', () => {
  it('two accepts of one offer: exactly one moves the ticket, once', async () => {
    for (let round = 0; round < 5; round++) {
      const ticket = await ticketOf(a);
      const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
      const results = await Promise.allSettled([acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId), acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', details: { reason: 'transfer_closed', status: 'ACCEPTED' } } });
      expect(await ticketRow(ticket.id)).toMatchObject({ ownerId: b.id, transferCount: 1 });
      expect(await database.db.ticketRevocation.count({ where: { ticketId: ticket.id } })).toBe(1);
      expect((await outbox(offer.transferId)).filter((e) => e.type === 'transfer.completed')).toHaveLength(1);
    }
  });

  it('an accept racing a withdraw ends with one outcome, and the ticket agrees with it', async () => {
    for (let round = 0; round < 8; round++) {
      const ticket = await ticketOf(a);
      const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
      const [accepted, withdrawn] = await Promise.allSettled([
        acceptTicketTransfer(deps(at(1)), limits, b.id, offer.transferId),
        endTicketTransfer(deps(at(1)), a.id, offer.transferId, 'withdraw'),
      ]);
      expect([accepted.status, withdrawn.status].sort()).toEqual(['fulfilled', 'rejected']);
      const transfer = await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } });
      const row = await ticketRow(ticket.id);
      if (accepted.status === 'fulfilled') {
        expect(transfer.status).toBe('ACCEPTED');
        expect(row).toMatchObject({ ownerId: b.id, transferCount: 1 });
      } else {
        expect(transfer.status).toBe('CANCELLED');
        expect(row).toMatchObject({ ownerId: a.id, code: ticket.code, transferCount: 0 });
        expect(await database.db.ticketRevocation.count({ where: { ticketId: ticket.id } })).toBe(0);
      }
    }
  });
});

describe('another user’s ids', () => {
  it('answer 404 for a ticket, an offer in the wrong role, and malformed ids', async () => {
    const ticket = await ticketOf(a);
    const notFound = { code: 'not_found' };
    expect(await appErrorOf(offerTicketTransfer(deps(), limits, c.id, { ticketId: ticket.id, toEmail: b.email }))).toMatchObject(notFound);
    expect(await appErrorOf(getTicketTransferState(database.db, { ticketId: ticket.id, userId: c.id }))).toMatchObject(notFound);
    const offer = await offerTicketTransfer(deps(), limits, a.id, { ticketId: ticket.id, toEmail: b.email });
    expect(await appErrorOf(acceptTicketTransfer(deps(), limits, c.id, offer.transferId))).toMatchObject(notFound);
    expect(await appErrorOf(acceptTicketTransfer(deps(), limits, a.id, offer.transferId))).toMatchObject(notFound);
    expect(await appErrorOf(endTicketTransfer(deps(), c.id, offer.transferId, 'decline'))).toMatchObject(notFound);
    expect(await appErrorOf(endTicketTransfer(deps(), b.id, offer.transferId, 'withdraw'))).toMatchObject(notFound);
    expect(await appErrorOf(acceptTicketTransfer(deps(), limits, b.id, 'not-a-uuid'))).toMatchObject(notFound);
    expect(await appErrorOf(offerTicketTransfer(deps(), limits, a.id, { ticketId: 'nope', toEmail: b.email }))).toMatchObject(notFound);
    expect((await database.db.ticketTransfer.findUniqueOrThrow({ where: { id: offer.transferId } })).status).toBe('PENDING');
  });
});
