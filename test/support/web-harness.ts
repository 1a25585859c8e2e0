/**
 * The web UI (apps/web/dist) on the same origin as a real Supervisor API (startApiHarness), as
 * production has it: the API serves the built files under `/` with index.html for page navigations
 * (Accept: text/html), and development tokens at /dev/tokens. This builds the UI when its build is
 * missing or stale, and starts the API on it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startApiHarness, type ApiHarness, type ApiHarnessOptions } from './api-harness';

const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');

function newestMtime(dir: string, skip: RegExp): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.test(full)) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds apps/web when dist is missing or older than its sources (`npm test` builds it first). */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'apps/web/src'), /$^/),
    fs.statSync(path.join(ROOT, 'apps/web/index.html')).mtimeMs,
    fs.statSync(path.join(ROOT, 'apps/web/vite.config.ts')).mtimeMs,
    newestMtime(path.join(ROOT, 'libs/domain/src'), /\.spec\.ts$|[\\/]testing[\\/]/),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`vite build of apps/web failed:\n${result.stderr || result.stdout || result.error?.message}`);
}

export interface WebHarness {
  api: ApiHarness;
  /** Where the browser goes: the API itself. */
  url: string;
  stop: () => Promise<void>;
}

export async function startWebHarness(name: string, options: ApiHarnessOptions = {}): Promise<WebHarness> {
  ensureWebBuild();
  const api = await startApiHarness(name, { ...options, webRoot: WEB_DIST });
  if (!api.api.webUi) {
    await api.stop();
    throw new Error(`the API does not serve the web UI from ${WEB_DIST}`);
  }
  return { api, url: api.url, stop: () => api.stop() };
}
