// npm test — unit and integration tests (Vitest, against real PostgreSQL and Redis), then the
// Playwright tests against the platform started as a user starts it. Ends with one plain
// "N passed, N failed" line covering both, which is what CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright-summary.json', { force: true });

const run = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;

const vitestStatus = run(['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const playwrightStatus = run(['node_modules/@playwright/test/cli.js', 'test']);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else failed++;
if (existsSync('test-results/playwright-summary.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright-summary.json', 'utf8'));
  passed += p.passed;
  failed += p.failed;
  skipped += p.skipped;
} else failed++;

// A runner that died before reporting counts as a failure even if no test said so.
if ((vitestStatus !== 0 || playwrightStatus !== 0) && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
