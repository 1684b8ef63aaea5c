// The checkout as the browser sees it: what it shows (seats, fee, total, deadlines) and exactly
// the arguments of @portone/browser-sdk's requestPayment — or, with the local stand-in, the page
// that plays PortOne's window. No Prisma type leaves lib/.
import type { PaymentsConfig } from './payments-config';

export type CheckoutSnapshot = {
  seats: { section: string; row: string; number: number; grade: string; priceKrw: number }[];
  ticketsKrw: number;
  bookingFeePerTicketKrw: number;
  bookingFeeKrw: number;
  amountKrw: number;
  paymentDeadline: string;
  virtualAccountDueAt: string | null;
  performanceId: string;
  startsAt: string;
  /** The venue's zone: every time of this checkout is shown on its clock. */
  timeZone: string;
  eventTitle: string;
};

export type PayMethodOption = 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT';

export type CheckoutView = {
  paymentId: string;
  reservationId: string;
  status: string;
  snapshot: CheckoutSnapshot;
  payMethods: PayMethodOption[];
  easyPayProviders: ('KAKAOPAY' | 'NAVERPAY' | 'TOSSPAY')[];
  /** The fixed part of requestPayment({ …, payMethod, redirectUrl }). */
  request: { storeId: string; channelKey: string; paymentId: string; orderName: string; totalAmount: number; currency: 'KRW'; customData: string };
  /** The stand-in's window for this payment (its query carries the rest), or null with real PortOne. */
  standInCheckoutUrl: string | null;
  /** The snapshotted cancellation policy in words, with this show's dates. */
  cancellationPolicy: { ko: string[]; en: string[] };
};

type PaymentRow = {
  portonePaymentId: string;
  reservationId: string | null;
  status: string;
  amountKrw: number;
  orderName: string;
  checkoutSnapshot: unknown;
};

export function toCheckoutView(payment: PaymentRow, config: PaymentsConfig, cancellationPolicy: CheckoutView['cancellationPolicy']): CheckoutView {
  const snapshot = payment.checkoutSnapshot as CheckoutSnapshot;
  return {
    paymentId: payment.portonePaymentId,
    reservationId: payment.reservationId!,
    status: payment.status,
    snapshot,
    payMethods: snapshot.virtualAccountDueAt ? ['CARD', 'EASY_PAY', 'VIRTUAL_ACCOUNT'] : ['CARD', 'EASY_PAY'],
    easyPayProviders: ['KAKAOPAY', 'NAVERPAY', 'TOSSPAY'],
    request: {
      storeId: config.portone.storeId,
      channelKey: config.channelKey,
      paymentId: payment.portonePaymentId,
      orderName: payment.orderName,
      totalAmount: payment.amountKrw,
      currency: 'KRW',
      customData: JSON.stringify({ reservationId: payment.reservationId }),
    },
    cancellationPolicy,
    standInCheckoutUrl: config.checkoutUrl ? `${config.checkoutUrl.replace(/\/$/, '')}/${encodeURIComponent(payment.portonePaymentId)}` : null,
  };
}
