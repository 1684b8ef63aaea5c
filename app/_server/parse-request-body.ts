// The one place a gateway route's JSON body is read: once, at the edge, failing loudly. A body
// that is not JSON answers 400 naming the body (never a silent `{}` that the worker API would
// then judge as "field missing"), a body sent as another media type 415, an oversized one 413.
import { AppError } from '../../lib/errors/app-error';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The worker API's own default (Fastify's bodyLimit): the gateway refuses no less than it accepts. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`, { field: 'body', maxBytes });

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The parsed JSON body, or undefined when the request has none (the worker API's schema decides). */
export async function parseRequestBody(request: Request, { maxBytes = DEFAULT_MAX_BODY_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readCapped(request, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    throw new AppError('unsupported_media_type', 'The request body must be sent as application/json', { field: 'body', contentType: contentType || null });
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON', { field: 'body', reason: 'invalid_json' });
  }
}
