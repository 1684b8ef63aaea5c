// The one settle step. The browser's completion call, the webhook and the reconciler all land
// here with nothing but a payment id (and, on a manual-confirm channel, the browser's payment
// token): the payment is fetched from PortOne, never taken from a request body, then checked —
// store, currency, amount, that it is the payment of this reservation — and recorded.
//   PAID                   → one transaction: our payment PAID + `payment.settled` (outbox); the
//                            reservations role confirms the reservation from that event.
//   VIRTUAL_ACCOUNT_ISSUED → the reservation waits for the deposit (AWAITING_DEPOSIT) until the
//                            account's deadline; the fan gets the account details.
//   PAY_PENDING            → (manual confirm) confirmed at PortOne only while the reservation is
//                            PENDING and inside its deadline; otherwise refused, nothing captured.
//   FAILED                 → our payment FAILED; the reservation stays payable until its deadline.
// Any mismatch is compensated (compensate-payment.ts). Racing settles serialise on the
// reservation's and the payment's row locks; every write is guarded by the state it expects, so
// the second settle finds the work done and has no effect.
import { z } from 'zod';
import type { Prisma } from '../db/create-prisma';
import { appendEvent } from '../events/append-event';
import { notFound } from '../errors/app-error';
import { compensatePayment } from './compensate-payment';
import { describePortOnePayment, type PortOnePaymentFacts } from './describe-portone-payment';
import type { PaymentDeps } from './payment-deps';
import { portoneErrorType } from './portone-error-type';
import { SETTLE_TX } from './settle-tx-options';

export const SettlePaymentInput = z.object({
  paymentId: z.string().min(1).max(200),
  /** Manual-confirm channels: the token PortOne's window handed the browser. */
  paymentToken: z.string().min(1).max(500).optional(),
  txId: z.string().min(1).max(200).optional(),
});
export type SettlePaymentInput = z.infer<typeof SettlePaymentInput>;

export type SettleOutcome = 'paid' | 'pending' | 'virtual_account_issued' | 'failed' | 'refused' | 'cancelled';
export type SettleResult = { paymentId: string; reservationId: string | null; outcome: SettleOutcome; reason?: string };

type OurPayment = {
  id: string;
  portonePaymentId: string;
  userId: string;
  reservationId: string | null;
  amountKrw: number;
  bookingFeeKrw: number;
  currency: string;
  status: string;
  cancelReason: string | null;
  virtualAccountDueAt: Date | null;
};

const PAYABLE = new Set(['PENDING', 'AWAITING_DEPOSIT']);

