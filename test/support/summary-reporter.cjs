// Writes {passed, failed} for .ci/run, which prints one line summing jest and the browser tests.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', '.tmp');
    fs.mkdirSync(dir, { recursive: true });
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    // CTACTE_JEST_SUMMARY names the file when CI runs the suite a second time (through PgBouncer).
    const file = process.env.CTACTE_JEST_SUMMARY || 'jest-summary.json';
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ passed: results.numPassedTests, failed }) + '\n');
  }
}

module.exports = SummaryReporter;
