module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'temporal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
