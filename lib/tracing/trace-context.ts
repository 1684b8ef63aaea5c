// A trace's context as one W3C `traceparent` string: what the outbox stores with an event and
// what the relay puts in the Kafka header, so a consumer's span joins the request's trace.
// Without a registered tracer provider every function here is a no-op (no string, no span).
import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

/** The active span's traceparent, or undefined when nothing is being traced. */
export function currentTraceparent(active: Context = context.active()): string | undefined {
  if (!trace.getSpanContext(active)) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

/** The context a span continues from, given a stored or received traceparent. */
export function contextOfTraceparent(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}
