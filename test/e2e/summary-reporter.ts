import fs from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Writes test/e2e/results/summary.json ({"passed": N, "failed": N}) for CI, counting each test's final outcome. */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    for (const status of this.outcomes.values()) {
      if (status === 'passed') passed++;
      else if (status === 'skipped') continue;
      else failed++;
    }
    // A run that broke before any test (global setup) counts as a failure too.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    const file = path.join(__dirname, 'results', 'summary.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ passed, failed }) + '\n');
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
}
