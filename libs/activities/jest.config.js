module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'activities',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
