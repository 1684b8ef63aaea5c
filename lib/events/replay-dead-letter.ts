// Replay: put the dead letter's event back in the outbox under its own id, so the relay
// publishes it again on its topic with its key. Groups that already processed it skip it
// (processed_events); the group that dead-lettered it runs its handler again. The admin who
// replayed it is audited in the same transaction.
import { z } from 'zod';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import { OUTBOX_CHANNEL } from './append-event';
import { EVENT_CATALOG, isEventType } from './catalog';

export const ReplayDeadLetterInput = z.object({ deadLetterId: z.uuid(), actorId: z.uuid().nullable(), requestId: z.string().max(128).nullish() });
export type ReplayDeadLetterInput = z.infer<typeof ReplayDeadLetterInput>;

export async function replayDeadLetter(db: Db, input: ReplayDeadLetterInput): Promise<{ eventId: string; replayedAt: string }> {
  const { deadLetterId, actorId, requestId } = ReplayDeadLetterInput.parse(input);
  return db.$transaction(async (tx) => {
    const [letter] = await tx.$queryRaw<
      { event_id: string; topic: string; type: string; aggregate_id: string; payload: unknown; replayed_at: Date | null; created_at: Date }[]
    >`SELECT event_id, topic, type, aggregate_id, payload, replayed_at, created_at
      FROM common.dead_letters WHERE id = ${deadLetterId}::uuid FOR UPDATE`;
    if (!letter) throw notFound('Dead letter');
    if (letter.replayed_at) throw new AppError('conflict', 'This dead letter was already replayed', { replayedAt: letter.replayed_at.toISOString() });
    const aggregateType = isEventType(letter.type) ? EVENT_CATALOG[letter.type].aggregateType : 'unknown';
    // The original row may still be in the outbox (retention not reached): re-open it.
    await tx.$executeRaw`
      INSERT INTO common.outbox_events (id, topic, type, aggregate_type, aggregate_id, payload, occurred_at)
      VALUES (${letter.event_id}::uuid, ${letter.topic}, ${letter.type}, ${aggregateType}, ${letter.aggregate_id},
              ${JSON.stringify(letter.payload)}::jsonb, ${letter.created_at})
      ON CONFLICT (id) DO UPDATE SET published_at = NULL, last_error = NULL`;
    const [{ replayed_at }] = (await tx.$queryRaw<{ replayed_at: Date }[]>`
      UPDATE common.dead_letters SET replayed_at = now() WHERE id = ${deadLetterId}::uuid RETURNING replayed_at`) as [{ replayed_at: Date }];
    await recordAdminChange(tx, {
      actorId,
      action: 'dead_letter.replay',
      entityType: 'dead_letter',
      entityId: deadLetterId,
      before: { replayedAt: null },
      after: { replayedAt: replayed_at, eventId: letter.event_id, type: letter.type },
      requestId,
    });
    await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
    return { eventId: letter.event_id, replayedAt: replayed_at.toISOString() };
  });
}
