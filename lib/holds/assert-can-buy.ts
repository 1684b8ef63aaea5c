// May this user buy seats of this performance right now? During a member presale only holders
// of an active membership for the performance's artist may; during the general sale anyone;
// outside both windows nobody.
import { salePhaseAt } from '../catalog/get-sale-window-state';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import type { PerformanceSeats } from './load-performance-seats';

export async function assertCanBuy(db: Db, performance: PerformanceSeats, userId: string, now: Date): Promise<void> {
  if (performance.status !== 'PUBLISHED') throw new AppError('forbidden', 'This performance is not on sale', { reason: 'not_on_sale' });
  const phase = salePhaseAt(performance, now.getTime());
  if (phase === 'on_sale') return;
  if (phase === 'presale') {
    const member = performance.artistId
      ? await db.membership.findFirst({
          where: { userId, artistId: performance.artistId, status: 'ACTIVE', startsAt: { lte: now }, expiresAt: { gt: now } },
          select: { id: true },
        })
      : null;
    if (!member) throw new AppError('forbidden', 'The member presale is open to fan-club members only', { reason: 'membership_required' });
    return;
  }
  if (phase === 'closed') throw new AppError('forbidden', 'Sales have closed', { reason: 'sale_closed' });
  throw new AppError('forbidden', 'Sales have not opened yet', { reason: 'sale_not_open' });
}
