// GET  /api/reservations/:id/cancellation — the fee and refund of cancelling my paid booking (?seatIds=a,b)
// POST /api/reservations/:id/cancellation — cancel it, whole or some seats; the refund goes back to the payment
import { AppError } from '../../../../../lib/errors/app-error';
import { gateway } from '../../../../_server/gateway';

const options = { access: 'user', rateLimit: 'BOOKING' } as const;

export const GET = gateway<{ id: string }>(options, ({ request, forward }, { id }) =>
  forward(`/v1/reservations/${encodeURIComponent(id)}/cancellation`, { query: request.nextUrl.searchParams }),
);

export const POST = gateway<{ id: string }>(options, async ({ request, forward }, { id }) => {
  const text = await request.text();
  let body: unknown = {};
  try {
    if (text) body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'body: malformed JSON', { field: 'body' });
  }
  return forward(`/v1/reservations/${encodeURIComponent(id)}/cancellation`, { method: 'POST', body });
});
