// A payment as its owner sees it (the return page, the reservation page): no Prisma type leaves lib/.
export type PaymentView = {
  paymentId: string;
  reservationId: string | null;
  status: 'READY' | 'PAY_PENDING' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';
  amountKrw: number;
  ticketsKrw: number;
  bookingFeeKrw: number;
  method: string | null;
  easyPayProvider: string | null;
  virtualAccount: { bank: string | null; accountNumber: string; holder: string | null; dueAt: string | null } | null;
  failureReason: string | null;
  cancelReason: string | null;
  paidAt: string | null;
  createdAt: string;
  /** The venue's zone, from the checkout snapshot: the deposit deadline is shown on its clock. */
  timeZone: string;
};

type PaymentRow = {
  portonePaymentId: string;
  reservationId: string | null;
  status: PaymentView['status'];
  amountKrw: number;
  ticketsKrw: number;
  bookingFeeKrw: number;
  method: string | null;
  easyPayProvider: string | null;
  virtualAccountBank: string | null;
  virtualAccountNumber: string | null;
  virtualAccountHolder: string | null;
  virtualAccountDueAt: Date | null;
  failureReason: string | null;
  cancelReason: string | null;
  paidAt: Date | null;
  createdAt: Date;
  checkoutSnapshot: unknown;
};

export function toPaymentView(row: PaymentRow): PaymentView {
  return {
    paymentId: row.portonePaymentId,
    reservationId: row.reservationId,
    status: row.status,
    amountKrw: row.amountKrw,
    ticketsKrw: row.ticketsKrw,
    bookingFeeKrw: row.bookingFeeKrw,
    method: row.method,
    easyPayProvider: row.easyPayProvider,
    virtualAccount: row.virtualAccountNumber
      ? { bank: row.virtualAccountBank, accountNumber: row.virtualAccountNumber, holder: row.virtualAccountHolder, dueAt: row.virtualAccountDueAt?.toISOString() ?? null }
      : null,
    failureReason: row.failureReason,
    cancelReason: row.cancelReason,
    paidAt: row.paidAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    // Snapshots written before venues had zones carry none: the venues' default zone.
    timeZone: (row.checkoutSnapshot as { timeZone?: string } | null)?.timeZone ?? 'Asia/Seoul',
  };
}
