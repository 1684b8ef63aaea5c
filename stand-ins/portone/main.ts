// Runs the PortOne stand-in on its own: `npx tsx stand-ins/portone/main.ts --port 4100
// --webhook-url http://127.0.0.1:4000/webhooks/portone [--manual-confirm]`. Keys it is not given
// are generated and printed, to be copied into PORTONE_API_SECRET / PORTONE_WEBHOOK_SECRETS.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startPortOneStandIn } from './start-portone-stand-in';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-secret': { type: 'string' },
    'store-id': { type: 'string', default: 'store-openseat-stand-in' },
    'webhook-secret': { type: 'string', multiple: true },
    'webhook-url': { type: 'string' },
    'manual-confirm': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be 0..65535, got ${values.port}\n`);
  process.exit(1);
}
const standIn = await startPortOneStandIn({
  port,
  host: values.host,
  apiSecret: values['api-secret'] ?? randomBytes(24).toString('base64url'),
  storeId: values['store-id'],
  webhookSecrets: values['webhook-secret'] ?? [`whsec_${randomBytes(32).toString('base64')}`],
  webhookUrl: values['webhook-url'],
  manualConfirm: values['manual-confirm'],
});
process.stdout.write(
  [
    `PortOne stand-in on ${standIn.url}`,
    `  PORTONE_API_URL=${standIn.url}`,
    `  PORTONE_STORE_ID=${standIn.storeId}`,
    `  PORTONE_API_SECRET=${standIn.apiSecret}`,
    `  PORTONE_WEBHOOK_SECRETS=${standIn.webhookSecret}`,
    // Any value: the stand-in plays one channel whatever the key.
    '  PORTONE_CHANNEL_KEY=channel-key-stand-in',
    `  PORTONE_CHECKOUT_URL=${standIn.url}/checkout`,
    `  checkout page: ${standIn.checkoutPageUrl('<paymentId>')}`,
    '',
  ].join('\n'),
);
const stop = () => void standIn.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
