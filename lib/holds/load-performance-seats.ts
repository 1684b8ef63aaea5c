// What a hold needs to know about a performance: its sale windows, limit and artist, and its
// hall's seats by id and by ordinal. Seats change only on a seat-map import (which bumps the
// hall's seatMapVersion), so they are cached per hall version; the rest is re-read every 2 s.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

export type HoldableSeat = { id: string; ordinal: number; label: string; grade: string; section: string; rowLabel: string; rowIndex: number; number: number; x: number };

export type PerformanceSeats = {
  performanceId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  artistId: string | null;
  maxTicketsPerPerson: number;
  presaleOpensAt: Date | null;
  presaleClosesAt: Date | null;
  generalSaleOpensAt: Date;
  generalSaleClosesAt: Date;
  prices: Map<string, number>;
  hallWidth: number;
  /** The venue's IANA zone, for times shown with a reservation. */
  timeZone: string;
  seatsById: Map<string, HoldableSeat>;
  seatsByOrdinal: HoldableSeat[];
};

const PERFORMANCE_TTL_MS = 2_000;
type PerformanceInfo = Omit<PerformanceSeats, 'seatsById' | 'seatsByOrdinal'> & { hallId: string; hallKey: string };
type HallSeats = Pick<PerformanceSeats, 'seatsById' | 'seatsByOrdinal'>;
// Promises, not values: a burst of holds for one performance shares one query (single flight).
// The merged answer is cached too, so a hold does not copy the performance into a new object.
const performances = new Map<string, { at: number; seats: Promise<PerformanceSeats> }>();
const halls = new Map<string, Promise<HallSeats>>();

async function readPerformance(db: Db, performanceId: string): Promise<PerformanceInfo> {
  const performance = await db.performance.findUnique({
    where: { id: performanceId },
    include: { event: { select: { artistId: true, status: true } }, hall: { select: { id: true, seatMapVersion: true, width: true, venue: { select: { timeZone: true } } } }, prices: true },
  });
  if (!performance || performance.event.status !== 'PUBLISHED') throw notFound('Performance');
  return {
    performanceId,
    status: performance.status,
    artistId: performance.event.artistId,
    maxTicketsPerPerson: performance.maxTicketsPerPerson,
    presaleOpensAt: performance.presaleOpensAt,
    presaleClosesAt: performance.presaleClosesAt,
    generalSaleOpensAt: performance.generalSaleOpensAt,
    generalSaleClosesAt: performance.generalSaleClosesAt,
    prices: new Map(performance.prices.map((p) => [p.grade, p.amountKrw])),
    hallWidth: performance.hall.width,
    timeZone: performance.hall.venue.timeZone,
    hallId: performance.hall.id,
    hallKey: `${performance.hall.id}@${performance.hall.seatMapVersion}`,
  };
}

async function readHallSeats(db: Db, hallId: string): Promise<HallSeats> {
  const seats = await db.seat.findMany({ where: { hallId }, include: { section: { select: { name: true } } }, orderBy: { ordinal: 'asc' } });
  const list = seats.map((s) => ({
    id: s.id,
    ordinal: s.ordinal,
    label: `${s.section.name} ${s.rowLabel}열 ${s.number}번`,
    grade: s.grade,
    section: s.section.name,
    rowLabel: s.rowLabel,
    rowIndex: s.rowIndex,
    number: s.number,
    x: s.x,
  }));
  return { seatsById: new Map(list.map((s) => [s.id, s])), seatsByOrdinal: list };
}

function hallSeats(db: Db, hallId: string, hallKey: string): Promise<HallSeats> {
  let hall = halls.get(hallKey);
  if (!hall) {
    hall = readHallSeats(db, hallId);
    halls.set(hallKey, hall);
    hall.catch(() => halls.delete(hallKey));
  }
  return hall;
}

export function loadPerformanceSeats(db: Db, performanceId: string, now = Date.now()): Promise<PerformanceSeats> {
  let cached = performances.get(performanceId);
  if (!cached || now - cached.at > PERFORMANCE_TTL_MS) {
    const seats = readPerformance(db, performanceId).then(async ({ hallId, hallKey, ...info }) => ({ ...info, ...(await hallSeats(db, hallId, hallKey)) }));
    cached = { at: now, seats };
    performances.set(performanceId, cached);
    seats.catch(() => {
      if (performances.get(performanceId) === cached) performances.delete(performanceId);
    });
  }
  return cached.seats;
}
