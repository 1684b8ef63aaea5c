// Fastify refuses some requests itself before a route runs: a body that is not JSON, one past
// the route's bodyLimit, a media type nothing parses. Its errors carry the right 4xx in
// `statusCode` but are not AppErrors, so the status table would turn them into 500s; this turns
// them into the project's refusals, naming the body, before they reach the table.
import { AppError } from '../../lib/errors/app-error';

type FastifyClientError = { code?: unknown; statusCode?: unknown };

/** The AppError for a Fastify client error (4xx), or the error itself when it is anything else. */
export function toClientError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error;
  const { code, statusCode } = error as FastifyClientError;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return error;
  if (statusCode === 413) return new AppError('payload_too_large', 'The request body is too large', { field: 'body' });
  if (statusCode === 415) return new AppError('unsupported_media_type', 'The request body must be sent as application/json', { field: 'body' });
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('bad_request', 'The request body is empty but declared as JSON', { field: 'body' });
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return new AppError('bad_request', 'The request body is not valid JSON', { field: 'body' });
  return new AppError('bad_request', 'The request could not be read', { fastifyCode: typeof code === 'string' ? code : undefined });
}
