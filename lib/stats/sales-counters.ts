// The counters kept per performance, per venue-local day and per UTC hour (stats.performance_stats,
// stats.daily_sales, stats.hourly_sales share these columns). Money is KRW.
export const SALES_COUNTER_COLUMNS = {
  reservationsCreated: 'reservations_created',
  reservationsExpired: 'reservations_expired',
  reservationsCancelled: 'reservations_cancelled',
  seatsReserved: 'seats_reserved',
  seatsSold: 'seats_sold',
  seatsRefunded: 'seats_refunded',
  salesKrw: 'sales_krw',
  bookingFeeKrw: 'booking_fee_krw',
  refundedKrw: 'refunded_krw',
  refundFeeKrw: 'refund_fee_krw',
  bookingFeeRefundedKrw: 'booking_fee_refunded_krw',
  paymentsSettled: 'payments_settled',
  paymentsFailed: 'payments_failed',
  refunds: 'refunds',
  transfers: 'transfers',
  checkIns: 'check_ins',
} as const;

export type SalesCounter = keyof typeof SALES_COUNTER_COLUMNS;
export type SalesDelta = Partial<Record<SalesCounter, number>>;
export type SalesCounters = Record<SalesCounter, number>;

export const SALES_COUNTERS = Object.keys(SALES_COUNTER_COLUMNS) as SalesCounter[];
