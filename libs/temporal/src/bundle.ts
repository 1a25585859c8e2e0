/**
 * Workflow bundling. The bundler's webpack does not read tsconfig paths, so the same hook that
 * teaches it the `@zhengdun/*` aliases is given to the worker and to `bundleWorkflowCode`.
 */
import path from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';
import { WORKFLOWS_PATH } from '@zhengdun/workflows';

const TSCONFIG = path.resolve(__dirname, '../../../tsconfig.base.json');

export const webpackConfigHook: NonNullable<BundleOptions['webpackConfigHook']> = (config) => {
  config.resolve = config.resolve ?? {};
  config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile: TSCONFIG, extensions: ['.ts', '.js'] })];
  return config;
};

/**
 * Modules instantiated once per worker and shared (deep-frozen) by every cached workflow, instead of
 * once per workflow: the domain's rules, labels and schemas and the libraries they build on hold no
 * per-case state, and their module scope touches no workflow API, clock or randomness. Without this,
 * each cached case carried its own copy of them (see bench/RESULTS.md, worker memory). The risk: a
 * shared module that kept per-case state would leak it between cases, and one that wrote to its own
 * exports would fail (they are frozen); the replay and lifecycle tests run with sharing on.
 * `WORKFLOW_SHARED_MODULES=off` when the bundle is built turns it off.
 */
export const SHARED_WORKFLOW_MODULES = ['zod', '@noble/hashes/hmac.js', '@noble/hashes/sha2.js', '@noble/hashes/utils.js', '@zhengdun/domain'];

export function bundleCaseWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  const shareModules = process.env.WORKFLOW_SHARED_MODULES !== 'off';
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook,
    ...(shareModules ? { preloadModules: SHARED_WORKFLOW_MODULES } : {}),
  });
}
