// A hold as the fan sees it: each seat with its label and price, the expiry, and the total.
import type { HoldableSeat, PerformanceSeats } from './load-performance-seats';
import type { HoldResult } from './hold-types';

export function describeHeld(performance: PerformanceSeats, seats: HoldableSeat[], expiresAtMs: number): HoldResult {
  const held = seats.map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label, grade: s.grade, priceKrw: performance.prices.get(s.grade) ?? 0 }));
  return { seats: held, expiresAt: new Date(expiresAtMs).toISOString(), totalKrw: held.reduce((sum, s) => sum + s.priceKrw, 0) };
}
