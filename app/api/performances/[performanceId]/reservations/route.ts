// POST /api/performances/:performanceId/reservations — turn my held seats into a pending
// reservation. The Idempotency-Key header makes a retried click return the same reservation.
import { gateway } from '../../../../_server/gateway';

export const POST = gateway<{ performanceId: string }>(
  { access: 'user', rateLimit: 'BOOKING', entryTokenFor: (p) => p.performanceId, jsonBody: true },
  async ({ request, body, forward }, { performanceId }) => {
    const idempotencyKey = request.headers.get('idempotency-key');
    return forward(`/v1/performances/${encodeURIComponent(performanceId)}/reservations`, {
      method: 'POST',
      body,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });
  },
);
