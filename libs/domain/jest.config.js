module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'domain',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
