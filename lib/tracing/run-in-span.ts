// Runs `fn` inside a new active span (so the spans of whatever it calls — Prisma queries, Redis
// scripts — become its children), records a thrown error on it, and ends it either way.
import { context, SpanStatusCode, trace, type Attributes, type Context, type Link, type SpanKind } from '@opentelemetry/api';

const tracer = trace.getTracer('openseat');

export function runInSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Context; links?: Link[] }, fn: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: options.kind, attributes: options.attributes, links: options.links }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
