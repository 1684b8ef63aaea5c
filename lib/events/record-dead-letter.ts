// A consumer gave up on an event after its attempts: keep it, with the error and where it came
// from, for the admin page and for replay. The group's partition then moves on.
import type { Db } from '../db/create-prisma';
import type { EventEnvelope } from './catalog';

export async function recordDeadLetter(
  db: Db,
  letter: { event: EventEnvelope; group: string; error: string; attempts: number; partition: number | null; offset: string | null },
): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO common.dead_letters
      (id, event_id, consumer_group, topic, type, aggregate_id, payload, error, attempts, source_partition, source_offset)
    VALUES (gen_random_uuid(), ${letter.event.id}::uuid, ${letter.group}, ${letter.event.topic}, ${letter.event.type},
            ${letter.event.aggregateId}, ${JSON.stringify(letter.event.payload)}::jsonb, ${letter.error.slice(0, 4000)},
            ${letter.attempts}, ${letter.partition}, ${letter.offset})
    RETURNING id`;
  return row!.id;
}
