/**
 * `npm start`: the whole stack on one machine. Embedded Postgres and the Temporal dev server
 * (SQLite file) unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere; then migrations, the worker
 * and the API, each restarted if it dies. Data lives in .data/ and survives restarts. Ctrl-C stops every child cleanly.
 * Development mode (ZHENGDUN_MODE=development): the dev sign-in exists, tokens are signed with the data
 * directory's own generated secret (.data/dev-jwt-secret) unless JWT_SECRET is set, and the API listens on
 * loopback only. Every other way of starting the apps is production.
 * `npm start -- --demo` also loads the demo county into an empty database once the stack answers
 * (infra/demo/seed-demo.ts); without `--demo` nothing is loaded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { ConfigError, dataDirectory, loadConfig, readOrCreateDataDirSecret, readOrCreateDevJwtSecret } from '@zhengdun/config';
import { migrate, startEmbeddedPostgres } from '@zhengdun/persistence';
import { bundleCaseWorkflows, startTemporalDevServer } from '@zhengdun/temporal';
import { seedDemo } from '../demo/seed-demo';

const repoRoot = path.resolve(__dirname, '../..');
/** Set once the environment is validated (ZHENGDUN_DATA_DIR is one of its variables). */
let dataDir: string;
const say = (line: string) => console.log(`[start] ${line}`);

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/** Builds the dashboard when its bundle is missing or older than its sources. */
function ensureDashboardBuilt(): void {
  const index = path.join(repoRoot, 'apps/web/dist/index.html');
  const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/domain/src'].map((p) => path.join(repoRoot, p));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  say('building the dashboard (apps/web)…');
  // By path: vite's package exports do not include bin/vite.js, so require.resolve refuses it.
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('the dashboard build failed (see above)');
}

/**
 * The worker's workflow bundle, built while Postgres and Temporal start (or kept from the last start
 * when no workflow or domain source is newer), so that the worker polls as soon as the API answers
 * instead of bundling after it.
 */
async function ensureWorkflowBundle(): Promise<string> {
  const bundlePath = path.join(dataDir, 'workflow-bundle.js');
  const sources = ['workflows/src', 'libs/domain/src'].map((p) => path.join(repoRoot, p));
  if (fs.existsSync(bundlePath) && fs.statSync(bundlePath).mtimeMs >= Math.max(...sources.map(newestMtime))) return bundlePath;
  const { code } = await bundleCaseWorkflows();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(`${bundlePath}.tmp`, code);
  fs.renameSync(`${bundlePath}.tmp`, bundlePath);
  return bundlePath;
}

const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 30_000;
/** An app that ran this long before dying is restarted after the first delay again. */
const RESTART_RESET_AFTER_MS = 60_000;

/**
 * Runs an app and restarts it when it dies while the stack is up: after 1 s, doubling while it keeps
 * dying soon after each start, at most 30 s apart; each exit and start is logged. The rest of the
 * stack stays up meanwhile (the cases' workflows wait in Temporal, the API answers what it can).
 */
