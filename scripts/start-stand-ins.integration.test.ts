// npm start's stand-ins: the variables it hands the platform reach a working PortOne API and SMTP server.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortOneClient, Webhook } from '@portone/server-sdk';
import { describe, expect, it } from 'vitest';
import { generateSecret } from '../lib/config/secret-env';
import { createMailer } from '../lib/mail/create-mailer';
import { TEST_SECRETS } from '../test/support/test-secrets';
import { loadWorkerConfig, paymentsConfig } from '../workers/config';
import { loadStartConfig } from './start-config';
import { startStandIns, type StandInsFile } from './start-stand-ins';

describe('startStandIns', () => {
  it('starts PortOne and SMTP stand-ins when neither is configured, and the variables it exports reach them', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openseat-stand-ins-'));
    const deliveries: Array<{ path: string; body: string; headers: IncomingHttpHeaders }> = [];
    const worker = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        deliveries.push({ path: request.url ?? '', body, headers: request.headers });
        response.end();
      });
    });
    await new Promise<void>((resolve) => worker.listen(0, '127.0.0.1', resolve));
    const workerOrigin = `http://127.0.0.1:${(worker.address() as AddressInfo).port}`;
    // What `npm start` generated into its data folder and hands the fleet beside these variables.
    const secrets = { PORTONE_API_SECRET: generateSecret('PORTONE_API_SECRET'), PORTONE_WEBHOOK_SECRETS: generateSecret('PORTONE_WEBHOOK_SECRETS') };
    const standIns = await startStandIns(loadStartConfig({}), { dataDir, workerOrigin, secrets });
    try {
      const { env } = standIns;
      expect(Object.keys(env).sort()).toEqual(['PORTONE_API_URL', 'PORTONE_CHANNEL_KEY', 'PORTONE_CHECKOUT_URL', 'PORTONE_MANUAL_CONFIRM', 'PORTONE_STORE_ID', 'SMTP_URL'].sort());
      // The worker fleet boots with these variables and the generated secrets, nothing else PortOne-wise.
      expect(paymentsConfig(loadWorkerConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', ...TEST_SECRETS, ...secrets, ...env }))).toMatchObject({
        portone: { apiUrl: env.PORTONE_API_URL, storeId: env.PORTONE_STORE_ID, apiSecret: secrets.PORTONE_API_SECRET },
        webhookSecrets: [secrets.PORTONE_WEBHOOK_SECRETS],
      });
      const client = PortOneClient({ secret: secrets.PORTONE_API_SECRET, baseUrl: env.PORTONE_API_URL, storeId: env.PORTONE_STORE_ID });
      await client.payment.preRegisterPayment({ paymentId: 'start-1', totalAmount: 1_000, currency: 'KRW' });
      const page = await fetch(`${env.PORTONE_CHECKOUT_URL}/start-1`);
      expect(page.status).toBe(200);
      // The window opened: its Transaction.Ready webhook reaches the worker API's path, signed with the exported secret.
      for (let i = 0; i < 100 && deliveries.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(deliveries.map((d) => d.path)).toEqual(['/webhooks/portone']);
      const webhook = await Webhook.verify(secrets.PORTONE_WEBHOOK_SECRETS, deliveries[0]!.body, deliveries[0]!.headers as Record<string, string>);
      expect(webhook).toMatchObject({ type: 'Transaction.Ready', data: { paymentId: 'start-1', storeId: env.PORTONE_STORE_ID } });

      const mailer = createMailer({ smtpUrl: env.SMTP_URL!, from: 'OpenSeat <no-reply@openseat.test>' });
      await mailer.send({ to: 'fan@example.com', subject: '테스트', text: '안녕하세요' });
      mailer.close();
      const file = JSON.parse(readFileSync(path.join(dataDir, 'stand-ins.json'), 'utf8')) as StandInsFile;
      const mailbox = (await (await fetch(`${file.mailbox!.url}mailbox.json?to=fan@example.com`)).json()) as Array<{ subject: string }>;
      expect(mailbox.map((m) => m.subject)).toEqual(['테스트']);
      expect(file.portone!.url).toBe(env.PORTONE_API_URL);
    } finally {
      await standIns.stop();
      await new Promise((resolve) => worker.close(resolve));
    }
  });

  it('starts nothing for services that are configured', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openseat-stand-ins-'));
    const realStore = { PORTONE_API_SECRET: 'real-secret-0123456789', PORTONE_WEBHOOK_SECRETS: 'whsec_cmVhbC13ZWJob29rLXNlY3JldA==', PORTONE_STORE_ID: 'store-real', PORTONE_CHANNEL_KEY: 'channel-key-real' };
    const standIns = await startStandIns(loadStartConfig({ ...realStore, SMTP_URL: 'smtp://mail.example.com:587' }), {
      dataDir,
      workerOrigin: 'http://127.0.0.1:1',
      secrets: {},
    });
    expect([standIns.env, standIns.lines]).toEqual([{}, []]);
    await standIns.stop();
  });
});
