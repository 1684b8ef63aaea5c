// GET /api/payments/:paymentId — one of my payments (another user's id → 404).
import { gateway } from '../../../_server/gateway';

export const GET = gateway<{ paymentId: string }>({ access: 'user', rateLimit: 'BOOKING' }, ({ forward }, { paymentId }) =>
  forward(`/v1/payments/${encodeURIComponent(paymentId)}`),
);
