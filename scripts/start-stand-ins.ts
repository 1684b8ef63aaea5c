// `npm start` runs the outside services the platform talks to when none is configured: the
// PortOne stand-in (no PORTONE_API_SECRET) and the local SMTP server with its mailbox page (no
// SMTP_URL). It hands the worker fleet and the web app the same variables real services would
// need (the stand-in opens with the PortOne secrets `npm start` generated into its data folder),
// and writes the URLs to <data dir>/stand-ins.json for the e2e tests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startPortOneStandIn } from '../stand-ins/portone/start-portone-stand-in';
import { startSmtpStandIn } from '../stand-ins/smtp/start-smtp-stand-in';
import type { StartConfig } from './start-config';

/** Where the worker API takes PortOne's webhooks (raw body, outside the internal-token routes). */
export const PORTONE_WEBHOOK_PATH = '/webhooks/portone';

export type StartedStandIns = {
  /** Variables for the worker fleet and the web app. */
  env: Record<string, string>;
  /** What to print. */
  lines: string[];
  stop(): Promise<void>;
};

export type StandInsFile = { portone?: { url: string; storeId: string }; mailbox?: { url: string; smtpUrl: string } };

/** The PortOne secrets the fleet is given; the stand-in takes calls and signs webhooks with them. */
export type StandInSecrets = { PORTONE_API_SECRET?: string; PORTONE_WEBHOOK_SECRETS?: string };

export async function startStandIns(
  config: StartConfig,
  options: { dataDir: string; workerOrigin: string; secrets: StandInSecrets },
): Promise<StartedStandIns> {
  const env: Record<string, string> = {};
  const lines: string[] = [];
  const stops: Array<() => Promise<void>> = [];
  const file: StandInsFile = {};

  if (!config.PORTONE_API_SECRET) {
    const { PORTONE_API_SECRET: apiSecret, PORTONE_WEBHOOK_SECRETS: webhookSecrets } = options.secrets;
    if (!apiSecret || !webhookSecrets) throw new Error('the PortOne stand-in needs the generated PORTONE_API_SECRET and PORTONE_WEBHOOK_SECRETS');
    const portone = await startPortOneStandIn({
      port: config.PORTONE_STANDIN_PORT,
      apiSecret,
      storeId: 'store-openseat-demo',
      webhookSecrets: webhookSecrets.split(','),
      webhookUrl: `${options.workerOrigin}${PORTONE_WEBHOOK_PATH}`,
      manualConfirm: config.PORTONE_STANDIN_MANUAL_CONFIRM,
    });
    stops.push(portone.stop);
    Object.assign(env, {
      PORTONE_API_URL: portone.url,
      PORTONE_STORE_ID: portone.storeId,
      PORTONE_CHANNEL_KEY: 'channel-key-stand-in',
      PORTONE_CHECKOUT_URL: `${portone.url}/checkout`,
      PORTONE_MANUAL_CONFIRM: String(config.PORTONE_STANDIN_MANUAL_CONFIRM),
    });
    file.portone = { url: portone.url, storeId: portone.storeId };
    lines.push(`  PortOne   stand-in at ${portone.url}${config.PORTONE_STANDIN_MANUAL_CONFIRM ? ' (manual confirm)' : ''} · faults: POST ${portone.url}/__stand-in/faults`);
  }

  if (!config.SMTP_URL) {
    const smtp = await startSmtpStandIn({ smtpPort: config.SMTP_STANDIN_PORT, httpPort: config.MAILBOX_PORT });
    stops.push(smtp.stop);
    env.SMTP_URL = smtp.smtpUrl;
    file.mailbox = { url: smtp.mailboxUrl, smtpUrl: smtp.smtpUrl };
    lines.push(`  mail      local SMTP ${smtp.smtpUrl} · mailbox ${smtp.mailboxUrl}`);
  }

  writeFileSync(path.join(options.dataDir, 'stand-ins.json'), JSON.stringify(file, null, 2));
  return {
    env,
    lines,
    stop: async () => {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
