// Checkout of one of my PENDING reservations (the form opens the payment through the gateway).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CheckoutForm } from '../../../../../components/payments/checkout-form';
import { requireUserPage } from '../../../../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('payments'))('checkoutTitle') };
}

export default async function CheckoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUserPage(`/me/reservations/${id}/checkout`);
  const t = await getTranslations('payments');
  return (
    <section className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t('checkoutTitle')}</h1>
      <CheckoutForm reservationId={id} />
    </section>
  );
}
