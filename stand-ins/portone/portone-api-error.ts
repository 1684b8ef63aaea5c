// PortOne's error answer: `{ type, message }` with the HTTP status PortOne gives that type. The
// SDK throws its typed error from this body (`CancelPaymentError.data.type`, …).
const STATUS_BY_TYPE = {
  INVALID_REQUEST: 400,
  INFORMATION_MISMATCH: 400,
  INVALID_PAYMENT_TOKEN: 400,
  MAX_WEBHOOK_RETRY_COUNT_REACHED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYMENT_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  ALREADY_PAID: 409,
  PAYMENT_NOT_PAID: 409,
  PAYMENT_ALREADY_CANCELLED: 409,
  PAYMENT_NOT_WAITING_FOR_DEPOSIT: 409,
  CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT: 409,
  CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN: 409,
  PG_PROVIDER: 502,
} as const;

export type PortOneErrorType = keyof typeof STATUS_BY_TYPE;

export class PortOneApiError extends Error {
  readonly status: number;
  constructor(
    readonly type: PortOneErrorType,
    message: string,
  ) {
    super(message);
    this.status = STATUS_BY_TYPE[type];
  }

  toBody() {
    return { type: this.type, message: this.message };
  }
}
