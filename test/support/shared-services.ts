/**
 * Starts what every end-to-end test shares, once per run: Postgres (DATABASE_URL, or embedded
 * Postgres), the real Temporal dev server, and the workflow bundle. Each test file then makes its
 * own database and task queue, so files never see each other's cases.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '@zhengdun/persistence';
import { bundleCaseWorkflows, startTemporalDevServer } from '@zhengdun/temporal';

export async function startSharedServices(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-e2e-'));
  const stops: (() => Promise<void>)[] = [];

  if (process.env.DATABASE_URL) {
    process.env.ZD_TEST_PG_ADMIN_URL = process.env.DATABASE_URL;
  } else {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
    process.env.ZD_TEST_PG_ADMIN_URL = pg.adminUrl;
    stops.push(pg.stop);
  }

  const temporalPort = await freePort();
  const temporal = await startTemporalDevServer({ port: temporalPort, dbFilename: path.join(workDir, 'temporal.sqlite') });
  process.env.ZD_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.ZD_TEST_TEMPORAL_DB = path.join(workDir, 'temporal.sqlite');
  process.env.ZD_TEST_TEMPORAL_PORT = String(temporalPort);
  stops.unshift(temporal.stop);

  const bundle = await bundleCaseWorkflows();
  const bundlePath = path.join(workDir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, bundle.code);
  process.env.ZD_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.ZD_TEST_WORK_DIR = workDir;
  // The actor-signing key the run's API processes, clients and workers share.
  process.env.ZD_TEST_ACTOR_KEY = randomBytes(32).toString('hex');
  // The AUDIT_HMAC_KEY of the run's production-mode API processes (stable across their restarts).
  process.env.ZD_TEST_AUDIT_KEY = randomBytes(32).toString('hex');

  (globalThis as { __zhengdunStops?: typeof stops }).__zhengdunStops = stops;
}
