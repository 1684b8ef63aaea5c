// Every admin change leaves a row in common.admin_audit_logs: who, what, before and after.
// Call it inside the same transaction as the change so a rolled-back edit leaves no audit row
// and a committed one always has one.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';

export const AdminChange = z.object({
  actorId: z.uuid().nullable(),
  /** verb.noun, e.g. `performance.update`, `hall.import_seat_map`. */
  action: z.string().min(1).max(100),
  entityType: z.string().min(1).max(50),
  entityId: z.string().min(1).max(100),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  requestId: z.string().max(128).nullish(),
});
export type AdminChange = z.infer<typeof AdminChange>;

type AuditWriter = { adminAuditLog: Db['adminAuditLog'] };

// Dates become ISO strings and undefined keys disappear, as they would in any JSON column.
const toJson = (value: unknown) =>
  value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export async function recordAdminChange(db: AuditWriter, change: AdminChange): Promise<void> {
  const input = AdminChange.parse(change);
  await db.adminAuditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: toJson(input.before),
      after: toJson(input.after),
      requestId: input.requestId ?? null,
    },
  });
}
