// A ticket for a fan, written straight into the platform's embedded PostgreSQL (the one
// `npm start` runs in the e2e data folder), as issuing leaves one: a CONFIRMED reservation of one
// free seat and an ISSUED ticket with a fresh code. For specs about what happens to a ticket after
// it is issued. The server's port is read from PostgreSQL's own postmaster.pid; only the local
// e2e server is ever touched.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const POSTMASTER_PID = path.join('.data-e2e', 'postgres', 'postmaster.pid');

export async function seedTicket(input: { ownerEmail: string; eventSlug: string }): Promise<{ ticketId: string }> {
  // postmaster.pid: pid, data directory, start time, port, socket dir, listen address, …
  const port = Number(readFileSync(POSTMASTER_PID, 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`${POSTMASTER_PID}: no port`);
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/openseat` });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ user_id: string; performance_id: string; seat_id: string; grade: string; amount_krw: number }>(
      `SELECT u.id AS user_id, p.id AS performance_id, s.id AS seat_id, s.grade, pp.amount_krw
         FROM auth.users u, ticket.events e
         JOIN ticket.performances p ON p.event_id = e.id
         JOIN ticket.seats s ON s.hall_id = p.hall_id
         JOIN ticket.performance_prices pp ON pp.performance_id = p.id AND pp.grade = s.grade
        WHERE u.email = $1 AND e.slug = $2
          AND NOT EXISTS (SELECT 1 FROM ticket.reservation_items i WHERE i.performance_id = p.id AND i.seat_id = s.id AND i.live)
        ORDER BY p.starts_at, s.ordinal DESC
        LIMIT 1`,
      [input.ownerEmail, input.eventSlug],
    );
    const found = rows[0];
    if (!found) throw new Error(`no account ${input.ownerEmail} or no free seat of ${input.eventSlug}`);
    const reservationId = randomUUID();
    const itemId = randomUUID();
    const ticketId = randomUUID();
    await client.query(
      `INSERT INTO ticket.reservations (id, user_id, performance_id, status, total_krw, payment_deadline, confirmed_at, updated_at)
       VALUES ($1, $2, $3, 'CONFIRMED', $4, now(), now(), now())`,
      [reservationId, found.user_id, found.performance_id, found.amount_krw],
    );
    await client.query(`INSERT INTO ticket.reservation_items (id, reservation_id, performance_id, seat_id, grade, price_krw) VALUES ($1, $2, $3, $4, $5, $6)`, [
      itemId,
      reservationId,
      found.performance_id,
      found.seat_id,
      found.grade,
      found.amount_krw,
    ]);
    await client.query(`INSERT INTO ticket.tickets (id, reservation_item_id, performance_id, seat_id, owner_id, code) VALUES ($1, $2, $3, $4, $5, $6)`, [
      ticketId,
      itemId,
      found.performance_id,
      found.seat_id,
      found.user_id,
      randomBytes(16).toString('base64url'),
    ]);
    await client.query('COMMIT');
    return { ticketId };
  } finally {
    await client.end();
  }
}
