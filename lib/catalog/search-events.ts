// The customer event list: published events with a published performance ahead, filtered by
// text, date range, venue, artist and genre, sorted by their first matching performance, with
// an opaque cursor (first date + id) so pages never skip or repeat an event while data changes.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';
import type { Redis } from '../redis/create-redis';
import { GENRES } from './genres';
import { readThroughCatalogCache } from './read-through-catalog-cache';


type Cursor = { at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');
const CursorParam = z
  .string()
  .max(200)
  .transform((value, ctx): Cursor => {
    const [at, id] = Buffer.from(value, 'base64url').toString().split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)) || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
      return z.NEVER;
    }
    return { at, id };
  });

const DateParam = z.iso.date().or(z.iso.datetime({ offset: true }));
const Slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a-z, 0-9, -)');

export const SearchEventsInput = z
  .object({
    q: z.string().trim().max(100).optional(),
    from: DateParam.optional(),
    to: DateParam.optional(),
    venue: Slug.optional(),
    artist: Slug.optional(),
    genre: z.enum(GENRES).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: CursorParam.optional(),
  })
  .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), { path: ['to'], message: 'must not be before from' });
export type SearchEventsInput = z.input<typeof SearchEventsInput>;

export type EventSummary = {
  id: string;
  slug: string;
  title: string;
  genre: string;
  artist: string | null;
  artistSlug: string | null;
  venue: string;
  venueSlug: string;
  city: string;
  /** The first performance's venue zone: its time is shown on that clock. */
  timeZone: string;
  firstPerformanceAt: string;
  performanceCount: number;
  minPriceKrw: number | null;
  posterUrl: string | null;
};
export type EventPage = { events: EventSummary[]; nextCursor: string | null };

// A date-only bound is a calendar day on each venue's own clock: `to=2027-01-01` keeps a show at
// 23:00 in Seoul (14:00Z) and one at 23:00 in New York (04:00Z the next day) alike.
const dateBound = (bound: string, op: '>=' | '<=') =>
  bound.length === 10
    ? Prisma.sql`(p.starts_at AT TIME ZONE v.time_zone)::date ${Prisma.raw(op)} ${bound}::date`
    : Prisma.sql`p.starts_at ${Prisma.raw(op)} ${new Date(bound)}`;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function queryEvents(db: Db, input: z.output<typeof SearchEventsInput>, now: Date): Promise<EventPage> {
  const performanceFilters = [
    Prisma.sql`p.status = 'PUBLISHED' AND p.starts_at > ${now}`,
    input.from ? dateBound(input.from, '>=') : null,
    input.to ? dateBound(input.to, '<=') : null,
    input.venue ? Prisma.sql`v.slug = ${input.venue}` : null,
  ].filter((f): f is Prisma.Sql => f !== null);
  const eventFilters = [
    Prisma.sql`e.status = 'PUBLISHED'`,
    input.genre ? Prisma.sql`e.genre::text = ${input.genre}` : null,
    input.artist ? Prisma.sql`a.slug = ${input.artist}` : null,
    input.q ? Prisma.sql`(e.title ILIKE ${likePattern(input.q)} OR a.name ILIKE ${likePattern(input.q)} OR e.description ILIKE ${likePattern(input.q)})` : null,
    input.cursor ? Prisma.sql`(f.first_at, e.id) > (${new Date(input.cursor.at)}, ${input.cursor.id}::uuid)` : null,
  ].filter((f): f is Prisma.Sql => f !== null);

  const rows = await db.$queryRaw<{ id: string; first_at: Date; count: number }[]>`
    WITH f AS (
      SELECT p.event_id, min(p.starts_at) AS first_at, count(*)::int AS count
      FROM ticket.performances p
      JOIN ticket.halls h ON h.id = p.hall_id
      JOIN ticket.venues v ON v.id = h.venue_id
      WHERE ${Prisma.join(performanceFilters, ' AND ')}
      GROUP BY p.event_id
    )
    SELECT e.id, f.first_at, f.count FROM ticket.events e
    JOIN f ON f.event_id = e.id
    LEFT JOIN ticket.artists a ON a.id = e.artist_id
    WHERE ${Prisma.join(eventFilters, ' AND ')}
    ORDER BY f.first_at, e.id
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const details = await db.event.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    include: {
      artist: { select: { name: true, slug: true } },
      performances: {
        where: { status: 'PUBLISHED', startsAt: { gt: now } },
        orderBy: { startsAt: 'asc' },
        include: { hall: { include: { venue: true } }, prices: { select: { amountKrw: true } } },
      },
    },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const events = page.map((row): EventSummary => {
    const event = byId.get(row.id)!;
    const first = event.performances.find((p) => p.startsAt.getTime() === row.first_at.getTime()) ?? event.performances[0]!;
    const prices = event.performances.flatMap((p) => p.prices.map((x) => x.amountKrw));
    return {
      id: event.id,
      slug: event.slug,
      title: event.title,
      genre: event.genre,
      artist: event.artist?.name ?? null,
      artistSlug: event.artist?.slug ?? null,
      venue: `${first.hall.venue.name} ${first.hall.name}`,
      venueSlug: first.hall.venue.slug,
      city: first.hall.venue.city,
      timeZone: first.hall.venue.timeZone,
      firstPerformanceAt: row.first_at.toISOString(),
      performanceCount: row.count,
      minPriceKrw: prices.length ? Math.min(...prices) : null,
      posterUrl: event.posterUrl,
    };
  });
  const last = page.at(-1);
  return { events, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.first_at.toISOString(), id: last.id }) : null };
}

export async function searchEvents(db: Db, redis: Redis, raw: unknown, now = new Date()): Promise<EventPage> {
  const input = SearchEventsInput.parse(raw);
  // "Ahead of now" moves with the clock: round it to the minute so one cache entry serves a minute.
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const key = createHash('sha1').update(JSON.stringify({ ...input, minute })).digest('base64url');
  return readThroughCatalogCache(redis, `search:${key}`, () => queryEvents(db, input, minute));
}
