// Runs once when the Next server starts: parses the web configuration (a bad environment stops
// the server at boot, not at its first request) and logs which optional features are off, such
// as the bot check without RECAPTCHA_SECRET. A bad environment prints one line naming each
// variable and exits 78 (EX_CONFIG, as the worker fleet does): left to Next, the error would
// come out as a stack trace. With OTEL_EXPORTER_OTLP_ENDPOINT set it also turns tracing on:
// Next's own request spans, the gateway's spans and the `traceparent` it forwards to the worker
// API all land in one trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { webConfig } = await import('./app/_server/config');
  const { ConfigError } = await import('./lib/config/parse-env');
  let config;
  try {
    config = webConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`web: ${error.message}`);
    process.exit(78);
  }
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import('./lib/tracing/start-tracing');
    startTracing({ serviceName: 'openseat-web', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  }
}
