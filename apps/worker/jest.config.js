module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'worker',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
