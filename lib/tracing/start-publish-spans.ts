// The relay's side of a trace: one producer span per traced event, child of the context stored
// with it in the outbox, whose own traceparent replaces the stored one on the way out — so the
// consumer's span hangs under "publish", which hangs under the request that appended the event.
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { EventEnvelope } from '../events/catalog';
import { contextOfTraceparent, currentTraceparent } from './trace-context';

const tracer = trace.getTracer('openseat');

export type PublishSpans = { end(): void; fail(error: unknown): void };

export function startPublishSpans(events: EventEnvelope[]): PublishSpans {
  const spans: Span[] = [];
  for (const event of events) {
    if (!event.traceparent) continue;
    const span = tracer.startSpan(
      `publish ${event.topic}`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': event.topic, 'messaging.message.id': event.id, 'openseat.event.type': event.type } },
      contextOfTraceparent(event.traceparent),
    );
    event.traceparent = currentTraceparent(trace.setSpan(context.active(), span)) ?? event.traceparent;
    spans.push(span);
  }
  return {
    end: () => spans.forEach((span) => span.end()),
    fail(error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        span.end();
      }
    },
  };
}
