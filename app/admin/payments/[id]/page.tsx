// One payment for the admin: amounts, refunds, the PortOne webhooks received about it, the admin
// actions taken, and the refund / resend-webhook actions.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppError } from '../../../../lib/errors/app-error';
import { getAdminPayment, type AdminPaymentDetail } from '../../../../lib/refunds/get-admin-payment';
import { db } from '../../../_server/clients';
import { getFormat } from '../../../_server/get-format';
import { PaymentActions } from './payment-actions';
import { formatZoneLabel } from '../../../../lib/i18n/format-zone-label';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.payments'))('detail') };
}

type State = 'READY' | 'PAY_PENDING' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';

export default async function AdminPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let payment: AdminPaymentDetail;
  try {
    payment = await getAdminPayment(db(), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const [t, format] = await Promise.all([getTranslations('admin.payments'), getFormat()]);
  const at = (iso: string | null) => (iso ? `${format.dateTime(iso, payment.timeZone, 'short')} · ${formatZoneLabel(payment.timeZone, new Date(iso))}` : '—');
  const facts: [string, string][] = [
    [t('portoneId'), payment.portonePaymentId],
    [t('status'), t(`states.${payment.status as State}`)],
    [t('method'), payment.method ?? '—'],
    [t('amount'), format.krw(payment.amountKrw)],
    [t('tickets'), format.krw(payment.ticketsKrw)],
    [t('bookingFee'), format.krw(payment.bookingFeeKrw)],
    [t('cancelled'), format.krw(payment.cancelledKrw)],
    [t('created'), at(payment.createdAt)],
    [t('paid'), at(payment.paidAt)],
    [t('user'), payment.userEmail ?? '—'],
    [t('event'), payment.eventTitle ?? '—'],
    [t('reservation'), payment.reservationId ? `${payment.reservationId} (${payment.reservationStatus})` : '—'],
    [t('failure'), payment.failureReason ?? '—'],
    [t('cancelReason'), payment.cancelReason ?? '—'],
  ];

  return (
    <section className="space-y-6">
      <p className="text-sm"><Link href="/admin/payments" className="underline">← {t('title')}</Link></p>
      <h1 className="text-2xl font-bold">{t('detail')}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>

      <PaymentActions paymentId={payment.id} needsRefundAccount={payment.method === 'VIRTUAL_ACCOUNT'} />

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('refunds')}</h2>
        {payment.refunds.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noRefunds')}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="payment-refunds">
            <thead className="border-b text-zinc-600">
              <tr>
                <th className="py-1 pr-3">{t('created')}</th>
                <th className="py-1 pr-3">{t('status')}</th>
                <th className="py-1 pr-3">{t('initiator')}</th>
                <th className="py-1 pr-3 text-right">{t('amount')}</th>
                <th className="py-1 pr-3 text-right">{t('fee')}</th>
                <th className="py-1 pr-3">{t('reason')}</th>
                <th className="py-1">{t('completed')}</th>
              </tr>
            </thead>
            <tbody>
              {payment.refunds.map((r) => (
                <tr key={r.id} className="border-b border-zinc-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{at(r.createdAt)}</td>
                  <td className="py-1 pr-3">{t(`refundStates.${r.status as 'REQUESTED' | 'SUCCEEDED' | 'FAILED'}`)}</td>
                  <td className="py-1 pr-3">{t(`initiators.${r.initiator as 'FAN' | 'ORGANISER' | 'ADMIN'}`)}</td>
                  <td className="py-1 pr-3 text-right">{format.krw(r.amountKrw)}</td>
                  <td className="py-1 pr-3 text-right">{format.krw(r.feeKrw)}</td>
                  <td className="py-1 pr-3">{r.reason}{r.failureReason ? ` — ${r.failureReason}` : ''}</td>
                  <td className="py-1 whitespace-nowrap">{at(r.completedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('webhooks')}</h2>
        {payment.webhooks.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noWebhooks')}</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="payment-webhooks">
            {payment.webhooks.map((w) => (
              <li key={w.webhookId} className="rounded border border-zinc-200 p-2">
                <p>
                  <strong>{w.type}</strong> · {t('received')} {at(w.receivedAt)} · {t('processed')} {at(w.processedAt)} · {t('attempts')} {w.attempts}
                  {w.lastError ? ` · ${w.lastError}` : ''}
                </p>
                <details>
                  <summary className="cursor-pointer text-zinc-600">{t('rawBody')} ({w.webhookId})</summary>
                  <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all bg-zinc-50 p-2 text-xs">{w.rawBody}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-lg font-semibold">{t('audit')}</h2>
        {payment.audit.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noAudit')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {payment.audit.map((a, index) => (
              <li key={index}>
                {at(a.createdAt)} · {a.action} · {a.actorId ?? '—'} · <code className="text-xs">{JSON.stringify(a.after)}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
