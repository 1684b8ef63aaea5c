'use client';
// Back from PortOne's window (?paymentId&code&message, plus paymentToken&txId on a manual-confirm
// channel). The server settles from PortOne's record whatever the query says; this page words the
// outcome: paid → confirmation (the reservation turns CONFIRMED a moment later), a virtual
// account → its details, declined or cancelled → the reason and the way back to pay again.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { PaymentView } from '../../lib/payments/payment-view';
import type { SettleResult } from '../../lib/payments/settle-payment';
import { useFormat } from '../i18n/use-format';
import { bankName } from './bank-name';

type Completion = { result: SettleResult; payment: PaymentView };

export function PaymentReturn({ reservationId, query }: { reservationId: string; query: Record<string, string | undefined> }) {
  const t = useTranslations('payments');
  const tm = useTranslations('mail');
  const format = useFormat();
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [error, setError] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (!query.paymentId) return;
    void (async () => {
      const response = await fetch(`/api/payments/${encodeURIComponent(query.paymentId!)}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(query.paymentToken ? { paymentToken: query.paymentToken } : {}), ...(query.txId ? { txId: query.txId } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as Completion & { error?: { message?: string } };
      if (response.ok) setCompletion(body);
      else setError(body.error?.message ?? response.statusText);
    })();
  }, [query.paymentId, query.paymentToken, query.txId]);

  useEffect(() => {
    if (completion?.result.outcome !== 'paid' || confirmed) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/reservations/${reservationId}`);
      const body = (await response.json().catch(() => ({}))) as { reservation?: { status: string } };
      if (body.reservation?.status === 'CONFIRMED') setConfirmed(true);
    }, 500);
    return () => clearInterval(timer);
  }, [completion, confirmed, reservationId]);

  const back = (
    <Link href={`/me/reservations/${reservationId}`} className="text-zinc-600 underline">
      {t('backToReservation')}
    </Link>
  );
  const retry = (
    <Link href={`/me/reservations/${reservationId}/checkout`} className="inline-block rounded bg-zinc-900 px-4 py-2 font-semibold text-white" data-testid="retry-payment">
      {t('retry')}
    </Link>
  );
  if (error) return <div className="mt-4 space-y-3"><p role="alert" className="text-rose-700">{error}</p>{back}</div>;
  if (!completion) return <p className="mt-4 text-zinc-600">{t('checking')}</p>;
  const { result, payment } = completion;

  if (result.outcome === 'paid') {
    return (
      <div className="mt-4 space-y-3" data-testid="payment-outcome" data-outcome="paid">
        <h2 className="text-xl font-bold">{confirmed ? t('confirmationTitle') : t('returnTitle')}</h2>
        <p role="status">{confirmed ? t('paid') : t('confirming')}</p>
        <p className="tabular-nums">{t('total')}: {format.krw(payment.amountKrw)}</p>
        {back}
      </div>
    );
  }
  if (result.outcome === 'virtual_account_issued' && payment.virtualAccount) {
    const account = payment.virtualAccount;
    return (
      <div className="mt-4 space-y-3" data-testid="payment-outcome" data-outcome="virtual_account_issued">
        <p role="status">{t('virtualAccountIssued')}</p>
        <dl className="grid grid-cols-2 gap-1 text-sm" data-testid="virtual-account">
          <dt>{t('bank')}</dt><dd>{bankName(tm, account.bank)}</dd>
          <dt>{t('accountNumber')}</dt><dd className="tabular-nums">{account.accountNumber}</dd>
          <dt>{t('accountHolder')}</dt><dd>{account.holder}</dd>
          <dt>{t('amount')}</dt><dd className="tabular-nums">{format.krw(payment.amountKrw)}</dd>
          <dt>{t('depositBy')}</dt><dd>{account.dueAt ? format.dateTime(account.dueAt, payment.timeZone) : ''}</dd>
        </dl>
        {back}
      </div>
    );
  }
  const message =
    result.outcome === 'refused' ? t('refused')
    : result.outcome === 'cancelled' ? t('cancelledRefund', { reason: result.reason ?? '' })
    : result.outcome === 'pending' && !query.code ? t('pending')
    : query.message?.includes('PAY_PROCESS_CANCELED') ? t('userCancelled')
    : t('declined', { message: query.message ?? payment.failureReason ?? '' });
  return (
    <div className="mt-4 space-y-3" data-testid="payment-outcome" data-outcome={result.outcome}>
      <p role="alert" className="text-rose-700">{message}</p>
      {retry} {back}
    </div>
  );
}
