// POST /api/payments/:paymentId/complete — back from PortOne's window: the server settles from PortOne's own record.
import { z } from 'zod';
import { AppError } from '../../../../../lib/errors/app-error';
import { gateway } from '../../../../_server/gateway';

// Only the manual-confirm token travels on; anything else the browser claims (an amount) is dropped here.
const CompleteBody = z.object({ paymentToken: z.string().min(1).max(500).optional(), txId: z.string().min(1).max(200).optional() });

export const POST = gateway<{ paymentId: string }>({ access: 'user', rateLimit: 'BOOKING' }, async ({ forward, request }, { paymentId }) => {
  const text = await request.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('bad_request', 'body: not valid JSON', { field: 'body' });
  }
  const body = CompleteBody.parse(parsed);
  return forward(`/v1/payments/${encodeURIComponent(paymentId)}/complete`, { method: 'POST', body });
});
