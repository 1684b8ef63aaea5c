// Where PortOne's window (or the stand-in's) returns: ?paymentId&code&message.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PaymentReturn } from '../../../../../components/payments/payment-return';
import { requireUserPage } from '../../../../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('payments'))('returnTitle') };
}

export default async function PaymentReturnPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  await requireUserPage(`/me/reservations/${id}`);
  const t = await getTranslations('payments');
  const query = Object.fromEntries(['paymentId', 'code', 'message', 'paymentToken', 'txId'].map((key) => [key, typeof raw[key] === 'string' ? raw[key] : undefined]));
  return (
    <section className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t('returnTitle')}</h1>
      <PaymentReturn reservationId={id} query={query} />
    </section>
  );
}
