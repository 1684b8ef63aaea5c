// The stand-in's books: every payment of its one store, moved through PortOne's status machine
// READY → (PAY_PENDING on a manual-confirm channel) → PAID / FAILED / VIRTUAL_ACCOUNT_ISSUED →
// PAID → PARTIAL_CANCELLED / CANCELLED. Each transition names the webhook PortOne would send.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Common, Payment } from '@portone/server-sdk';
import { PortOneApiError } from './portone-api-error';
import type { CheckoutChoice, CheckoutMethod, CheckoutRequest, CheckoutResult, StandInFaults } from './stand-in-types';

type Status = 'READY' | 'PAY_PENDING' | 'VIRTUAL_ACCOUNT_ISSUED' | 'PAID' | 'FAILED' | 'PARTIAL_CANCELLED' | 'CANCELLED';

export type TransactionWebhookType =
  | 'Transaction.Ready'
  | 'Transaction.PayPending'
  | 'Transaction.Paid'
  | 'Transaction.VirtualAccountIssued'
  | 'Transaction.Failed'
  | 'Transaction.Cancelled'
  | 'Transaction.PartialCancelled';

export type TransitionEvent = {
  type: TransactionWebhookType;
  paymentId: string;
  storeId: string;
  transactionId: string;
  cancellationId?: string;
  paymentStatus: Status;
};

type PaymentRecord = {
  id: string;
  storeId: string;
  status: Status;
  transactionId: string;
  pgTxId?: string;
  orderName: string;
  currency: Common.Currency;
  customData?: string;
  customer: Common.Customer;
  total: number;
  paid: number;
  cancelled: number;
  method?: Payment.PaymentMethod;
  requestedAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  paidAt?: Date;
  failedAt?: Date;
  failure?: Payment.PaymentFailure;
  cancelledAt?: Date;
  cancellations: Payment.SucceededPaymentCancellation[];
  paymentToken?: string;
  virtualAccountExpiresAt?: Date;
  virtualAccountClosedAt?: Date;
  /** Where each cancel of a virtual-account payment sent the money (PortOne keeps it; its API does not show it). */
  refundAccounts: Payment.CancelPaymentBodyRefundAccount[];
};

type LedgerDeps = {
  storeId: string;
  manualConfirm: boolean;
  now: () => Date;
  faults: () => StandInFaults;
  onTransition: (event: TransitionEvent) => void;
  webhooksOf: (paymentId: string) => Payment.PaymentWebhook[];
};

const CHANNEL: Common.SelectedChannel = {
  type: 'TEST',
  id: 'channel-id-stand-in',
  key: 'channel-key-stand-in',
  name: 'OpenSeat stand-in channel',
  pgProvider: 'KCP_V2',
  pgMerchantId: 'stand-in-merchant',
};
const EASY_PAY_PROVIDERS = { kakaopay: 'KAKAOPAY', naverpay: 'NAVERPAY', tosspay: 'TOSSPAY' } as const;
const DEFAULT_ACCOUNT_VALID_HOURS = 24;

/** The window refused to open or to charge: what the browser SDK reports as `code`/`message`. */
export class CheckoutRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const iso = (date: Date) => date.toISOString();
const token = (prefix: string) => `${prefix}-${randomUUID()}`;

export class PaymentLedger {
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly preRegistered = new Map<string, { totalAmount: number; currency: Common.Currency }>();

  constructor(private readonly deps: LedgerDeps) {}

  preRegister(paymentId: string, body: Payment.PreRegisterPaymentBody): void {
    const existing = this.payments.get(paymentId);
    if (existing && existing.status !== 'READY' && existing.status !== 'FAILED') {
      throw new PortOneApiError('ALREADY_PAID', '이미 결제가 완료된 결제 건입니다.');
    }
    if (!Number.isInteger(body.totalAmount) || (body.totalAmount ?? 0) < 0) {
      throw new PortOneApiError('INVALID_REQUEST', 'totalAmount must be a non-negative integer');
    }
    this.preRegistered.set(paymentId, { totalAmount: body.totalAmount!, currency: body.currency ?? 'KRW' });
  }

