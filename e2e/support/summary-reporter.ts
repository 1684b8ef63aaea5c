// Writes Playwright's counts to test-results/playwright-summary.json so `npm test` can print
// one plain "N passed, N failed" line for both test runners (CI reads that line).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    const willRetry = result.status !== 'passed' && result.status !== 'skipped' && result.retry < test.retries;
    if (willRetry) return;
    const outcome = test.outcome();
    if (outcome === 'skipped') this.skipped++;
    else if (outcome === 'unexpected') this.failed++;
    else this.passed++;
  }

  onEnd(result: FullResult) {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/playwright-summary.json', JSON.stringify({ passed: this.passed, failed: this.failed, skipped: this.skipped, status: result.status }));
  }
}
