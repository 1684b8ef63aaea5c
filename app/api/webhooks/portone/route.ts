// POST /api/webhooks/portone — PortOne's webhook (the URL a store is set up with). The raw body and
// the Standard Webhooks headers go to the worker API untouched; it verifies, stores and answers.
import { gateway } from '../../../_server/gateway';

const SIGNED_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

// No rate limit: PortOne's retries must never be throttled, and a forged delivery costs one HMAC.
export const POST = gateway({ access: 'public', rateLimit: false }, async ({ forward, request }) => {
  const headers = Object.fromEntries(SIGNED_HEADERS.flatMap((name) => (request.headers.get(name) ? [[name, request.headers.get(name)!]] : [])));
  return forward('/webhooks/portone', { method: 'POST', rawBody: await request.text(), headers });
});