  find(paymentId: string): Payment.Payment {
    return this.view(this.record(paymentId));
  }

  refundAccounts(paymentId: string): Payment.CancelPaymentBodyRefundAccount[] {
    return [...this.record(paymentId).refundAccounts];
  }

  /** Every payment requested in [from, until), oldest first, with an opaque cursor after each. */
  list(from: Date, until: Date): Array<{ payment: Payment.Payment; cursor: string }> {
    return [...this.payments.values()]
      .filter((p) => p.requestedAt >= from && p.requestedAt < until)
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.id.localeCompare(b.id))
      .map((p) => ({ payment: this.view(p), cursor: Buffer.from(`${iso(p.requestedAt)}|${p.id}`).toString('base64url') }));
  }

  /** The window opens: the payment exists from now on, READY. */
  open(paymentId: string, request: CheckoutRequest): Payment.Payment {
    const now = this.deps.now();
    const registered = this.preRegistered.get(paymentId);
    const existing = this.payments.get(paymentId);
    const totalAmount = request.totalAmount ?? registered?.totalAmount ?? existing?.total;
    if (totalAmount === undefined || !Number.isInteger(totalAmount) || totalAmount <= 0) {
      throw new CheckoutRefusal('PORTONE_ERROR', '결제 금액이 올바르지 않습니다.');
    }
    if (registered && (registered.totalAmount !== totalAmount || registered.currency !== (request.currency ?? 'KRW'))) {
      throw new CheckoutRefusal('PORTONE_ERROR', '사전 등록된 결제 금액과 일치하지 않습니다.');
    }
    if (existing && existing.status !== 'READY' && existing.status !== 'FAILED') {
      throw new CheckoutRefusal('PORTONE_ERROR', '이미 결제가 진행된 결제 건입니다.');
    }
    if (existing?.status === 'READY' && existing.total === totalAmount) return this.view(existing);
    const record: PaymentRecord = {
      id: paymentId,
      storeId: this.deps.storeId,
      status: 'READY',
      transactionId: randomUUID(),
      orderName: request.orderName ?? existing?.orderName ?? paymentId,
      currency: (request.currency ?? 'KRW') as Common.Currency,
      customData: request.customData ?? existing?.customData,
      customer: {
        id: request.customer?.id,
        name: request.customer?.fullName,
        email: request.customer?.email,
        phoneNumber: request.customer?.phoneNumber,
      },
      total: totalAmount,
      paid: 0,
      cancelled: 0,
      requestedAt: existing?.requestedAt ?? now,
      updatedAt: now,
      statusChangedAt: now,
      cancellations: [],
      refundAccounts: [],
    };
    this.payments.set(paymentId, record);
    this.emit(record, 'Transaction.Ready');
    return this.view(record);
  }

  /** The customer finishes the window: authorised, paid, account issued, declined or walked away. */
  pay(paymentId: string, choice: CheckoutChoice): CheckoutResult {
    const request = { ...choice.request };
    if (choice.amountOverride !== undefined) request.totalAmount = choice.amountOverride;
    let record: PaymentRecord;
    try {
      this.open(paymentId, request);
      record = this.record(paymentId);
    } catch (error) {
      if (error instanceof CheckoutRefusal) return { paymentId, transactionType: 'PAYMENT', code: error.code, message: error.message };
      throw error;
    }
    const now = this.deps.now();
    const faults = this.deps.faults();
    record.pgTxId = token('pg');
    record.method = this.methodOf(choice.method, request, now);
    if (choice.outcome === 'user_cancelled' || choice.outcome === 'declined' || faults.declineAll) {
      const cancelled = choice.outcome === 'user_cancelled';
      const failure: Payment.PaymentFailure = cancelled
        ? { reason: '사용자가 결제를 취소하였습니다.', pgCode: 'PAY_PROCESS_CANCELED', pgMessage: '사용자가 결제를 취소하였습니다.' }
        : { reason: '카드사에서 승인을 거절했습니다.', pgCode: 'CARD_DECLINED', pgMessage: '카드사 승인 거절 (한도 초과)' };
      Object.assign(record, { status: 'FAILED', failure, failedAt: now, updatedAt: now, statusChangedAt: now });
      this.emit(record, 'Transaction.Failed');
      const pgCode = cancelled ? 'PAY_PROCESS_CANCELED' : 'CARD_DECLINED';
      return { paymentId, transactionType: 'PAYMENT', txId: record.transactionId, code: 'FAILURE_TYPE_PG', message: `[${pgCode}] ${failure.reason}` };
    }
    record.total += faults.tamperAmount;
    if (record.method.type === 'PaymentMethodVirtualAccount') {
      const virtualAccountExpiresAt = new Date(record.method.expiredAt!);
      Object.assign(record, { status: 'VIRTUAL_ACCOUNT_ISSUED', virtualAccountExpiresAt, updatedAt: now, statusChangedAt: now });
      this.emit(record, 'Transaction.VirtualAccountIssued');
      return { paymentId, transactionType: 'PAYMENT', txId: record.transactionId };
    }
    if (this.deps.manualConfirm) {
      record.paymentToken = token('payment-token');
      Object.assign(record, { status: 'PAY_PENDING', updatedAt: now, statusChangedAt: now });
      this.emit(record, 'Transaction.PayPending');
      return { paymentId, transactionType: 'PAYMENT', txId: record.transactionId, paymentToken: record.paymentToken };
    }
    this.markPaid(record, now);
    return { paymentId, transactionType: 'PAYMENT', txId: record.transactionId };
  }

  /** 수동 승인: capture an authorised payment, checking what the merchant says it should be. */
  confirm(paymentId: string, body: Payment.ConfirmPaymentBody): Payment.ConfirmedPaymentSummary {
    const record = this.record(paymentId);
    if (record.status === 'PAID' || record.status === 'PARTIAL_CANCELLED' || record.status === 'CANCELLED') {
      throw new PortOneApiError('ALREADY_PAID', '이미 결제가 완료된 결제 건입니다.');
    }
    if (record.status !== 'PAY_PENDING') throw new PortOneApiError('INVALID_REQUEST', `결제 건이 승인 대기 상태가 아닙니다 (${record.status}).`);
    if (!body.paymentToken || body.paymentToken !== record.paymentToken) {
      throw new PortOneApiError('INVALID_PAYMENT_TOKEN', '결제 토큰이 유효하지 않습니다.');
    }
    if (
      (body.txId !== undefined && body.txId !== record.transactionId) ||
      (body.totalAmount !== undefined && body.totalAmount !== record.total) ||
      (body.currency !== undefined && body.currency !== record.currency)
    ) {
      throw new PortOneApiError('INFORMATION_MISMATCH', '결제 정보가 일치하지 않습니다.');
    }
    const now = this.deps.now();
    this.markPaid(record, now);
    return { pgTxId: record.pgTxId!, paidAt: iso(now) };
  }

  /** The customer wires the money into the issued account. */
  deposit(paymentId: string): Payment.Payment {
    const record = this.record(paymentId);
    const now = this.deps.now();
    if (record.status !== 'VIRTUAL_ACCOUNT_ISSUED') {
      throw new PortOneApiError('PAYMENT_NOT_WAITING_FOR_DEPOSIT', `결제 건이 입금 대기 상태가 아닙니다 (${record.status}).`);
    }
    if (this.deps.faults().depositNever) throw new PortOneApiError('PG_PROVIDER', '입금이 이루어지지 않았습니다 (depositNever).');
    if (record.virtualAccountExpiresAt && now >= record.virtualAccountExpiresAt) {
      throw new PortOneApiError('PAYMENT_NOT_WAITING_FOR_DEPOSIT', '가상계좌 입금 기한이 지났습니다.');
    }
    this.markPaid(record, now);
    return this.view(record);
  }

  cancel(paymentId: string, body: Payment.CancelPaymentBody): Payment.CancelPaymentResponse {
    const record = this.record(paymentId);
    if (record.status === 'CANCELLED') throw new PortOneApiError('PAYMENT_ALREADY_CANCELLED', '이미 취소된 결제 건입니다.');
    if (record.status !== 'PAID' && record.status !== 'PARTIAL_CANCELLED') {
      throw new PortOneApiError('PAYMENT_NOT_PAID', `결제가 완료되지 않은 결제 건입니다 (${record.status}).`);
    }
    if (typeof body.reason !== 'string' || body.reason.length === 0) throw new PortOneApiError('INVALID_REQUEST', 'reason is required');
    const cancellable = record.paid - record.cancelled;
    if (body.currentCancellableAmount !== undefined && body.currentCancellableAmount !== cancellable) {
      throw new PortOneApiError('CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', `취소 가능 금액이 ${cancellable}원으로 요청과 다릅니다.`);
    }
    const amount = body.amount ?? cancellable;
    if (!Number.isInteger(amount) || amount <= 0) throw new PortOneApiError('INVALID_REQUEST', 'amount must be a positive integer');
    if (amount > cancellable) {
      throw new PortOneApiError('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', `취소 금액이 취소 가능 금액(${cancellable}원)을 초과합니다.`);
    }
    if (record.method?.type === 'PaymentMethodVirtualAccount') {
      const account = body.refundAccount;
      if (!account) throw new PortOneApiError('INVALID_REQUEST', '가상계좌 결제 취소에는 refundAccount가 필요합니다.');
      if (typeof account.bank !== 'string' || !/^[A-Z_]+$/.test(account.bank)) throw new PortOneApiError('INVALID_REQUEST', 'refundAccount.bank: 은행 코드가 올바르지 않습니다.');
      if (typeof account.number !== 'string' || !/^\d+$/.test(account.number)) throw new PortOneApiError('INVALID_REQUEST', 'refundAccount.number: 계좌번호는 숫자만 입력해 주세요.');
      if (typeof account.holderName !== 'string' || account.holderName.trim() === '') throw new PortOneApiError('INVALID_REQUEST', 'refundAccount.holderName: 예금주를 입력해 주세요.');
    }
    const now = this.deps.now();
    const cancellation: Payment.SucceededPaymentCancellation = {
      status: 'SUCCEEDED',
      id: randomUUID(),
      pgCancellationId: token('pg-cancel'),
      totalAmount: amount,
      taxFreeAmount: 0,
      vatAmount: Math.floor(amount / 11),
      reason: body.reason,
      cancelledAt: iso(now),
      requestedAt: iso(now),
      trigger: 'API',
    };
    record.cancellations.push(cancellation);
    if (body.refundAccount) record.refundAccounts.push({ ...body.refundAccount });
    record.cancelled += amount;
    const full = record.cancelled === record.paid;
    Object.assign(record, { status: full ? 'CANCELLED' : 'PARTIAL_CANCELLED', cancelledAt: now, updatedAt: now, statusChangedAt: now });
    if (!body.skipWebhook) this.emit(record, full ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled', cancellation.id);
    return { cancellation };
  }

  /** 가상계좌 말소: the account stops taking deposits and the payment is cancelled unpaid. */
  closeVirtualAccount(paymentId: string): Payment.CloseVirtualAccountResponse {
    const record = this.record(paymentId);
    if (record.status !== 'VIRTUAL_ACCOUNT_ISSUED') {
      throw new PortOneApiError('PAYMENT_NOT_WAITING_FOR_DEPOSIT', `결제 건이 입금 대기 상태가 아닙니다 (${record.status}).`);
    }
    const now = this.deps.now();
    Object.assign(record, { status: 'CANCELLED', virtualAccountClosedAt: now, cancelledAt: now, updatedAt: now, statusChangedAt: now });
    return { closedAt: iso(now) };
  }

  private record(paymentId: string): PaymentRecord {
    const record = this.payments.get(paymentId);
    if (!record) throw new PortOneApiError('PAYMENT_NOT_FOUND', `결제 건(${paymentId})이 존재하지 않습니다.`);
    return record;
  }

  private markPaid(record: PaymentRecord, now: Date) {
    Object.assign(record, { status: 'PAID', paid: record.total, paidAt: now, updatedAt: now, statusChangedAt: now });
    this.emit(record, 'Transaction.Paid');
  }

  private emit(record: PaymentRecord, type: TransactionWebhookType, cancellationId?: string) {
    this.deps.onTransition({
      type,
      paymentId: record.id,
      storeId: record.storeId,
      transactionId: record.transactionId,
      cancellationId,
      paymentStatus: record.status,
    });
  }

  private methodOf(method: CheckoutMethod, request: CheckoutRequest, now: Date): Payment.PaymentMethod {
    if (method === 'card') {
      return {
        type: 'PaymentMethodCard',
        card: { publisher: 'SHINHAN', issuer: 'SHINHAN', brand: 'LOCAL', type: 'CREDIT', ownerType: 'PERSONAL', bin: '45184200', name: '신한카드', number: '45184200****1234' },
        approvalNumber: String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0'),
        installment: { month: 0, isInterestFree: false },
        pointUsed: false,
      };
    }
    if (method === 'virtual_account') {
      const expiry = request.virtualAccountExpiry;
      const expiresAt = expiry?.dueDate
        ? new Date(expiry.dueDate)
        : new Date(now.getTime() + (expiry?.validHours ?? DEFAULT_ACCOUNT_VALID_HOURS) * 3_600_000);
      return {
        type: 'PaymentMethodVirtualAccount',
        bank: 'SHINHAN',
        accountNumber: `5620${String(randomBytes(4).readUInt32BE() % 10_000_000_000).padStart(10, '0')}`,
        accountType: 'NORMAL',
        remitteeName: 'OpenSeat',
        expiredAt: iso(expiresAt),
        issuedAt: iso(now),
      };
    }
    return {
      type: 'PaymentMethodEasyPay',
      provider: EASY_PAY_PROVIDERS[method],
      easyPayMethod: { type: 'PaymentMethodEasyPayMethodCharge' },
    };
  }

  private view(record: PaymentRecord): Payment.Payment {
    const common = {
      id: record.id,
      transactionId: record.transactionId,
      merchantId: 'merchant-stand-in',
      storeId: record.storeId,
      method: record.method,
      channel: CHANNEL,
      version: 'V2',
      webhooks: this.deps.webhooksOf(record.id),
      requestedAt: iso(record.requestedAt),
      updatedAt: iso(record.updatedAt),
      statusChangedAt: iso(record.statusChangedAt),
      orderName: record.orderName,
      amount: {
        total: record.total,
        taxFree: 0,
        vat: Math.floor(record.total / 11),
        supply: record.total - Math.floor(record.total / 11),
        discount: 0,
        paid: record.paid,
        cancelled: record.cancelled,
        cancelledTaxFree: 0,
      },
      currency: record.currency,
      customer: record.customer,
      customData: record.customData,
    } satisfies Partial<Payment.PaidPayment>;
    const paidAt = record.paidAt && iso(record.paidAt);
    switch (record.status) {
      case 'READY':
        return { ...common, status: 'READY' };
      case 'PAY_PENDING':
        return { ...common, status: 'PAY_PENDING', pgTxId: record.pgTxId };
      case 'VIRTUAL_ACCOUNT_ISSUED':
        return { ...common, status: 'VIRTUAL_ACCOUNT_ISSUED', pgTxId: record.pgTxId };
      case 'FAILED':
        return { ...common, status: 'FAILED', failedAt: iso(record.failedAt!), failure: record.failure! };
      case 'PAID':
        return { ...common, status: 'PAID', paidAt: paidAt!, pgTxId: record.pgTxId, disputes: [], receiptUrl: undefined };
      case 'PARTIAL_CANCELLED':
      case 'CANCELLED':
        return {
          ...common,
          status: record.status,
          paidAt,
          pgTxId: record.pgTxId,
          cancellations: record.cancellations,
          cancelledAt: iso(record.cancelledAt!),
        };
    }
  }
}
