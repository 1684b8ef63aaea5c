// The payments role's sweep for refund notices: every refund completed in the last day whose fan
// has not been told yet (the request that completed it died before telling, or the refund was
// completed by the organiser pass or the retry loop) is announced now.
import type { Db } from '../db/create-prisma';
import type { Mailer } from '../mail/create-mailer';
import { notifyRefundCompleted } from './notify-refund-completed';

const LOOKBACK_MS = 24 * 3_600_000;

export async function notifyCompletedRefunds(deps: { db: Db; mailer?: Mailer }, now: Date, limit = 100): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS);
  const due = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM payment.refunds f
    JOIN payment.payments p ON p.id = f.payment_id
    WHERE f.status = 'SUCCEEDED' AND f.completed_at >= ${since}
      AND NOT EXISTS (SELECT 1 FROM common.notifications n
                      WHERE n.user_id = p.user_id AND n.kind = 'refund.completed' AND n.subject_id = f.id::text)
    ORDER BY f.completed_at LIMIT ${limit}`;
  for (const { id } of due) await notifyRefundCompleted(deps, id, now);
  return due.length;
}