function superviseApp(name: string, entry: string, env: NodeJS.ProcessEnv): void {
  let delayMs = RESTART_FIRST_MS;
  const launch = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    running.set(name, child);
    say(`${name} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > RESTART_RESET_AFTER_MS) delayMs = RESTART_FIRST_MS;
      say(`${name} exited (code ${code}, signal ${signal}); restarting in ${delayMs / 1000} s`);
      setTimeout(() => {
        if (!stopping) launch();
      }, delayMs);
      delayMs = Math.min(delayMs * 2, RESTART_MAX_MS);
    });
  };
  launch();
}

const stops: (() => Promise<void>)[] = [];
/** The apps' current processes, by name. */
const running = new Map<string, ChildProcess>();
let stopping = false;

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    [...running.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => say(`stop failed: ${String(error)}`));
  say('stopped');
  process.exit(exitCode);
}

/** Waits until GET /health answers 200 (Postgres and Temporal reachable from the API). */
async function waitUntilHealthy(api: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${api}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (stopping || Date.now() > deadline) throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  const demo = process.argv.slice(2).includes('--demo');
  // The demo campaign counts a few periods in seconds so that it moves while you watch (infra/demo);
  // only a --demo start lets the API accept such a policy.
  const devEnv: NodeJS.ProcessEnv = { ...process.env, ZHENGDUN_MODE: 'development', ...(demo ? { ALLOW_SECONDS_PERIODS: 'true' } : {}) };
  // Every variable is validated (libs/config) before anything is created or started.
  const given = loadConfig(devEnv);
  dataDir = dataDirectory(repoRoot, given);
  if (!given.auth.jwtSecret && !given.auth.jwksUrl) devEnv.JWT_SECRET = readOrCreateDevJwtSecret(dataDir);
  const config = loadConfig(devEnv);
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const workflowBundle = config.workflowBundlePath ? Promise.resolve(config.workflowBundlePath) : ensureWorkflowBundle();
  // Awaited below; a failure must not surface as an unhandled rejection meanwhile.
  workflowBundle.catch(() => undefined);

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const port = config.development.embeddedPostgresPort;
    say(`starting embedded Postgres on 127.0.0.1:${port} (data in ${path.join(dataDir, 'postgres')})`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port });
    stops.push(pg.stop);
    await ensureDatabase(pg.adminUrl, 'zhengdun');
    databaseUrl = pg.url('zhengdun');
  }

  let temporalAddress = config.temporal.address;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    const { temporalDevPort: port, temporalUiPort: uiPort, temporalCliPath: cliPath } = config.development;
    say(`starting the Temporal dev server on 127.0.0.1:${port} (history in ${path.join(dataDir, 'temporal.sqlite')})`);
    const temporal = await startTemporalDevServer({ port, uiPort, cliPath, dbFilename: path.join(dataDir, 'temporal.sqlite') });
    stops.push(temporal.stop);
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }

  ensureDashboardBuilt();
  const applied = await migrate(databaseUrl);
  say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  // The apps act as the application's role (created by the migrations): they can append to the audit trail, not rewrite it.
  const env = {
    DATABASE_APP_ROLE: 'zhengdun_app',
    ...devEnv,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    // Validated by loadConfig above when given.
    ACTOR_SIGNING_KEY: devEnv.ACTOR_SIGNING_KEY || readOrCreateDataDirSecret(dataDir, 'actor-signing-key'),
    AUDIT_HMAC_KEY: devEnv.AUDIT_HMAC_KEY || readOrCreateDataDirSecret(dataDir, 'audit-hmac-key'),
    WORKFLOW_BUNDLE_PATH: await workflowBundle,
  };
  superviseApp('worker', 'apps/worker/src/main.ts', env);
  superviseApp('api', 'apps/api/src/main.ts', env);

  // 127.0.0.1, not localhost: the API listens on IPv4 loopback only, and localhost may resolve to ::1.
  const api = `http://127.0.0.1:${config.port}`;
  const signer = config.auth.jwksUrl ? 'JWKS_URL (no dev sign-in)' : given.auth.jwtSecret ? 'JWT_SECRET' : path.join(dataDir, 'dev-jwt-secret');
  say(`development mode: tokens from ${signer}; the API listens on loopback only`);
  say(`API        ${api}  (health: ${api}/health, OpenAPI: ${api}/docs)`);
  say(`Dashboard  ${api}/`);
  if (temporalUi) say(`Temporal   ${temporalUi}`);
  say('Ctrl-C stops everything; data is kept for the next start.');
  if (demo) {
    await waitUntilHealthy(api, 120_000);
    say('healthy; loading the demo county (--demo)…');
    const result = await seedDemo(api, (line) => say(line)).catch((error: unknown) => {
      say(`demo: loading failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (result?.loaded) say(`demo loaded: ${result.cases - result.failed.length} organizations in campaign ${result.campaignId}; sign in at ${api}/ as 县委组织部（开发）`);
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  await stopAll(1);
});
