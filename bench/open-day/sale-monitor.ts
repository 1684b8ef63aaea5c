// Watches the sale once a second from outside the platform: the pre-queue's drawn order (read
// from Redis before the opening, for the inversion count), the queue's depth (how long fans were
// waiting for the admission rate), and the seats taken and sold (time to sell out).
import type { Db } from '../../lib/db/create-prisma';
import { queueKeys } from '../../lib/queue/queue-keys';
import type { Redis } from '../../lib/redis/create-redis';

export class SaleMonitor {
  readonly preQueueScores = new Map<string, number>();
  /**
   * Until when fans waited for the rate: the queue's first drain to two seconds' worth of
   * admissions after the opening, or the first tick that found every seat taken (admission stops
   * there by design, so the rate is not measured past it).
   */
  backlogUntilMs: number | null = null;
  private drained = false;
  allTakenAtMs: number | null = null;
  soldOutAtMs: number | null = null;
  peakQueueDepth = 0;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly sale: { performanceId: string; opensAtMs: number; hallSeats: number; admitPerMinute: number },
  ) {}

  start() {
    this.timer = setInterval(() => void this.sample(), 1_000);
    // The last look at the pre-queue, just before the opening instant draws it.
    setTimeout(() => void this.snapshotPreQueue(), Math.max(0, this.sale.opensAtMs - Date.now() - 150)).unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  private async snapshotPreQueue() {
    const flat = await this.redis.zrange(queueKeys(this.sale.performanceId).queue, 0, -1, 'WITHSCORES').catch(() => [] as string[]);
    for (let i = 0; i < flat.length; i += 2) if (Number(flat[i + 1]) < 2 ** 52) this.preQueueScores.set(flat[i]!, Number(flat[i + 1]));
  }

  private async sample() {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      if (now < this.sale.opensAtMs) await this.snapshotPreQueue();
      const keys = queueKeys(this.sale.performanceId);
      const [depth, allTaken] = await Promise.all([this.redis.zcard(keys.queue).catch(() => 0), this.redis.hget(keys.meta, 'all_taken').catch(() => null)]);
      this.peakQueueDepth = Math.max(this.peakQueueDepth, depth);
      if (now >= this.sale.opensAtMs && !this.drained) {
        if (allTaken === '1') this.drained = true;
        else if (depth > this.sale.admitPerMinute / 30) this.backlogUntilMs = now;
        else if (this.backlogUntilMs !== null) this.drained = true;
      }
      if (this.soldOutAtMs === null && now >= this.sale.opensAtMs) {
        const [row] = await this.db.$queryRawUnsafe<{ taken: number; sold: number }[]>(
          `SELECT count(*) FILTER (WHERE r.status IN ('PENDING', 'AWAITING_DEPOSIT', 'CONFIRMED'))::int AS taken,
                  count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS sold
             FROM ticket.reservation_items i JOIN ticket.reservations r ON r.id = i.reservation_id
            WHERE r.performance_id = $1::uuid`,
          this.sale.performanceId,
        );
        if (row && row.taken >= this.sale.hallSeats) this.allTakenAtMs ??= now;
        if (row && row.sold >= this.sale.hallSeats) this.soldOutAtMs = now;
      }
    } catch {
      // PostgreSQL or Redis down (a fault): the next second tries again
    } finally {
      this.busy = false;
    }
  }
}
