// The admin audit log (common.admin_audit_logs), newest first: filter by actor (their id, or
// part of their email), by object (entity type, and id), by action and by day range. Paged by
// keyset on the id: ids are UUIDv7, so id order is creation order, and a page read while admins
// keep working neither repeats nor skips a row. The (actor_id, created_at) and
// (entity_type, entity_id, created_at) indexes serve the two filters the log is read by.
import { z } from 'zod';
import type { Db, Prisma } from '../db/create-prisma';
import { SearchText } from './page-query';

export const ListAuditLogInput = z.object({
  actorId: z.uuid().optional(),
  /** Part of the actor's email. */
  actor: SearchText,
  entityType: z.string().trim().max(50).optional().transform((v) => v || undefined),
  entityId: z.string().trim().max(100).optional().transform((v) => v || undefined),
  action: z.string().trim().max(100).optional().transform((v) => v || undefined),
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** The last id of the previous page: this page holds the entries older than it. */
  before: z.uuid().optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListAuditLogInput = z.input<typeof ListAuditLogInput>;

export type AuditLogEntry = {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export async function listAuditLog(db: Db, input: ListAuditLogInput): Promise<{ entries: AuditLogEntry[]; nextBefore: string | null; entityTypes: string[] }> {
  const { actorId, actor, entityType, entityId, action, from, until, before, pageSize } = ListAuditLogInput.parse(input);
  const where: Prisma.AdminAuditLogWhereInput = {
    ...(actorId ? { actorId } : {}),
    ...(actor ? { actor: { email: { contains: actor, mode: 'insensitive' } } } : {}),
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(action ? { action } : {}),
    ...(from || until ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(until ? { lt: new Date(until) } : {}) } } : {}),
    ...(before ? { id: { lt: before } } : {}),
  };
  const [rows, types] = await Promise.all([
    db.adminAuditLog.findMany({ where, orderBy: { id: 'desc' }, take: pageSize + 1, include: { actor: { select: { email: true } } } }),
    db.adminAuditLog.findMany({ distinct: ['entityType'], select: { entityType: true } }),
  ]);
  const page = rows.slice(0, pageSize);
  return {
    entityTypes: types.map((t) => t.entityType).sort(),
    nextBefore: rows.length > pageSize ? page[page.length - 1]!.id : null,
    entries: page.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      actorId: e.actorId,
      actorEmail: e.actor?.email ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
    })),
  };
}
