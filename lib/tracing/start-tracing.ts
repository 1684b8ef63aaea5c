// Turns tracing on for one process (a worker, the Next server, a test): a tracer provider with
// the async-hooks context manager and the W3C trace-context propagator, spans exported over
// OTLP/HTTP (or to the exporter a test passes), and Prisma's spans for every query. Without this
// call the OpenTelemetry API stays a no-op and costs next to nothing on the hot paths.
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';

export type TracingOptions = {
  serviceName: string;
  /** e.g. http://collector:4318 (the collector sidecar); spans go to `<endpoint>/v1/traces`. */
  otlpEndpoint?: string;
  /** Exports each span as it ends (tests read them from an in-memory exporter). */
  exporter?: SpanExporter;
  attributes?: Record<string, string>;
};

export type Tracing = { provider: NodeTracerProvider; shutdown(): Promise<void> };

export function startTracing(options: TracingOptions): Tracing {
  const processors = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, ...options.attributes }),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  // Prisma reports its operations and SQL statements to whichever provider is enabled here.
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  return {
    provider,
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
    },
  };
}
