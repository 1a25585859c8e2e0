// End-to-end tests across apps, on a real Temporal dev server and real Postgres started once per run.
module.exports = {
  ...require('../infra/jest/preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  testTimeout: 180_000,
};
