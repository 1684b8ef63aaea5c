'use client';
// Cancelling a paid booking: the exact fee and refund for the seats the fan ticks (all by
// default), the policy in words, then one confirm that sends the refund the fan was shown; a
// quote that changed meanwhile (say, past midnight) comes back as 409 and is shown again. A
// booking paid by virtual account also asks for the bank account the refund goes to.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { RefundAccount } from '../../lib/refunds/refund-account';
import type { SeatLabelParts } from '../../lib/i18n/format-seat-label';
import { useFormat } from '../i18n/use-format';
import { EMPTY_REFUND_ACCOUNT, RefundAccountFields, refundAccountBody, type RefundAccountDraft } from './refund-account-fields';

type Preview = {
  allowed: boolean;
  seats: { id: string; seat: SeatLabelParts; priceKrw: number }[];
  feeKrw: number;
  bookingFeeRefundKrw: number;
  refundKrw: number;
  refundAccountRequired: boolean;
  policy: string[];
};

type AccountField = keyof RefundAccountDraft;
/** `refundAccount.number` → `number`: the field the server (or the same schema here) refused. */
const accountFieldOf = (path: string | undefined): AccountField | null => {
  const name = path?.match(/^refundAccount\.(\w+)/)?.[1];
  return name && name in EMPTY_REFUND_ACCOUNT ? (name as AccountField) : null;
};

export function CancelBookingPanel({ reservationId }: { reservationId: string }) {
  const t = useTranslations('reservations.refund');
  const locale = useLocale();
  const format = useFormat();
  const router = useRouter();
  // null = every seat not cancelled yet; the first preview names them.
  const [seats, setSeats] = useState<Preview['seats']>([]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [account, setAccount] = useState<RefundAccountDraft>(EMPTY_REFUND_ACCOUNT);
  const [invalidField, setInvalidField] = useState<AccountField | null>(null);
  const url = `/api/reservations/${encodeURIComponent(reservationId)}/cancellation`;

  const partial = chosen !== null && chosen.length < seats.length;

  useEffect(() => {
    if (chosen?.length === 0) return;
    const query = new URLSearchParams({ locale, ...(chosen && partial ? { seatIds: chosen.join(',') } : {}) });
    let live = true;
    void fetch(`${url}?${query}`, { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ cancellation?: Preview; error?: { message: string } }>)
      .then((body) => {
        if (!live) return;
        if (!body.cancellation) return setMessage(t('failed', { message: body.error?.message ?? '' }));
        setPreview(body.cancellation);
        if (chosen === null) setSeats(body.cancellation.seats);
      });
    return () => {
      live = false;
    };
  }, [chosen, partial, locale, t, url]);

  async function confirm() {
    if (!preview) return;
    const refundAccount = preview.refundAccountRequired ? refundAccountBody(account) : undefined;
    if (refundAccount) {
      const checked = RefundAccount.safeParse(refundAccount);
      setInvalidField(checked.success ? null : accountFieldOf(`refundAccount.${checked.error.issues[0]!.path.join('.')}`));
      if (!checked.success) return;
    }
    if (!window.confirm(t('confirmAsk', { amount: format.krw(preview.refundKrw) }))) return;
    setBusy(true);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedRefundKrw: preview.refundKrw, ...(chosen && partial ? { seatIds: chosen } : {}), ...(refundAccount ? { refundAccount } : {}) }),
    });
    const body = (await response.json().catch(() => ({}))) as { refund?: { refundKrw: number }; error?: { message: string; field?: string } };
    setBusy(false);
    setInvalidField(accountFieldOf(body.error?.field));
    if (response.status === 200) setMessage(t('done', { amount: format.krw(body.refund!.refundKrw) }));
    else if (response.status === 202) setMessage(t('pending'));
    else setMessage(t('failed', { message: body.error?.message ?? String(response.status) }));
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-3 rounded-lg border border-zinc-200 bg-white p-4" data-testid="cancel-booking">
      <h2 className="font-semibold">{t('title')}</h2>
      {seats.length > 1 && (
        <fieldset className="space-y-1 text-sm">
          <legend className="text-zinc-700">{t('seats')}</legend>
          {seats.map((seat) => (
            <label key={seat.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={(chosen ?? seats.map((s) => s.id)).includes(seat.id)}
                onChange={(e) => {
                  const now = chosen ?? seats.map((s) => s.id);
                  setChosen(e.target.checked ? [...now, seat.id] : now.filter((id) => id !== seat.id));
                }}
              />
              {format.seat(seat.seat)}
            </label>
          ))}
        </fieldset>
      )}
      {!preview ? (
        <p className="text-sm text-zinc-600">{t('loading')}</p>
      ) : !preview.allowed ? (
        <p className="text-sm text-zinc-700">{t('closed')}</p>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
          <dt>{t('fee')}</dt>
          <dd>{format.krw(preview.feeKrw)}</dd>
          <dt>{t('bookingFeeBack')}</dt>
          <dd>{format.krw(preview.bookingFeeRefundKrw)}</dd>
          <dt className="font-semibold">{t('refund')}</dt>
          <dd className="font-semibold">{format.krw(preview.refundKrw)}</dd>
        </dl>
      )}
      {preview && (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700">{t('policy')}</summary>
          <ul className="mt-1 list-disc pl-5">
            {preview.policy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {preview?.allowed && preview.refundAccountRequired && <RefundAccountFields value={account} onChange={setAccount} invalid={invalidField} />}
      {preview?.allowed && chosen?.length !== 0 && (
        <button type="button" onClick={confirm} disabled={busy} className="rounded bg-red-700 px-3 py-1.5 text-sm text-white disabled:opacity-50">
          {t('confirm', { amount: format.krw(preview.refundKrw) })}
        </button>
      )}
      {message && <p role="status" className="text-sm">{message}</p>}
    </div>
  );
}
