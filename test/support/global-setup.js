// Jest loads global setup with Node's own resolver, which knows nothing of the @zhengdun/* aliases
// that the test files get from moduleNameMapper: teach it them from the same tsconfig.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

tsconfigPaths.register({ baseUrl: path.resolve(__dirname, '../..'), paths: compilerOptions.paths });

module.exports = () => require('./shared-services').startSharedServices();
