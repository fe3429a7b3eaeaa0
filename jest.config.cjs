/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.cjs' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/after-env.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  // One more worker than the CI machine's two cores: a worker spends part of each request waiting on
  // PostgreSQL (about 0.85 of a core busy between them), and the third fills those gaps.
  maxWorkers: 3,
  // Compiles each module once per worker (V8's code cache), not once per test file: see the file.
  runtime: '<rootDir>/test/support/runtime.cjs',
  // The slowest files first even without jest's cache (a fresh clone): see the file.
  testSequencer: '<rootDir>/test/support/sequencer.cjs',
  // A safety net against a hung test, not a timing: on a loaded machine the heavy files need minutes.
  testTimeout: 180_000,
};
