// The outbox at a glance for the admin page and /metrics: backlog, age of the oldest
// unpublished event, publishes per minute over the last quarter hour, dead letters waiting.
import type { Db } from '../db/create-prisma';

export type OutboxStatus = {
  backlog: number;
  oldestUnpublishedAgeSeconds: number | null;
  publishedPerMinute: { minute: string; count: number }[];
  deadLetters: { group: string; waiting: number }[];
};

export async function getOutboxStatus(db: Db): Promise<OutboxStatus> {
  const [[backlog], perMinute, dead] = await Promise.all([
    db.$queryRaw<{ backlog: bigint; oldest: Date | null; now: Date }[]>`
      SELECT count(*) AS backlog, min(created_at) AS oldest, now() AS now
      FROM common.outbox_events WHERE published_at IS NULL`,
    db.$queryRaw<{ minute: Date; count: bigint }[]>`
      SELECT date_trunc('minute', published_at) AS minute, count(*) AS count
      FROM common.outbox_events
      WHERE published_at >= date_trunc('minute', now()) - interval '14 minutes'
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ group: string; waiting: bigint }[]>`
      SELECT consumer_group AS "group", count(*) AS waiting
      FROM common.dead_letters WHERE replayed_at IS NULL GROUP BY 1 ORDER BY 1`,
  ]);
  return {
    backlog: Number(backlog!.backlog),
    oldestUnpublishedAgeSeconds: backlog!.oldest ? Math.max(0, (backlog!.now.getTime() - backlog!.oldest.getTime()) / 1000) : null,
    publishedPerMinute: perMinute.map((r) => ({ minute: r.minute.toISOString(), count: Number(r.count) })),
    deadLetters: dead.map((r) => ({ group: r.group, waiting: Number(r.waiting) })),
  };
}
