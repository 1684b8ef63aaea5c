// The one shape every notice takes in the reader's language: a title and body for the app, and
// an email whose subject names the show, with a lead sentence and `label: value` lines (text and
// HTML from the same lines).
import { getTranslator } from '../../i18n/get-translator';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';

export type MailTranslator = ReturnType<typeof getTranslator<'mail'>>;
export type MailLabel = Parameters<MailTranslator>[0] extends infer K ? (K extends `labels.${infer L}` ? L : never) : never;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeNotice(
  locale: Locale,
  notice: { eventTitle: string; subject: string; title: string; body: string; lead: string; lines: Array<[MailLabel, string]> },
): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const lines = notice.lines.map(([label, value]) => t('line', { label: t(`labels.${label}`), value }));
  return {
    title: notice.title,
    body: notice.body,
    email: {
      subject: t('subject', { subject: notice.subject, event: notice.eventTitle }),
      text: [notice.lead, '', ...lines].join('\n'),
      html: `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">
<p>${escape(notice.lead)}</p>
<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>
<p style="color:#666">${escape(t('signature'))}</p></body></html>`,
    },
  };
}
