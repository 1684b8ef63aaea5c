// The `type` of a PortOne REST error (PAYMENT_NOT_FOUND, PAYMENT_ALREADY_CANCELLED, …), or null
// when the error did not come from PortOne's API (a network failure, a timeout).
import { RestError } from '@portone/server-sdk';

export function portoneErrorType(error: unknown): string | null {
  if (!(error instanceof RestError)) return null;
  const data = (error as RestError & { data?: { type?: unknown } }).data;
  return typeof data?.type === 'string' ? data.type : null;
}
