// May this user buy seats of this performance right now? During a member presale only holders
// of an active membership for the performance's artist may; during the general sale anyone;
// outside both windows nobody.
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import type { PerformanceSeats } from './load-performance-seats';

export type SaleWindow = 'presale' | 'general' | 'not_open' | 'closed';

export function currentSaleWindow(performance: Pick<PerformanceSeats, 'presaleOpensAt' | 'presaleClosesAt' | 'generalSaleOpensAt' | 'generalSaleClosesAt'>, now: Date): SaleWindow {
  if (now >= performance.generalSaleOpensAt && now < performance.generalSaleClosesAt) return 'general';
  if (performance.presaleOpensAt && performance.presaleClosesAt && now >= performance.presaleOpensAt && now < performance.presaleClosesAt) return 'presale';
  if (now >= performance.generalSaleClosesAt) return 'closed';
  return 'not_open';
}

export async function assertCanBuy(db: Db, performance: PerformanceSeats, userId: string, now: Date): Promise<void> {
  if (performance.status !== 'PUBLISHED') throw new AppError('forbidden', 'This performance is not on sale', { reason: 'not_on_sale' });
  const window = currentSaleWindow(performance, now);
  if (window === 'general') return;
  if (window === 'presale') {
    const member = performance.artistId
      ? await db.membership.findFirst({
          where: { userId, artistId: performance.artistId, status: 'ACTIVE', startsAt: { lte: now }, expiresAt: { gt: now } },
          select: { id: true },
        })
      : null;
    if (!member) throw new AppError('forbidden', 'The member presale is open to fan-club members only', { reason: 'membership_required' });
    return;
  }
  throw new AppError('forbidden', window === 'closed' ? 'Sales have closed' : 'Sales have not opened yet', { reason: `sale_${window}` });
}
