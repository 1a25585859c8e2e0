// Node-side checks of the web app (no browser): its generated API types. The browser tests are test/web/*.e2e-spec.ts.
module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