export async function settlePayment(deps: PaymentDeps, input: SettlePaymentInput, now = new Date()): Promise<SettleResult> {
  const { paymentId, paymentToken, txId } = SettlePaymentInput.parse(input);
  const ours = await deps.db.payment.findUnique({ where: { portonePaymentId: paymentId } });
  if (!ours) throw notFound('Payment');
  const result = (outcome: SettleOutcome, reason?: string): SettleResult => ({ paymentId, reservationId: ours.reservationId, outcome, ...(reason ? { reason } : {}) });
  if (ours.status === 'PAID') return result('paid');
  if (ours.status === 'CANCELLED' || ours.status === 'PARTIAL_CANCELLED') return result('cancelled', ours.cancelReason ?? undefined);

  let remote = await fetchFacts(deps, paymentId);
  if (!remote) return result('pending');
  if (ours.cancelReason) {
    await compensatePayment(deps, ours, remote, ours.cancelReason, now);
    return result('cancelled', ours.cancelReason);
  }
  const mismatch = mismatchOf(deps, ours, remote);
  if (mismatch && remote.status !== 'READY' && remote.status !== 'FAILED') {
    if (remote.status === 'PAY_PENDING') return refuse(deps, ours, mismatch, now).then(() => result('refused', mismatch));
    await compensatePayment(deps, ours, remote, mismatch, now);
    return result('cancelled', mismatch);
  }

  if (remote.status === 'PAY_PENDING') {
    if (!deps.config.manualConfirm || !paymentToken) {
      await deps.db.payment.updateMany({ where: { id: ours.id, status: 'READY' }, data: { status: 'PAY_PENDING' } });
      return result('pending');
    }
    const refusal = await confirmRefusal(deps, ours, now);
    if (refusal) {
      await refuse(deps, ours, refusal, now);
      return result('refused', refusal);
    }
    await deps.portone.payment.confirmPayment({ paymentId, paymentToken, txId, totalAmount: ours.amountKrw, currency: 'KRW' });
    remote = (await fetchFacts(deps, paymentId))!;
  }

  switch (remote.status) {
    case 'PAID':
      return settlePaid(deps, ours, remote, now).then(({ outcome, reason }) => result(outcome, reason));
    case 'VIRTUAL_ACCOUNT_ISSUED':
      return recordVirtualAccount(deps, ours, remote, now).then(({ outcome, reason }) => result(outcome, reason));
    case 'FAILED':
      await markFailed(deps, ours, remote.failureReason ?? 'failed at PortOne');
      return result('failed', remote.failureReason ?? undefined);
    case 'CANCELLED':
    case 'PARTIAL_CANCELLED':
      await deps.db.payment.updateMany({
        where: { id: ours.id, status: { in: ['READY', 'PAY_PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'FAILED'] } },
        data: { status: 'CANCELLED', cancelledKrw: remote.cancelledKrw, cancelledAt: now, liveReservationId: null },
      });
      return result('cancelled');
    default:
      return result('pending');
  }
}

async function fetchFacts(deps: PaymentDeps, paymentId: string): Promise<PortOnePaymentFacts | null> {
  try {
    return describePortOnePayment(await deps.portone.payment.getPayment({ paymentId }));
  } catch (error) {
    // Pre-registered but the window never opened: PortOne has no payment yet.
    if (portoneErrorType(error) === 'PAYMENT_NOT_FOUND') return null;
    throw error;
  }
}

/** What makes the fetched payment not the one we asked for; null when it is. */
function mismatchOf(deps: PaymentDeps, ours: OurPayment, remote: PortOnePaymentFacts): string | null {
  if (remote.storeId !== null && remote.storeId !== deps.portone.storeId) return `store mismatch: ${remote.storeId}`;
  if (remote.currency !== null && remote.currency !== ours.currency) return `currency mismatch: ${remote.currency}`;
  if (remote.customData) {
    const claimed = parseReservationId(remote.customData);
    if (claimed !== ours.reservationId) return 'payment belongs to another reservation';
  }
  if (remote.totalKrw !== ours.amountKrw) return `amount mismatch: PortOne ${remote.totalKrw} KRW, ours ${ours.amountKrw} KRW`;
  if (remote.status === 'PAID' && remote.paidKrw !== ours.amountKrw) return `amount mismatch: paid ${remote.paidKrw} KRW, ours ${ours.amountKrw} KRW`;
  return null;
}

function parseReservationId(customData: string): string | null {
  try {
    const parsed = JSON.parse(customData) as { reservationId?: unknown };
    return typeof parsed.reservationId === 'string' ? parsed.reservationId : null;
  } catch {
    return null;
  }
}

/** Why a manual-confirm payment must not be captured now, or null when its reservation still waits for it. */
async function confirmRefusal(deps: PaymentDeps, ours: OurPayment, now: Date): Promise<string | null> {
  if (!ours.reservationId) return 'not a reservation payment';
  const reservation = await deps.db.reservation.findUnique({ where: { id: ours.reservationId }, select: { status: true, paymentDeadline: true } });
  if (!reservation || reservation.status !== 'PENDING') return `reservation ${reservation?.status.toLowerCase() ?? 'missing'}`;
  if (reservation.paymentDeadline.getTime() <= now.getTime()) return 'payment deadline passed';
  const live = await deps.db.payment.findUnique({ where: { liveReservationId: ours.reservationId }, select: { id: true } });
  if (live && live.id !== ours.id) return 'another payment is live for this reservation';
  return null;
}

/** Manual confirm refused: nothing was captured (PortOne voids an unconfirmed authorisation). */
async function refuse(deps: PaymentDeps, ours: OurPayment, reason: string, now: Date): Promise<void> {
  const updated = await deps.db.payment.updateMany({
    where: { id: ours.id, status: { in: ['READY', 'PAY_PENDING'] } },
    data: { status: 'FAILED', failureReason: `refused at confirm: ${reason}`, cancelledAt: now, liveReservationId: null },
  });
  if (updated.count > 0) {
    await deps.notify({ userId: ours.userId, kind: 'payment_refused', reservationId: ours.reservationId, paymentId: ours.portonePaymentId, facts: { reason } });
  }
}

async function markFailed(deps: PaymentDeps, ours: OurPayment, reason: string): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const updated = await tx.payment.updateMany({
      where: { id: ours.id, status: { in: ['READY', 'PAY_PENDING'] } },
      data: { status: 'FAILED', failureReason: reason.slice(0, 500), liveReservationId: null },
    });
    if (updated.count > 0) {
      await appendEvent(tx, { type: 'payment.failed', aggregateId: ours.id, payload: { paymentId: ours.id, reservationId: ours.reservationId, reason: reason.slice(0, 500) } });
    }
  }, SETTLE_TX);
}

type Locked = { reservation: { status: string; payment_deadline: Date } | undefined; payment: { status: string; live_reservation_id: string | null } };

/** Locks the reservation, then the payment (always this order, so two settles never deadlock). */
async function lockBoth(tx: Prisma.TransactionClient, ours: OurPayment): Promise<Locked> {
  const [reservation] = ours.reservationId
    ? await tx.$queryRaw<{ status: string; payment_deadline: Date }[]>`
        SELECT status::text AS status, payment_deadline FROM ticket.reservations WHERE id = ${ours.reservationId}::uuid FOR UPDATE`
    : [];
  const [payment] = await tx.$queryRaw<{ status: string; live_reservation_id: string | null }[]>`
    SELECT status::text AS status, live_reservation_id FROM payment.payments WHERE id = ${ours.id}::uuid FOR UPDATE`;
  return { reservation, payment: payment! };
}

