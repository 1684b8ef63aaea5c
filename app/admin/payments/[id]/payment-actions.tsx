'use client';
// The admin's actions on one payment: a refund with a reason (everything left, or an amount of
// money only) and asking PortOne to resend the latest webhook. Both are audited by the server.
// A virtual-account payment is refunded to the bank account the fan gave the admin.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { EMPTY_REFUND_ACCOUNT, RefundAccountFields, refundAccountBody } from '../../../../components/reservations/refund-account-fields';

async function post(url: string, body: unknown): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.ok) return null;
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return error?.error?.message ?? String(response.status);
}

export function PaymentActions({ paymentId, needsRefundAccount }: { paymentId: string; needsRefundAccount: boolean }) {
  const t = useTranslations('admin.payments');
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [account, setAccount] = useState(EMPTY_REFUND_ACCOUNT);

  async function refund(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!window.confirm(t('refundConfirm'))) return;
    const amount = String(form.get('amountKrw') ?? '').trim();
    setBusy(true);
    const failed = await post(`/api/admin/payments/${paymentId}/refund`, {
      reason: String(form.get('reason') ?? ''),
      ...(amount ? { amountKrw: Number(amount) } : {}),
      ...(needsRefundAccount ? { refundAccount: refundAccountBody(account) } : {}),
    });
    setBusy(false);
    setMessage(failed ? t('failed', { message: failed }) : null);
    router.refresh();
  }

  async function resend() {
    setBusy(true);
    const failed = await post(`/api/admin/payments/${paymentId}/resend-webhook`, {});
    setBusy(false);
    setMessage(failed ? t('failed', { message: failed }) : t('resent'));
    router.refresh();
  }

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <form onSubmit={refund} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t('refundTitle')}>
        <h2 className="w-full font-semibold">{t('refundTitle')}</h2>
        <label className="flex min-w-64 flex-1 flex-col">
          {t('refundReason')}
          <input name="reason" required minLength={3} maxLength={500} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t('refundAmount')}
          <input name="amountKrw" type="number" min={1} step={1} className="rounded border px-2 py-1" />
        </label>
        {needsRefundAccount && (
          <div className="w-full">
            <RefundAccountFields value={account} onChange={setAccount} invalid={null} forFan={false} />
          </div>
        )}
        <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1.5 text-white disabled:opacity-50">{t('refundSubmit')}</button>
      </form>
      <button type="button" onClick={resend} disabled={busy} className="rounded border border-zinc-300 px-3 py-1.5 text-sm disabled:opacity-50">{t('resend')}</button>
      {message && <p role="status" className="text-sm">{message}</p>}
    </div>
  );
}
