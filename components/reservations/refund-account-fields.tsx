'use client';
// The bank account a virtual-account payment is refunded to, asked for only when the booking was
// paid that way. The server checks each field again (lib/refunds/refund-account.ts) and names the
// one it refuses; that field shows its message here.
import { useTranslations } from 'next-intl';
import { REFUND_BANKS } from '../../lib/refunds/refund-account';

export type RefundAccountDraft = { bank: string; number: string; holderName: string; holderPhoneNumber: string };
export const EMPTY_REFUND_ACCOUNT: RefundAccountDraft = { bank: '', number: '', holderName: '', holderPhoneNumber: '' };
type Field = keyof RefundAccountDraft;

/** The body's `refundAccount`: the optional phone left out when empty. */
export function refundAccountBody(draft: RefundAccountDraft) {
  const { holderPhoneNumber, ...required } = draft;
  return holderPhoneNumber.trim() ? { ...required, holderPhoneNumber } : required;
}

export function RefundAccountFields({
  value,
  onChange,
  invalid,
  forFan = true,
}: {
  value: RefundAccountDraft;
  onChange(next: RefundAccountDraft): void;
  invalid: Field | null;
  /** The hint speaks to the fan; an admin typing the fan's account reads the fields only. */
  forFan?: boolean;
}) {
  const t = useTranslations('reservations.refund.account');
  const banks = useTranslations('reservations.refund.banks');
  const input = 'mt-1 block w-full rounded border border-zinc-400 px-2 py-1';
  const field = (name: Field) => ({
    id: `refund-account-${name}`,
    name,
    value: value[name],
    'aria-invalid': invalid === name || undefined,
    'aria-describedby': invalid === name ? `refund-account-${name}-error` : undefined,
    className: input,
  });
  const error = (name: Field) =>
    invalid === name && (
      <p id={`refund-account-${name}-error`} className="mt-1 text-red-800">
        {t(`invalid.${name}`)}
      </p>
    );
  const set = (name: Field) => (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value });

  return (
    <fieldset className="space-y-2 text-sm" data-testid="refund-account">
      <legend className="font-medium">{t('legend')}</legend>
      {forFan && <p className="text-zinc-700">{t('hint')}</p>}
      <div>
        <label htmlFor="refund-account-bank">{t('bank')}</label>
        <select {...field('bank')} onChange={set('bank')} required>
          <option value="">{t('bankPlaceholder')}</option>
          {REFUND_BANKS.map((code) => (
            <option key={code} value={code}>
              {banks(code)}
            </option>
          ))}
        </select>
        {error('bank')}
      </div>
      <div>
        <label htmlFor="refund-account-number">{t('number')}</label>
        <input {...field('number')} onChange={set('number')} inputMode="numeric" autoComplete="off" required />
        {error('number')}
      </div>
      <div>
        <label htmlFor="refund-account-holderName">{t('holderName')}</label>
        <input {...field('holderName')} onChange={set('holderName')} autoComplete="name" required />
        {error('holderName')}
      </div>
      <div>
        <label htmlFor="refund-account-holderPhoneNumber">{t('holderPhoneNumber')}</label>
        <input {...field('holderPhoneNumber')} onChange={set('holderPhoneNumber')} type="tel" inputMode="tel" autoComplete="tel" />
        {error('holderPhoneNumber')}
      </div>
    </fieldset>
  );
}
