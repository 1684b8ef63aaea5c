// Playwright drives the platform started the way a user starts it: `npm start` on the embedded
// defaults (the machine's DATABASE_URL / REDIS_URL are blanked for the server), in a throwaway
// data folder. Debian's chromium, never a downloaded browser.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3900);
const WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? 4900);

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds Vitest's report.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    // English unless a test asks for Korean: the specs match English labels; e2e/journey.spec.ts runs both.
    locale: 'en-US',
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 45_000 },
    env: {
      ...(process.env as Record<string, string>),
      DATABASE_URL: '',
      REDIS_URL: '',
      KAFKA_BROKERS: '',
      PORT: String(PORT),
      WORKER_PORT: String(WORKER_PORT),
      OPENSEAT_DATA_DIR: '.data-e2e',
      OPENSEAT_EPHEMERAL: 'true',
      // The demo's shows are two to six weeks out: the door opens 60 days ahead so the ticket
      // and transfer specs can scan the tickets they just bought or received.
      CHECK_IN_OPENS_MINUTES_BEFORE: String(60 * 24 * 60),
    },
  },
});
