// The sentence for a refused transfer call, in the reader's language: by the error's `reason`
// when the transfers catalog words it, else the gateway's (already localised) message.
import type { useTranslations } from 'next-intl';

type ErrorJson = { error?: { message?: string; reason?: string; limit?: number } };

const REASONS = [
  'transfers_disabled',
  'ticket_not_transferable',
  'transfer_limit_reached',
  'transfers_closed',
  'recipient_unknown',
  'recipient_is_holder',
  'offer_open',
  'transfer_closed',
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason => REASONS.includes(value as Reason);

export async function transferErrorMessage(response: Response, t: ReturnType<typeof useTranslations<'transfers'>>): Promise<string> {
  const { error } = (await response.json().catch(() => ({}))) as ErrorJson;
  if (isReason(error?.reason)) return t(`errors.${error.reason}`, { limit: error.limit ?? 0 });
  return error?.message ?? t('errors.failed');
}
