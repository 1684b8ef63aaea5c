// Dead letters, newest first, for the admin page (with the error and the source offset).
import { z } from 'zod';
import type { Db } from '../db/create-prisma';

export const ListDeadLettersInput = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  includeReplayed: z.coerce.boolean().default(true),
});
export type ListDeadLettersInput = z.input<typeof ListDeadLettersInput>;

export type DeadLetterView = {
  id: string;
  eventId: string;
  group: string;
  topic: string;
  type: string;
  aggregateId: string;
  error: string;
  attempts: number;
  sourcePartition: number | null;
  sourceOffset: string | null;
  createdAt: string;
  replayedAt: string | null;
};

export async function listDeadLetters(db: Db, input: ListDeadLettersInput = {}): Promise<DeadLetterView[]> {
  const { limit, includeReplayed } = ListDeadLettersInput.parse(input);
  const rows = await db.deadLetter.findMany({
    where: includeReplayed ? {} : { replayedAt: null },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    group: r.consumerGroup,
    topic: r.topic,
    type: r.type,
    aggregateId: r.aggregateId,
    error: r.error,
    attempts: r.attempts,
    sourcePartition: r.sourcePartition,
    sourceOffset: r.sourceOffset,
    createdAt: r.createdAt.toISOString(),
    replayedAt: r.replayedAt?.toISOString() ?? null,
  }));
}
