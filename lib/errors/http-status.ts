// The single table from error code to HTTP status, used by the worker API and the gateway.
import { z } from 'zod';
import { AppError, type ErrorCode } from './app-error';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; requestId?: string; [detail: string]: unknown };
};

/** Maps any thrown value to a status and a JSON body that never leaks a stack or internal message. */
export function toErrorResponse(error: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || undefined;
    const message = field ? `${field}: ${issue!.message}` : (issue?.message ?? 'invalid input');
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message, field, issues: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })), requestId } },
    };
  }
  if (error instanceof AppError) {
    // Details come first: a detail named `code`, `message` or `requestId` cannot mask the real ones.
    return { status: HTTP_STATUS[error.code], body: { error: { ...error.details, code: error.code, message: error.userMessage, requestId } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side', requestId } } };
}
