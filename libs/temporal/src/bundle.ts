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

export function bundleCaseWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, webpackConfigHook });
}
