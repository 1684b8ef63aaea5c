// Runs once when the Next server starts: parses the web configuration (a bad environment stops
// the server at boot, not at its first request) and logs which optional features are off, such
// as the bot check without RECAPTCHA_SECRET. With OTEL_EXPORTER_OTLP_ENDPOINT set it also turns
// tracing on: Next's own request spans, the gateway's spans and the `traceparent` it forwards to
// the worker API all land in one trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { webConfig } = await import('./app/_server/config');
  const config = webConfig();
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import('./lib/tracing/start-tracing');
    startTracing({ serviceName: 'openseat-web', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  }
}
