import type { MailTranslator } from './compose-notice';

/** A payment method kind as the reader calls it; a kind the catalog lacks is shown as PortOne names it. */
export function paymentMethodName(t: MailTranslator, method: string): string {
  const key = `paymentMethods.${method}` as Parameters<MailTranslator>[0];
  return t.has(key) ? t(key) : method;
}
