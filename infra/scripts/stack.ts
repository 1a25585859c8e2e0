/**
 * What `npm start` (start.ts) and `npm run cluster` (cluster.ts) share: the development configuration
 * of a data directory, the builds they keep fresh (dashboard, workflow bundle), the apps' environment,
 * and a supervisor that restarts whatever dies and stops every child on Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { dataDirectory, loadConfig, readOrCreateDataDirSecret, readOrCreateDevJwtSecret, type AppConfig } from '@zhengdun/config';
import { bundleCaseWorkflows } from '@zhengdun/temporal';
import { seedDemo } from '../demo/seed-demo';

export const repoRoot = path.resolve(__dirname, '../..');

export type Say = (line: string) => void;

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
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
export function ensureDashboardBuilt(say: Say): void {
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
export async function ensureWorkflowBundle(dataDir: string): Promise<string> {
  const bundlePath = path.join(dataDir, 'workflow-bundle.js');
  const sources = ['workflows/src', 'libs/domain/src'].map((p) => path.join(repoRoot, p));
  if (fs.existsSync(bundlePath) && fs.statSync(bundlePath).mtimeMs >= Math.max(...sources.map(newestMtime))) return bundlePath;
  const { code } = await bundleCaseWorkflows();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(`${bundlePath}.tmp`, code);
  fs.renameSync(`${bundlePath}.tmp`, bundlePath);
  return bundlePath;
}

export interface DevelopmentSetup {
  demo: boolean;
  /** The environment the apps inherit: the caller's, in development mode, with the data directory's token secret. */
  devEnv: NodeJS.ProcessEnv;
  /** The configuration as given, before the generated secret (to tell where tokens come from). */
  given: AppConfig;
  config: AppConfig;
  dataDir: string;
}

/**
 * Development mode for a local stack: every variable validated (libs/config) before anything is
 * created or started; tokens signed with the data directory's own secret unless JWT_SECRET or
 * JWKS_URL is set. `dataSubdirectory` keeps a second kind of stack (the cluster) apart from `npm start`'s data.
 */
export function developmentSetup(argv: string[], env: NodeJS.ProcessEnv = process.env, dataSubdirectory?: string): DevelopmentSetup {
  const demo = argv.includes('--demo');
  // The demo campaign counts a few periods in seconds so that it moves while you watch (infra/demo);
  // only a --demo start lets the API accept such a policy.
  const devEnv: NodeJS.ProcessEnv = { ...env, ZHENGDUN_MODE: 'development', ...(demo ? { ALLOW_SECONDS_PERIODS: 'true' } : {}) };
  const given = loadConfig(devEnv);
  const base = dataDirectory(repoRoot, given);
  const dataDir = dataSubdirectory ? path.join(base, dataSubdirectory) : base;
  if (!given.auth.jwtSecret && !given.auth.jwksUrl) devEnv.JWT_SECRET = readOrCreateDevJwtSecret(dataDir);
  return { demo, devEnv, given, config: loadConfig(devEnv), dataDir };
}

/**
 * The environment of the worker and API processes. They act as the application's role (created by
 * the migrations): they can append to the audit trail, not rewrite it. The signing keys are the data
 * directory's own unless given (then validated by loadConfig).
 */
export function appEnvironment(setup: DevelopmentSetup, resources: { databaseUrl: string; temporalAddress: string; workflowBundlePath: string }): NodeJS.ProcessEnv {
  const { devEnv, dataDir } = setup;
  return {
    DATABASE_APP_ROLE: 'zhengdun_app',
    ...devEnv,
    DATABASE_URL: resources.databaseUrl,
    TEMPORAL_ADDRESS: resources.temporalAddress,
    ACTOR_SIGNING_KEY: devEnv.ACTOR_SIGNING_KEY || readOrCreateDataDirSecret(dataDir, 'actor-signing-key'),
    AUDIT_HMAC_KEY: devEnv.AUDIT_HMAC_KEY || readOrCreateDataDirSecret(dataDir, 'audit-hmac-key'),
    WORKFLOW_BUNDLE_PATH: resources.workflowBundlePath,
  };
}

/** Where development tokens come from, for the start summary. */
export function describeTokenSigner(setup: DevelopmentSetup): string {
  if (setup.config.auth.jwksUrl) return 'JWKS_URL (no dev sign-in)';
  return setup.given.auth.jwtSecret ? 'JWT_SECRET' : path.join(setup.dataDir, 'dev-jwt-secret');
}

const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 30_000;
/** A process that ran this long before dying is restarted after the first delay again. */
const RESTART_RESET_AFTER_MS = 60_000;

export interface SupervisedCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Appends the process's output to this file instead of this terminal (for chatty servers). */
  logFile?: string;
  /**
   * Stop order: every process of tier 0 (the default) ends before tier 1 is asked to stop, and so on,
   * so that what the others use (Temporal, Postgres) goes last.
   */
  stopTier?: number;
  /**
   * In a process group of its own, so that Ctrl-C in the terminal reaches only the supervisor, which
   * then stops the processes in their tiers' order.
   */
  detached?: boolean;
}

