// Standard Webhooks signature, as PortOne sends it and `Webhook.verify` from @portone/server-sdk
// checks it: HMAC-SHA256 over `id.timestamp.body` with the base64 key after `whsec_`.
import { createHmac } from 'node:crypto';

export function signWebhook(secret: string, webhookId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${webhookId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${signature}`;
}
