module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'campaigns',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
