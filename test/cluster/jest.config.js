// `npm run test:cluster`: `npm run cluster` itself (real Temporal services as processes, two workers, two
// API replicas behind the proxy) started by the test, then processes killed under it. Minutes long and
// heavy on a small machine, so not part of `npm test`: its *.cluster-spec.ts files match no other config.
module.exports = {
  ...require('../../infra/jest/preset'),
  displayName: 'cluster',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.cluster-spec.ts'],
  // The first run may build the Temporal server with Go (minutes); every kill waits for a restart.
  testTimeout: 900_000,
};
