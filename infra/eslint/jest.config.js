// Specs of the workspace's own lint rules (the module boundaries npm test enforces).
module.exports = {
  ...require('../jest/preset'),
  displayName: 'lint-rules',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
