// Demo data for a fresh platform: a 5,248-seat arena concert (one show on sale now, one whose
// member presale is open, one opening soon), two smaller events, an admin, a customer and door
// staff assigned to every demo event.
// Idempotent: every row is found by its natural key first, so running it on every start is safe.
import type { Db } from '../db/create-prisma';
import { hashPassword } from '../auth/hash-password';
import type { Redis } from '../redis/create-redis';
import { replaceHallSeats } from '../seat-map/replace-hall-seats';
import { generateArenaSeats, generateTheaterSeats, type GeneratedSeat } from './generate-arena-seats';
import type { Role } from '../auth/roles';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@openseat.dev', password: 'Admin!2345', name: '관리자 Admin' },
  customer: { email: 'fan@openseat.dev', password: 'Fan!23456', name: '김민지 Minji' },
  /** Works the door (/staff/scan) of the demo events. */
  staff: { email: 'staff@openseat.dev', password: 'Staff!2345', name: '입장 스태프 Door Staff' },
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function ensureUser(db: Db, account: { email: string; password: string; name: string }, role: Role) {
  const existing = await db.user.findUnique({ where: { email: account.email } });
  if (existing) return existing;
  return db.user.create({ data: { email: account.email, name: account.name, role, passwordHash: await hashPassword(account.password) } });
}

/** A venue and hall by natural key; a hall without seats gets the generated map through the same import path admins use. */
async function ensureHall(db: Db, redis: Redis, venueSlug: string, venue: { name: string; city: string; address: string }, hallName: string, seats: GeneratedSeat[]) {
  const v = await db.venue.upsert({ where: { slug: venueSlug }, update: {}, create: { slug: venueSlug, ...venue } });
  const hall = await db.hall.upsert({ where: { venueId_name: { venueId: v.id, name: hallName } }, update: {}, create: { venueId: v.id, name: hallName } });
  if (hall.seatCount > 0) return hall;
  await replaceHallSeats(db, redis, {
    hallId: hall.id,
    rows: seats.map((seat, i) => ({ line: i + 1, section: seat.section, row: seat.rowLabel, number: seat.number, x: seat.x, y: seat.y, grade: seat.grade })),
    actorId: null,
    action: 'demo.seed',
  });
  return hall;
}

type PerformanceSpec = {
  startsAt: Date;
  presale?: { opensAt: Date; closesAt: Date };
  generalSaleOpensAt: Date;
  maxTicketsPerPerson: number;
};

async function ensureEvent(
  db: Db,
  spec: { slug: string; title: string; genre: 'CONCERT' | 'CLASSIC' | 'MUSICAL'; description: string; artistId: string | null; hallId: string; prices: Record<string, number>; performances: PerformanceSpec[] },
) {
  const existing = await db.event.findUnique({ where: { slug: spec.slug } });
  if (existing) return existing;
  return db.event.create({
    data: {
      slug: spec.slug,
      title: spec.title,
      genre: spec.genre,
      description: spec.description,
      artistId: spec.artistId,
      status: 'PUBLISHED',
      performances: {
        create: spec.performances.map((p) => ({
          hallId: spec.hallId,
          startsAt: p.startsAt,
          endsAt: new Date(p.startsAt.getTime() + 3 * HOUR),
          status: 'PUBLISHED' as const,
          presaleOpensAt: p.presale?.opensAt,
          presaleClosesAt: p.presale?.closesAt,
          generalSaleOpensAt: p.generalSaleOpensAt,
          generalSaleClosesAt: new Date(p.startsAt.getTime() - 3 * HOUR),
          maxTicketsPerPerson: p.maxTicketsPerPerson,
          prices: { create: Object.entries(spec.prices).map(([grade, amountKrw]) => ({ grade, amountKrw })) },
          waitingRoom: { create: { mode: 'SCHEDULED' as const, admitPerMinute: 600, maxActive: 1_000 } },
        })),
      },
    },
  });
}