/** Whether this payment may take (or holds) the reservation's one live-payment slot. */
async function slotRefusal(tx: Prisma.TransactionClient, ours: OurPayment, locked: Locked): Promise<string | null> {
  if (!locked.reservation || !PAYABLE.has(locked.reservation.status)) return `reservation ${locked.reservation?.status.toLowerCase() ?? 'missing'}: its seats are no longer held`;
  if (locked.payment.live_reservation_id === ours.reservationId) return null;
  const other = await tx.payment.findUnique({ where: { liveReservationId: ours.reservationId! }, select: { id: true } });
  return other ? 'another payment is live for this reservation' : null;
}

async function settlePaid(deps: PaymentDeps, ours: OurPayment, remote: PortOnePaymentFacts, now: Date): Promise<{ outcome: SettleOutcome; reason?: string }> {
  const decision = await deps.db.$transaction(async (tx) => {
    const locked = await lockBoth(tx, ours);
    if (locked.payment.status === 'PAID') return { kind: 'done' as const };
    const refusal = await slotRefusal(tx, ours, locked);
    if (refusal) return { kind: 'compensate' as const, reason: refusal };
    await tx.payment.update({
      where: { id: ours.id },
      data: {
        status: 'PAID',
        paidAt: now,
        liveReservationId: ours.reservationId,
        method: remote.method,
        easyPayProvider: remote.easyPayProvider,
        methodDetail: (remote.methodDetail ?? undefined) as Prisma.InputJsonValue | undefined,
        pgTxId: remote.pgTxId,
      },
    });
    await appendEvent(tx, {
      type: 'payment.settled',
      aggregateId: ours.id,
      payload: {
        paymentId: ours.id,
        userId: ours.userId,
        reservationId: ours.reservationId,
        membershipId: null,
        amountKrw: ours.amountKrw,
        bookingFeeKrw: ours.bookingFeeKrw,
        paidAt: now.toISOString(),
      },
    });
    return { kind: 'settled' as const };
  }, SETTLE_TX);
  if (decision.kind === 'compensate') {
    await compensatePayment(deps, ours, remote, decision.reason, now);
    return { outcome: 'cancelled', reason: decision.reason };
  }
  if (decision.kind === 'settled') {
    await deps.notify({ userId: ours.userId, kind: 'payment_confirmed', reservationId: ours.reservationId, paymentId: ours.portonePaymentId, facts: { amountKrw: ours.amountKrw, method: remote.method } });
  }
  return { outcome: 'paid' };
}

async function recordVirtualAccount(deps: PaymentDeps, ours: OurPayment, remote: PortOnePaymentFacts, now: Date): Promise<{ outcome: SettleOutcome; reason?: string }> {
  const account = remote.virtualAccount;
  // The window may have been asked for a later deadline than ours (a tampered request): ours wins,
  // and the payments role closes the account when it passes.
  const offered = ours.virtualAccountDueAt;
  const dueAt = offered && account?.expiresAt && account.expiresAt < offered ? account.expiresAt : offered;
  const decision = await deps.db.$transaction(async (tx) => {
    const locked = await lockBoth(tx, ours);
    if (locked.payment.status === 'VIRTUAL_ACCOUNT_ISSUED' || locked.payment.status === 'PAID') return { kind: 'done' as const };
    if (!account || !dueAt) return { kind: 'compensate' as const, reason: 'virtual account was not offered for this reservation' };
    const refusal = (await slotRefusal(tx, ours, locked)) ?? (locked.reservation!.status !== 'PENDING' || locked.reservation!.payment_deadline <= now ? 'payment deadline passed before the account was issued' : null);
    if (refusal) return { kind: 'compensate' as const, reason: refusal };
    await tx.reservation.update({ where: { id: ours.reservationId! }, data: { status: 'AWAITING_DEPOSIT', paymentDeadline: dueAt } });
    await tx.payment.update({
      where: { id: ours.id },
      data: {
        status: 'VIRTUAL_ACCOUNT_ISSUED',
        liveReservationId: ours.reservationId,
        method: 'VIRTUAL_ACCOUNT',
        methodDetail: (remote.methodDetail ?? undefined) as Prisma.InputJsonValue | undefined,
        virtualAccountBank: account.bank,
        virtualAccountNumber: account.accountNumber,
        virtualAccountHolder: account.holder,
        virtualAccountDueAt: dueAt,
      },
    });
    return { kind: 'issued' as const };
  }, SETTLE_TX);
  if (decision.kind === 'compensate') {
    await compensatePayment(deps, ours, remote, decision.reason, now);
    return { outcome: 'cancelled', reason: decision.reason };
  }
  if (decision.kind === 'issued') {
    await deps.notify({
      userId: ours.userId,
      kind: 'virtual_account_issued',
      reservationId: ours.reservationId,
      paymentId: ours.portonePaymentId,
      facts: { bank: account!.bank, accountNumber: account!.accountNumber, holder: account!.holder, dueAt: dueAt!.toISOString(), amountKrw: ours.amountKrw },
    });
  }
  return { outcome: 'virtual_account_issued' };
}
