module.exports = {
  ...require('../infra/jest/preset'),
  displayName: 'workflows',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 120_000,
};
