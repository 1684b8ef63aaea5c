'use client';
// The checkout: seats, booking fee, total, the hold's countdown, the cancellation policy that will
// apply, and the pay methods. The server opens the payment (its id, its amount); this page only
// hands PortOne's window what the server returned — the stand-in's page when one is configured,
// otherwise @portone/browser-sdk's requestPayment. Either way the window comes back to the
// return page with ?paymentId&code&message.
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { CheckoutView } from '../../lib/payments/checkout-view';
import { useFormat } from '../i18n/use-format';

type Method = 'card' | 'kakaopay' | 'naverpay' | 'tosspay' | 'virtual_account';
const EASY_PAY: Record<string, 'KAKAOPAY' | 'NAVERPAY' | 'TOSSPAY'> = { kakaopay: 'KAKAOPAY', naverpay: 'NAVERPAY', tosspay: 'TOSSPAY' };

export function CheckoutForm({ reservationId }: { reservationId: string }) {
  const t = useTranslations('payments');
  const format = useFormat();
  const router = useRouter();
  const locale = useLocale();
  const [checkout, setCheckout] = useState<CheckoutView | null>(null);
  const [error, setError] = useState('');
  const [method, setMethod] = useState<Method>('card');
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void (async () => {
      const response = await fetch(`/api/reservations/${reservationId}/checkout`, { method: 'POST' });
      const body = (await response.json().catch(() => ({}))) as { checkout?: CheckoutView; error?: { message?: string } };
      if (body.checkout) setCheckout(body.checkout);
      else setError(t('loadFailed', { reason: body.error?.message ?? response.statusText }));
    })();
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [reservationId, t]);

  if (error) return <p role="alert" className="mt-4 text-rose-700">{error}</p>;
  if (!checkout) return <p className="mt-4 text-zinc-600">{t('opening')}</p>;
  const { snapshot } = checkout;
  const left = Math.max(0, new Date(snapshot.paymentDeadline).getTime() - now);
  const clock = `${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}`;
  const methods: Method[] = ['card', 'kakaopay', 'naverpay', 'tosspay', ...(checkout.payMethods.includes('VIRTUAL_ACCOUNT') ? (['virtual_account'] as const) : [])];
  const label = (m: Method) => (m === 'card' ? t('card') : m === 'virtual_account' ? t('virtualAccount') : `${t('easyPay')} · ${t(m)}`);

  async function pay() {
    if (!checkout) return;
    setBusy(true);
    const redirectUrl = `${window.location.origin}/me/reservations/${reservationId}/payment`;
    const payMethod = method === 'card' ? 'CARD' : method === 'virtual_account' ? 'VIRTUAL_ACCOUNT' : 'EASY_PAY';
    const dueDate = checkout.snapshot.virtualAccountDueAt ?? undefined;
    if (checkout.standInCheckoutUrl) {
      const query = new URLSearchParams({ orderName: checkout.request.orderName, totalAmount: String(checkout.request.totalAmount), currency: 'KRW', customData: checkout.request.customData, payMethod, redirectUrl });
      if (payMethod === 'VIRTUAL_ACCOUNT' && dueDate) query.set('accountExpiryDueDate', dueDate);
      // PortOne's window lives on another origin (the stand-in's here): a full navigation, not a route change.
      window.location.assign(new URL(`?${query}`, checkout.standInCheckoutUrl));
      return;
    }
    const { requestPayment } = await import('@portone/browser-sdk/v2');
    const result = await requestPayment({
      storeId: checkout.request.storeId,
      channelKey: checkout.request.channelKey,
      paymentId: checkout.paymentId,
      orderName: checkout.request.orderName,
      totalAmount: checkout.request.totalAmount,
      currency: 'KRW',
      customData: JSON.parse(checkout.request.customData) as Record<string, string>,
      payMethod,
      redirectUrl,
      ...(payMethod === 'EASY_PAY' ? { easyPay: { easyPayProvider: EASY_PAY[method] } } : {}),
      ...(payMethod === 'VIRTUAL_ACCOUNT' && dueDate ? { virtualAccount: { accountExpiry: { dueDate } } } : {}),
    });
    // On desktop the SDK resolves here instead of redirecting: the same return page takes it.
    const query = new URLSearchParams({ paymentId: checkout.paymentId, ...(result?.code ? { code: result.code, message: result.message ?? '' } : {}) });
    router.push(`/me/reservations/${reservationId}/payment?${query}`);
  }

  return (
    <div className="mt-4 space-y-5">
      <p className={left > 0 ? 'text-sm font-semibold text-amber-800' : 'text-sm font-semibold text-rose-700'} data-testid="hold-countdown">
        {left > 0 ? t('holdLeft', { time: clock }) : t('holdOver')}
      </p>
      <table className="w-full text-sm">
        <tbody>
          {snapshot.seats.map((seat) => (
            <tr key={format.seat(seat)} className="border-b border-zinc-100">
              <td className="py-2">{format.seat(seat)}</td>
              <td className="py-2 text-zinc-500">{seat.grade}</td>
              <td className="py-2 text-right tabular-nums">{format.krw(seat.priceKrw)}</td>
            </tr>
          ))}
          <tr>
            <td className="py-2" colSpan={2}>{t('bookingFee', { count: snapshot.seats.length, fee: format.krw(snapshot.bookingFeePerTicketKrw) })}</td>
            <td className="py-2 text-right tabular-nums" data-testid="booking-fee">{format.krw(snapshot.bookingFeeKrw)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <td className="pt-3 font-semibold" colSpan={2}>{t('total')}</td>
            <td className="pt-3 text-right font-semibold tabular-nums" data-testid="checkout-total">{format.krw(snapshot.amountKrw)}</td>
          </tr>
        </tfoot>
      </table>
      <section>
        <h2 className="font-semibold">{t('policyTitle')}</h2>
        <ul className="mt-1 list-disc pl-5 text-sm text-zinc-700" data-testid="cancellation-policy">
          {(locale === 'en' ? checkout.cancellationPolicy.en : checkout.cancellationPolicy.ko).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <fieldset>
        <legend className="font-semibold">{t('methodsTitle')}</legend>
        {methods.map((m) => (
          <label key={m} className="mt-2 flex items-center gap-2 text-sm">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {label(m)}
            {m === 'virtual_account' && snapshot.virtualAccountDueAt && <span className="text-zinc-500">({t('virtualAccountUntil', { time: format.dateTime(snapshot.virtualAccountDueAt, snapshot.timeZone) })})</span>}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy || left === 0} onClick={pay} className="w-full rounded bg-zinc-900 px-4 py-3 font-semibold text-white disabled:opacity-50">
        {t('pay', { amount: format.krw(snapshot.amountKrw) })}
      </button>
    </div>
  );
}
