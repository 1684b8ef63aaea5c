// The facts we keep from a payment fetched at PortOne: its state, amounts and method, flattened
// for our row (method, easy-pay provider, virtual account) and checked against our own.
import type { Payment } from '@portone/server-sdk';

export type PortOnePaymentFacts = {
  status: string;
  storeId: string | null;
  currency: string | null;
  customData: string | null;
  totalKrw: number;
  paidKrw: number;
  cancelledKrw: number;
  method: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'OTHER' | null;
  easyPayProvider: string | null;
  methodDetail: unknown;
  virtualAccount: { bank: string | null; accountNumber: string; holder: string | null; expiresAt: Date | null } | null;
  pgTxId: string | null;
  failureReason: string | null;
};

export function describePortOnePayment(payment: Payment.Payment): PortOnePaymentFacts {
  // Every known state carries these fields or lacks them; reading them optionally covers all.
  const p = payment as unknown as Partial<Omit<Payment.PaidPayment, 'status'>> & { status: string; failure?: Payment.PaymentFailure };
  const method = p.method;
  const kind = !method ? null : method.type === 'PaymentMethodCard' ? 'CARD' : method.type === 'PaymentMethodEasyPay' ? 'EASY_PAY' : method.type === 'PaymentMethodVirtualAccount' ? 'VIRTUAL_ACCOUNT' : 'OTHER';
  const account = method?.type === 'PaymentMethodVirtualAccount' ? (method as Payment.PaymentMethodVirtualAccount) : null;
  const easyPay = method?.type === 'PaymentMethodEasyPay' ? (method as Payment.PaymentMethodEasyPay) : null;
  return {
    status: p.status,
    storeId: p.storeId ?? null,
    currency: p.currency ?? null,
    customData: p.customData ?? null,
    totalKrw: p.amount?.total ?? 0,
    paidKrw: p.amount?.paid ?? 0,
    cancelledKrw: p.amount?.cancelled ?? 0,
    method: kind,
    easyPayProvider: easyPay?.provider ?? null,
    methodDetail: method ?? null,
    virtualAccount: account
      ? { bank: account.bank ?? null, accountNumber: account.accountNumber, holder: account.remitteeName ?? null, expiresAt: account.expiredAt ? new Date(account.expiredAt) : null }
      : null,
    pgTxId: p.pgTxId ?? null,
    failureReason: p.failure ? [p.failure.reason, p.failure.pgMessage].filter(Boolean).join(': ') || 'failed' : null,
  };
}