export async function seedDemoData(db: Db, redis: Redis, now = new Date()): Promise<{ created: boolean }> {
  const alreadySeeded = await db.event.count({ where: { slug: 'aurora-lane-seoul-2027' } });

  await ensureUser(db, DEMO_ACCOUNTS.admin, 'ADMIN');
  await ensureUser(db, DEMO_ACCOUNTS.customer, 'USER');
  const staff = await ensureUser(db, DEMO_ACCOUNTS.staff, 'STAFF');

  const aurora = await db.artist.upsert({
    where: { slug: 'aurora-lane' },
    update: {},
    create: { slug: 'aurora-lane', name: '오로라 레인 Aurora Lane', genre: 'CONCERT', description: 'Five-piece K-pop group on their first world tour.' },
  });
  await db.membershipPlan.findFirst({ where: { artistId: aurora.id } }).then(
    (plan) => plan ?? db.membershipPlan.create({ data: { artistId: aurora.id, name: 'AURORA 1기 팬클럽', priceKrw: 33_000, durationDays: 365 } }),
  );
  const hanbit = await db.artist.upsert({
    where: { slug: 'hanbit-philharmonic' },
    update: {},
    create: { slug: 'hanbit-philharmonic', name: '한빛 필하모닉 Hanbit Philharmonic', genre: 'CLASSIC' },
  });

  const arena = await ensureHall(db, redis, 'kspo-dome', { name: 'KSPO DOME', city: '서울 Seoul', address: '서울 송파구 올림픽로 424' }, 'Main Arena', generateArenaSeats());
  const concertHall = await ensureHall(
    db,
    redis,
    'seoul-arts-center',
    { name: '예술의전당 Seoul Arts Center', city: '서울 Seoul', address: '서울 서초구 남부순환로 2406' },
    'Concert Hall',
    generateTheaterSeats(20, 30, (row) => (row < 5 ? 'R' : row < 12 ? 'S' : 'A')),
  );
  const smallHall = await ensureHall(
    db,
    redis,
    'rolling-hall',
    { name: '롤링홀 Rolling Hall', city: '서울 Seoul', address: '서울 마포구 어울마당로 35' },
    'Main',
    generateTheaterSeats(12, 25, () => 'S'),
  );

  // Shows start at 19:00 in Seoul (10:00 UTC).
  const concertDay = (days: number) => {
    const day = new Date(now.getTime() + days * DAY);
    day.setUTCHours(10, 0, 0, 0);
    return day;
  };
  await ensureEvent(db, {
    slug: 'aurora-lane-seoul-2027',
    title: 'AURORA LANE WORLD TOUR [FIRST LIGHT] IN SEOUL',
    genre: 'CONCERT',
    description: '오로라 레인의 첫 월드투어 서울 공연. Three nights at KSPO DOME.',
    artistId: aurora.id,
    hallId: arena.id,
    prices: { VIP: 198_000, R: 165_000, S: 143_000, A: 121_000 },
    performances: [
      // On sale now.
      { startsAt: concertDay(30), generalSaleOpensAt: new Date(now.getTime() - HOUR), maxTicketsPerPerson: 4 },
      // Member presale open now, general sale tomorrow.
      {
        startsAt: concertDay(31),
        presale: { opensAt: new Date(now.getTime() - HOUR), closesAt: new Date(now.getTime() + DAY - HOUR) },
        generalSaleOpensAt: new Date(now.getTime() + DAY),
        maxTicketsPerPerson: 2,
      },
      // Opens in ten minutes: the waiting room's pre-queue is already open.
      { startsAt: concertDay(32), generalSaleOpensAt: new Date(now.getTime() + 10 * 60_000), maxTicketsPerPerson: 4 },
    ],
  });
  await ensureEvent(db, {
    slug: 'hanbit-new-year-2027',
    title: '한빛 필하모닉 신년음악회 New Year Concert',
    genre: 'CLASSIC',
    description: 'Beethoven 9 and a Strauss encore.',
    artistId: hanbit.id,
    hallId: concertHall.id,
    prices: { R: 120_000, S: 90_000, A: 60_000 },
    performances: [{ startsAt: concertDay(40), generalSaleOpensAt: new Date(now.getTime() - DAY), maxTicketsPerPerson: 8 }],
  });
  await ensureEvent(db, {
    slug: 'seoul-indie-night-2027',
    title: 'Seoul Indie Night Vol. 12',
    genre: 'CONCERT',
    description: '다섯 팀의 인디 밴드가 함께하는 밤.',
    artistId: null,
    hallId: smallHall.id,
    prices: { S: 55_000 },
    performances: [
      { startsAt: concertDay(14), generalSaleOpensAt: new Date(now.getTime() - 2 * DAY), maxTicketsPerPerson: 4 },
      { startsAt: concertDay(15), generalSaleOpensAt: new Date(now.getTime() - 2 * DAY), maxTicketsPerPerson: 4 },
    ],
  });
  const events = await db.event.findMany({ where: { slug: { in: ['aurora-lane-seoul-2027', 'hanbit-new-year-2027', 'seoul-indie-night-2027'] } }, select: { id: true } });
  await db.eventStaff.createMany({ data: events.map((event) => ({ eventId: event.id, userId: staff.id })), skipDuplicates: true });
  return { created: alreadySeeded === 0 };
}
