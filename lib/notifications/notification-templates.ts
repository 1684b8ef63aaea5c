// Every kind of notice and the template that words it in a given language (one file per kind).
// A feature adds its kind here; its data holds facts only (instants, codes, amounts), so the same
// row reads in Korean or English.
import { renderPaymentNotTaken } from './templates/payment-not-taken';
import { renderRefundCompleted } from './templates/refund-completed';
import { renderReservationConfirmed } from './templates/reservation-confirmed';
import { renderTransferAccepted, renderTransferDeclined, renderTransferExpired } from './templates/transfer-answered';
import { renderTransferOffered } from './templates/transfer-offered';
import { renderVirtualAccountIssued } from './templates/virtual-account-issued';

export const NOTIFICATION_TEMPLATES = {
  'reservation.confirmed': renderReservationConfirmed,
  'payment.virtual_account_issued': renderVirtualAccountIssued,
  'refund.completed': renderRefundCompleted,
  'payment.not_taken': renderPaymentNotTaken,
  'transfer.offered': renderTransferOffered,
  'transfer.accepted': renderTransferAccepted,
  'transfer.declined': renderTransferDeclined,
  'transfer.expired': renderTransferExpired,
};

export type NotificationKind = keyof typeof NOTIFICATION_TEMPLATES;
export type NotificationData<K extends NotificationKind> = Parameters<(typeof NOTIFICATION_TEMPLATES)[K]>[0];

