module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'notifications',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