/**
 * The children of a local stack. Each supervised process is restarted when it dies while the stack
 * is up: after 1 s, doubling while it keeps dying soon after each start, at most 30 s apart; each exit
 * and start is logged. The rest of the stack stays up meanwhile (the cases' workflows wait in
 * Temporal, the API answers what it can). `stop` ends the processes (SIGTERM, then SIGKILL after the
 * timeout), then runs the registered stops (Postgres, a dev server) in reverse order.
 */
export class Supervisor {
  /** The supervised processes' current children, by name. */
  readonly running = new Map<string, ChildProcess>();
  private readonly tiers = new Map<string, number>();
  private readonly pendingRestarts = new Set<NodeJS.Timeout>();
  private readonly stops: (() => Promise<void>)[] = [];
  private stoppingNow = false;
  private stopped?: Promise<void>;

  constructor(private readonly say: Say) {}

  get stopping(): boolean {
    return this.stoppingNow;
  }

  /** Something to stop after every supervised process has ended (in reverse order of registration). */
  onStop(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  supervise(name: string, spec: SupervisedCommand): void {
    let delayMs = RESTART_FIRST_MS;
    const launch = () => {
      const startedAt = Date.now();
      let stdio: StdioOptions = ['ignore', 'inherit', 'inherit'];
      let logFd: number | undefined;
      if (spec.logFile) {
        fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
        logFd = fs.openSync(spec.logFile, 'a');
        stdio = ['ignore', logFd, logFd];
      }
      const child = spawn(spec.command, spec.args, { cwd: spec.cwd ?? repoRoot, env: spec.env, stdio, detached: spec.detached ?? false });
      // The child holds its own copy of the descriptor.
      if (logFd !== undefined) fs.closeSync(logFd);
      this.running.set(name, child);
      this.tiers.set(name, spec.stopTier ?? 0);
      this.say(`${name} started (pid ${child.pid})`);
      child.on('error', (error) => this.say(`${name} could not start: ${error.message}`));
      child.on('exit', (code, signal) => {
        if (this.stoppingNow) return;
        if (Date.now() - startedAt > RESTART_RESET_AFTER_MS) delayMs = RESTART_FIRST_MS;
        this.say(`${name} exited (code ${code}, signal ${signal}); restarting in ${delayMs / 1000} s`);
        const restart = setTimeout(() => {
          this.pendingRestarts.delete(restart);
          if (!this.stoppingNow) launch();
        }, delayMs);
        this.pendingRestarts.add(restart);
        delayMs = Math.min(delayMs * 2, RESTART_MAX_MS);
      });
    };
    launch();
  }

  /** One of the stack's TypeScript apps (apps/worker, apps/api), run with SWC as `npm start` does. */
  superviseApp(name: string, entry: string, env: NodeJS.ProcessEnv, options: Pick<SupervisedCommand, 'detached' | 'stopTier'> = {}): void {
    this.supervise(name, { command: process.execPath, args: ['-r', '@swc-node/register', entry], env, ...options });
  }

  /** Ends every child, then the registered stops; a second call waits for the first. */
  stop(): Promise<void> {
    this.stopped ??= this.stopEverything();
    return this.stopped;
  }

  private async stopEverything(): Promise<void> {
    this.stoppingNow = true;
    this.say('stopping…');
    for (const restart of this.pendingRestarts) clearTimeout(restart);
    const tiers = [...new Set(this.tiers.values())].sort((a, b) => a - b);
    for (const tier of tiers) {
      const children = [...this.running].filter(([name]) => this.tiers.get(name) === tier).map(([, child]) => child);
      await Promise.all(
        children.map(
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
    }
    for (const stop of this.stops.reverse()) await stop().catch((error: unknown) => this.say(`stop failed: ${String(error)}`));
    this.say('stopped');
  }

  /** Ctrl-C and SIGTERM stop everything, then this process exits. */
  stopOnSignals(): void {
    const stopAndExit = () => void this.stop().then(() => process.exit(0));
    process.on('SIGINT', stopAndExit);
    process.on('SIGTERM', stopAndExit);
  }
}

/** Waits until GET /health answers 200 (Postgres and Temporal reachable from the API). */
export async function waitUntilHealthy(api: string, timeoutMs: number, isStopping: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${api}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (isStopping() || Date.now() > deadline) throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `--demo`: once the API answers, loads the demo county into an empty database (infra/demo). */
export async function loadDemoWhenHealthy(api: string, supervisor: Supervisor, say: Say): Promise<void> {
  await waitUntilHealthy(api, 120_000, () => supervisor.stopping);
  say('healthy; loading the demo county (--demo)…');
  const result = await seedDemo(api, (line) => say(line)).catch((error: unknown) => {
    say(`demo: loading failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  if (result?.loaded) say(`demo loaded: ${result.cases - result.failed.length} organizations in campaign ${result.campaignId}; sign in at ${api}/ as 县委组织部（开发）`);
}
