// What `npm start` ran for PortOne and mail in the e2e data folder (playwright.config.ts), and
// the levers a spec pulls on them: faults, a virtual-account deposit, the mailbox.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StandInFaults } from '../../stand-ins/portone/stand-in-types';
import type { ReceivedMail } from '../../stand-ins/smtp/start-smtp-stand-in';
import type { StandInsFile } from '../../scripts/start-stand-ins';

const E2E_DATA_DIR = '.data-e2e';

export function readStandIns(): Required<StandInsFile> {
  const file = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'stand-ins.json'), 'utf8')) as StandInsFile;
  if (!file.portone || !file.mailbox) throw new Error(`${E2E_DATA_DIR}/stand-ins.json: npm start ran no PortOne or mail stand-in (PORTONE_API_SECRET or SMTP_URL set?)`);
  return { portone: file.portone, mailbox: file.mailbox };
}

export async function setPortOneFaults(faults: Partial<StandInFaults>): Promise<StandInFaults> {
  const response = await fetch(`${readStandIns().portone.url}/__stand-in/faults`, { method: 'POST', body: JSON.stringify(faults) });
  if (!response.ok) throw new Error(`setting faults: ${response.status} ${await response.text()}`);
  return (await response.json()) as StandInFaults;
}

/** The customer wires the money into the virtual account PortOne issued for `paymentId`. */
export async function depositVirtualAccount(paymentId: string): Promise<void> {
  const response = await fetch(`${readStandIns().portone.url}/__stand-in/payments/${encodeURIComponent(paymentId)}/deposit`, { method: 'POST' });
  if (!response.ok) throw new Error(`deposit for ${paymentId}: ${response.status} ${await response.text()}`);
}

/** Mail that reached `to`, oldest first. */
export async function mailTo(to: string): Promise<ReceivedMail[]> {
  return (await (await fetch(`${readStandIns().mailbox.url}mailbox.json?to=${encodeURIComponent(to)}`)).json()) as ReceivedMail[];
}
