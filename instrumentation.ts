// Runs once when the Next server starts: parses the web configuration (a bad environment stops
// the server at boot, not at its first request) and logs which optional features are off, such
// as the bot check without RECAPTCHA_SECRET.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { webConfig } = await import('./app/_server/config');
  webConfig();
}
