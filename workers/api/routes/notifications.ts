// The caller's notices (receipts, virtual-account details, refunds).
// GET  /v1/notifications       — newest first, with the unread count, worded in `?locale=` (ko default)
// POST /v1/notifications/read  — mark `{ ids: [...] }` or `{ all: true }` read
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defaultLocale, locales } from '../../../lib/i18n/locales';
import { listMyNotifications } from '../../../lib/notifications/list-my-notifications';
import { markNotificationsRead } from '../../../lib/notifications/mark-notifications-read';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

const ListQuery = z.object({ locale: z.enum(locales).default(defaultLocale) });
const MarkReadBody = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]);

export function registerNotificationRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;

  app.get('/v1/notifications', async (request) => {
    const caller = requireCaller(request);
    return listMyNotifications(ctx.db, caller.userId, ListQuery.parse(request.query).locale);
  });

  app.post('/v1/notifications/read', async (request) => {
    const caller = requireCaller(request);
    const body = MarkReadBody.parse(request.body);
    return markNotificationsRead(ctx.db, { userId: caller.userId, ids: 'ids' in body ? body.ids : 'all', now: new Date(now()) });
  });
}
