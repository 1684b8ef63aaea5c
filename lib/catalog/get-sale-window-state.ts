// Where a performance stands in its sale windows at `now`: the phase the event page shows,
// each window's own state, and the next instant the phase changes (the page counts down to it).
export type WindowState = 'upcoming' | 'open' | 'closed';
export type SalePhase = 'cancelled' | 'before_sale' | 'presale' | 'between_sales' | 'on_sale' | 'closed';

export type SaleWindows = {
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  presaleOpensAt: string | Date | null;
  presaleClosesAt: string | Date | null;
  generalSaleOpensAt: string | Date;
  generalSaleClosesAt: string | Date;
};

export type SaleWindowState = {
  phase: SalePhase;
  presale: { opensAt: string; closesAt: string; state: WindowState } | null;
  general: { opensAt: string; closesAt: string; state: WindowState };
  /** The next window boundary after now, or null when nothing more will happen. */
  nextChangeAt: string | null;
};

const ms = (value: string | Date) => (typeof value === 'string' ? Date.parse(value) : value.getTime());
const iso = (value: string | Date) => new Date(ms(value)).toISOString();
const stateOf = (opens: number, closes: number, now: number): WindowState => (now < opens ? 'upcoming' : now < closes ? 'open' : 'closed');

/** The phase alone, without the strings the page shows: what every hold checks. */
export function salePhaseAt(windows: SaleWindows, t: number): SalePhase {
  if (windows.status === 'CANCELLED') return 'cancelled';
  const general = stateOf(ms(windows.generalSaleOpensAt), ms(windows.generalSaleClosesAt), t);
  if (general === 'open') return 'on_sale';
  if (general === 'closed') return 'closed';
  if (windows.presaleOpensAt === null || windows.presaleClosesAt === null) return 'before_sale';
  const presale = stateOf(ms(windows.presaleOpensAt), ms(windows.presaleClosesAt), t);
  return presale === 'open' ? 'presale' : presale === 'closed' ? 'between_sales' : 'before_sale';
}

export function getSaleWindowState(windows: SaleWindows, now: Date = new Date()): SaleWindowState {
  const t = now.getTime();
  const hasPresale = windows.presaleOpensAt !== null && windows.presaleClosesAt !== null;
  const presale = hasPresale
    ? { opensAt: iso(windows.presaleOpensAt!), closesAt: iso(windows.presaleClosesAt!), state: stateOf(ms(windows.presaleOpensAt!), ms(windows.presaleClosesAt!), t) }
    : null;
  const general = {
    opensAt: iso(windows.generalSaleOpensAt),
    closesAt: iso(windows.generalSaleClosesAt),
    state: stateOf(ms(windows.generalSaleOpensAt), ms(windows.generalSaleClosesAt), t),
  };
  const phase = salePhaseAt(windows, t);
  if (phase === 'cancelled') return { phase, presale, general, nextChangeAt: null };
  const boundaries = [presale?.opensAt, presale?.closesAt, general.opensAt, general.closesAt]
    .filter((b): b is string => b !== undefined)
    .map(Date.parse)
    .filter((b) => b > t)
    .sort((a, b) => a - b);
  return { phase, presale, general, nextChangeAt: boundaries.length ? new Date(boundaries[0]!).toISOString() : null };
}
