import type { useTranslations } from 'next-intl';

type MailTranslator = ReturnType<typeof useTranslations<'mail'>>;

/** The reader's name for a virtual-account bank (PortOne's `Bank` code); a code the catalog lacks is shown as is. */
export function bankName(t: MailTranslator, code: string | null): string {
  if (!code) return '';
  const key = `banks.${code}` as Parameters<MailTranslator>[0];
  return t.has(key) ? t(key) : code;
}
