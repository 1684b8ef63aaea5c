// Tickets held by fans, for transfer tests: a performance whose event allows transfers, a
// CONFIRMED reservation per ticket and the ticket itself, written as issuing leaves them (ISSUED,
// a fresh code, owned by the buyer), and fans with the email addresses their accounts use.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../lib/db/create-prisma';
import { newTicketCode } from '../../lib/tickets/new-ticket-code';
import { createPerformanceFixture } from './performance-fixture';

export type TransferFixture = { performanceId: string; eventId: string; seatIds: string[] };
export type Fan = { id: string; email: string };

export async function createTransferFixture(db: Db, options: { seats: number; startsAt: Date; now: Date; transfersEnabled?: boolean }): Promise<TransferFixture> {
  const fixture = await createPerformanceFixture(db, { rows: 1, seatsPerRow: options.seats, now: options.now });
  await db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: options.startsAt } });
  await db.event.update({ where: { id: fixture.eventId }, data: { transfersEnabled: options.transfersEnabled ?? true } });
  return { performanceId: fixture.performanceId, eventId: fixture.eventId, seatIds: fixture.seatIds[0]! };
}

export async function createFans(db: Db, count: number): Promise<Fan[]> {
  const tag = randomBytes(4).toString('hex');
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const email = `fan-${tag}-${i}@test.dev`;
      const user = await db.user.create({ data: { email, name: `Fan ${i}` }, select: { id: true } });
      return { id: user.id, email };
    }),
  );
}

/** One ISSUED ticket for `seatId`, bought and held by `ownerId`. */
export async function issueTestTicket(db: Db, fixture: TransferFixture, seatId: string, ownerId: string, issuedAt: Date): Promise<{ id: string; code: string }> {
  const reservation = await db.reservation.create({
    data: {
      userId: ownerId,
      performanceId: fixture.performanceId,
      status: 'CONFIRMED',
      totalKrw: 100_000,
      paymentDeadline: issuedAt,
      confirmedAt: issuedAt,
      items: { create: { performanceId: fixture.performanceId, seatId, grade: 'R', priceKrw: 100_000 } },
    },
    include: { items: true },
  });
  return db.ticket.create({
    data: { reservationItemId: reservation.items[0]!.id, performanceId: fixture.performanceId, seatId, ownerId, code: newTicketCode(), issuedAt },
    select: { id: true, code: true },
  });
}
