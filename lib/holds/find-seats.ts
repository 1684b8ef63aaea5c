// The performance's seats at these ordinals; an ordinal the hall does not have is a 4xx naming it.
import { AppError } from '../errors/app-error';
import type { HoldableSeat, PerformanceSeats } from './load-performance-seats';

export function findSeats(performance: PerformanceSeats, ordinals: number[]): HoldableSeat[] {
  const unknown = ordinals.filter((o) => !performance.seatsByOrdinal[o]);
  if (unknown.length) throw new AppError('validation_failed', 'seats: these seats are not in this performance', { field: 'seats', seats: unknown });
  return ordinals.map((o) => performance.seatsByOrdinal[o]!);
}
