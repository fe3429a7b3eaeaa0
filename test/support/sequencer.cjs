// Jest's order of test files. Jest runs the slowest files first from the durations in its cache,
// but a fresh clone (CI) has no cache and jest falls back to file size: the malformed-request
// sweep, a short file that runs for over a minute, then started halfway and ended the run alone on
// one of the two workers. Files without a cached duration take the figure below, measured on a
// fresh-clone run (seconds, 2 workers); a file not listed counts as a typical one.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const MEASURED_SECONDS = {
  'test/platform/malformed-sweep.test.ts': 97,
  'test/platform/contract-sweep.test.ts': 92,
  'test/ledger/import-documents.test.ts': 45,
  'test/customers/import.test.ts': 35,
  'test/seeds/demo-ledger.test.ts': 35,
  'test/reports/dashboard-reconciles.test.ts': 26,
  'test/integrations/webhooks.test.ts': 17,
  'test/customers/demo-seed.test.ts': 16,
  'test/ledger/bulk-generate.test.ts': 16,
  'test/platform/auth.test.ts': 12,
  'test/ledger/billing-requests.test.ts': 11,
  'test/ledger/concurrency.test.ts': 10,
  'test/db/replica.test.ts': 3,
  'test/integrations/billing-client.test.ts': 3,
  'test/platform/db-outage.test.ts': 3,
  'test/ledger/withholding-layouts.test.ts': 2,
  'test/platform/tenant-share.test.ts': 1,
  'test/db/foreign-key-indexes.test.ts': 1,
  'test/db/distribution.test.ts': 1,
};
const TYPICAL_SECONDS = 7;

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const rel = path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/');
    // Among unlisted files, the larger first (as jest does without a cache).
    const size = test.context.hasteFS.getSize(test.path) ?? 0;
    return (MEASURED_SECONDS[rel] ?? TYPICAL_SECONDS) * 1000 + size / 1000;
  }
}

module.exports = SlowFirstSequencer;
