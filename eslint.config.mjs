// One lint config for every project. Type-aware rules catch floating promises (lost errors in
// Nest providers, unawaited workflow calls); workflow code is kept free of I/O and Node built-ins.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { moduleBoundariesPlugin } from './infra/eslint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.temporal-cli/**', 'apps/web/dist/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Deterministic code: the workflows (the product's and the bench's baseline) and the domain rules they run.
    files: ['workflows/src/**/*.ts', 'libs/domain/src/**/*.ts', 'bench/**/*.workflow.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)].map((name) => ({ name, message: 'workflow code must not use Node built-ins' })),
          patterns: [
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@nestjs/*', 'typeorm', 'pg'], message: 'workflow code must not do I/O' },
            { group: ['@zhengdun/persistence', '@zhengdun/activities', '@zhengdun/temporal', '@zhengdun/config'], message: 'workflow code may use only @zhengdun/domain' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' }, { name: 'setInterval', message: 'use durable timers' }],
    },
  },
  {
    // Module boundaries (project tags in each project.json; bench and infra are folders, not projects).
    // The domain imports nothing of ours, the workflows only the domain; libs never an app or infra;
    // an app never another app; tests and the bench may import anything.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { zhengdun: moduleBoundariesPlugin },
    rules: {
      'zhengdun/module-boundaries': [
        'error',
        {
          extraProjects: [
            { name: 'bench', root: 'bench', tags: ['type:bench'] },
            { name: 'infra', root: 'infra', tags: ['type:infra'] },
          ],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:workflows', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:workflows', 'type:domain'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib', 'type:workflows', 'type:domain'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['*'] },
          ],
          forbiddenPaths: [
            {
              from: 'apps/api/src/core',
              to: 'apps/api/src/modules',
              message: "the API's shared machinery must not depend on a business module (a module registers with core, not the other way round)",
            },
          ],
        },
      ],
    },
  },
);
