// `npm test`: every project's Jest config in one run, so the run ends with one summary.
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/workflows/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/test/jest.config.js'],
  reporters: ['default', '<rootDir>/infra/jest/plain-summary-reporter.js'],
};
