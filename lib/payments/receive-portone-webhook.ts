// A PortOne webhook delivery arrives: it is verified against every active secret (two during a
// rotation) over the raw body text, refused when its timestamp is more than five minutes from our
// clock (Standard Webhooks' tolerance, checked here against the injected clock as well as by the
// SDK), and stored once — the primary key is the webhook-id, so a replay inserts nothing. The
// caller answers 200 as soon as this returns and settles afterwards (settle-webhook-delivery.ts):
// PortOne retries a slow answer, and a stored delivery is never lost.
import { Webhook } from '@portone/server-sdk';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';

const TOLERANCE_SECONDS = 5 * 60;
/** Only these headers are kept with the body: enough to verify the delivery again later. */
const KEPT_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type', 'user-agent'];

export type ReceivedWebhook = { webhookId: string; type: string; paymentId: string | null; fresh: boolean };

export async function receivePortOneWebhook(
  deps: { db: Db; webhookSecrets: string[] },
  input: { rawBody: string; headers: Record<string, string | string[] | undefined> },
  now = new Date(),
): Promise<ReceivedWebhook> {
  const header = (name: string) => {
    const value = input.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const webhookId = header('webhook-id');
  const timestamp = Number(header('webhook-timestamp'));
  if (!webhookId || !Number.isFinite(timestamp) || !header('webhook-signature')) throw refused('missing Standard Webhooks headers');
  if (Math.abs(now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS) throw refused('timestamp outside the 5-minute tolerance');
  await verifyWithAnySecret(deps.webhookSecrets, input.rawBody, input.headers);
  // Read from the verified text itself: the SDK turns a type it does not know into a symbol, and
  // unknown types are stored (for audit) and then ignored, not refused.
  const body = JSON.parse(input.rawBody) as { type?: unknown; data?: { paymentId?: unknown } };
  const type = typeof body.type === 'string' ? body.type.slice(0, 100) : 'unknown';
  const paymentId = typeof body.data?.paymentId === 'string' ? body.data.paymentId : null;
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (header(name) !== undefined ? [[name, header(name)!]] : [])));
  const inserted = await deps.db.$executeRaw`
    INSERT INTO payment.payment_webhooks (webhook_id, type, portone_payment_id, raw_body, headers, received_at)
    VALUES (${webhookId}, ${type}, ${paymentId}, ${input.rawBody}, ${JSON.stringify(headers)}::jsonb, ${now})
    ON CONFLICT (webhook_id) DO NOTHING`;
  return { webhookId, type, paymentId, fresh: inserted === 1 };
}

async function verifyWithAnySecret(secrets: string[], rawBody: string, headers: Record<string, string | string[] | undefined>) {
  let lastError: unknown;
  for (const secret of secrets) {
    try {
      return await Webhook.verify(secret, rawBody, headers);
    } catch (error) {
      lastError = error;
    }
  }
  throw refused(lastError instanceof Webhook.WebhookVerificationError ? lastError.reason : 'signature does not verify');
}

const refused = (reason: string) => new AppError('unauthorized', 'Webhook signature refused', { reason });
