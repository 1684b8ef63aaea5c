import type { MailTranslator } from './compose-notice';

/** The name a reader knows for a bank that issues virtual accounts (PortOne's `Bank` codes); unknown codes as PortOne sends them. */
export function bankName(t: MailTranslator, code: string): string {
  const key = `banks.${code}` as Parameters<MailTranslator>[0];
  return t.has(key) ? t(key) : code;
}
