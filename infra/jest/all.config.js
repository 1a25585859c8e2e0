// `npm test`: every project's Jest config in one run, so the run ends with one summary.
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/workflows/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/test/jest.config.js', '<rootDir>/infra/eslint/jest.config.js'],
  reporters: ['default', '<rootDir>/infra/jest/plain-summary-reporter.js'],
  // Global-only options (Jest ignores them in a project's own config when run as one of many):
  // end-to-end tests drive real servers through timers of seconds.
  testTimeout: 180_000,
  passWithNoTests: true,
};
