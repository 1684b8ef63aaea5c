// A small performance for tests: one venue and hall, `rows` × `seatsPerRow` seats in one
// section (ordinal = row * seatsPerRow + seat index), a grade per row, on general sale now.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../lib/db/create-prisma';

export type PerformanceFixture = { performanceId: string; hallId: string; eventId: string; artistId: string; seatIds: string[][]; ordinals: number[][] };

export async function createPerformanceFixture(
  db: Db,
  options: {
    rows: number;
    seatsPerRow: number | number[];
    gradeOfRow?: (row: number) => string;
    prices?: Record<string, number>;
    maxTicketsPerPerson?: number;
    now?: Date;
    presale?: boolean;
  },
): Promise<PerformanceFixture> {
  const tag = randomBytes(4).toString('hex');
  const now = options.now ?? new Date();
  const gradeOfRow = options.gradeOfRow ?? (() => 'R');
  const widths = Array.from({ length: options.rows }, (_, r) => (Array.isArray(options.seatsPerRow) ? options.seatsPerRow[r]! : options.seatsPerRow));
  const artist = await db.artist.create({ data: { slug: `artist-${tag}`, name: `Artist ${tag}` } });
  const venue = await db.venue.create({ data: { slug: `venue-${tag}`, name: `Venue ${tag}`, city: 'Seoul', address: '1 Test-ro' } });
  const hall = await db.hall.create({ data: { venueId: venue.id, name: 'Hall', width: 400, height: 400 } });
  const section = await db.section.create({ data: { hallId: hall.id, name: 'A' } });
  let ordinal = 0;
  const seats = widths.flatMap((width, row) =>
    Array.from({ length: width }, (_, n) => ({
      hallId: hall.id,
      sectionId: section.id,
      ordinal: ordinal++,
      rowLabel: String(row + 1),
      rowIndex: row,
      number: n + 1,
      // Rows are centred on x = 200.
      x: 200 - ((width - 1) * 10) / 2 + n * 10,
      y: 20 + row * 10,
      grade: gradeOfRow(row),
    })),
  );
  await db.seat.createMany({ data: seats });
  await db.hall.update({ where: { id: hall.id }, data: { seatCount: seats.length } });
  const grades = [...new Set(seats.map((s) => s.grade))];
  const hour = 3_600_000;
  const event = await db.event.create({
    data: {
      slug: `event-${tag}`,
      title: `Event ${tag}`,
      artistId: artist.id,
      status: 'PUBLISHED',
      performances: {
        create: {
          hallId: hall.id,
          startsAt: new Date(now.getTime() + 30 * 24 * hour),
          status: 'PUBLISHED',
          ...(options.presale
            ? { presaleOpensAt: new Date(now.getTime() - hour), presaleClosesAt: new Date(now.getTime() + hour), generalSaleOpensAt: new Date(now.getTime() + hour) }
            : { generalSaleOpensAt: new Date(now.getTime() - hour) }),
          generalSaleClosesAt: new Date(now.getTime() + 29 * 24 * hour),
          maxTicketsPerPerson: options.maxTicketsPerPerson ?? 4,
          prices: { create: grades.map((grade) => ({ grade, amountKrw: options.prices?.[grade] ?? 100_000 })) },
        },
      },
    },
    include: { performances: true },
  });
  const created = await db.seat.findMany({ where: { hallId: hall.id }, orderBy: { ordinal: 'asc' } });
  const rows = widths.map((_, row) => created.filter((s) => s.rowIndex === row));
  return {
    performanceId: event.performances[0]!.id,
    hallId: hall.id,
    eventId: event.id,
    artistId: artist.id,
    seatIds: rows.map((row) => row.map((s) => s.id)),
    ordinals: rows.map((row) => row.map((s) => s.ordinal)),
  };
}

export async function createUsers(db: Db, count: number): Promise<string[]> {
  const tag = randomBytes(4).toString('hex');
  await db.user.createMany({ data: Array.from({ length: count }, (_, i) => ({ email: `user-${tag}-${i}@test.dev`, name: `User ${i}` })) });
  const users = await db.user.findMany({ where: { email: { startsWith: `user-${tag}-` } }, select: { id: true } });
  return users.map((u) => u.id);
}
