/**
 * `npm run cluster`: zhengdun as it runs in production, on one machine — a real Temporal cluster
 * (frontend, history, matching and worker services as separate processes, Postgres persistence and
 * SQL visibility), two zhengdun workers and two API replicas behind one address. Every process is
 * restarted when it dies; Ctrl-C stops them all; data lives in .data/cluster/ and survives restarts.
 * Development mode as `npm start` (stack.ts has what the two share); `-- --demo` loads the demo county.
 * Ctrl-C stops the apps first, then the Temporal services, then Postgres (embedded-postgres-process.ts).
 *
 * Settings (all optional): TEMPORAL_CLUSTER_PORT (the frontend's gRPC port, 7333; the other services
 * take the eight ports after it), TEMPORAL_CLUSTER_SHARDS (4, fixed when the cluster is created),
 * TEMPORAL_CLUSTER_DATABASE / TEMPORAL_CLUSTER_VISIBILITY_DATABASE (temporal, temporal_visibility),
 * CLUSTER_API_PORT (the proxy, 3300; the replicas listen on the ports after it), CLUSTER_API_REPLICAS
 * and CLUSTER_WORKERS (2 each), EMBEDDED_PG_PORT (54339 here, so that `npm start` can run beside it),
 * and DATABASE_URL to use a Postgres server of your own for everything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@zhengdun/config';
import { migrate } from '@zhengdun/persistence';
import { Client as PgClient } from 'pg';
import { startApiProxy } from './api-proxy';
import { appEnvironment, describeTokenSigner, developmentSetup, type DevelopmentSetup, ensureDashboardBuilt, ensureDatabase, ensureWorkflowBundle, loadDemoWhenHealthy, repoRoot, Supervisor, type Say } from './stack';
import {
  assertPortsFree,
  ClusterSetupError,
  ensureNamespace,
  ensureTemporalServerBuilt,
  postgresServerOf,
  servicePorts,
  settleHistoryShards,
  setUpTemporalSchemas,
  superviseTemporalServices,
  TEMPORAL_SERVICES,
  writeTemporalServerConfig,
  type TemporalClusterSettings,
} from './temporal-cluster';

export interface ClusterSettings {
  temporal: Omit<TemporalClusterSettings, 'dir'>;
  apiPort: number;
  apiReplicas: number;
  workers: number;
  embeddedPostgresPort: number;
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ClusterSetupError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return value;
}

function databaseNameSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name] || fallback;
  // It goes into CREATE DATABASE unquoted.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new ClusterSetupError(`${name} must be a lower-case Postgres name (letters, digits, _), not ${JSON.stringify(value)}`);
  return value;
}

/** The cluster's own variables, validated before anything starts. */
export function clusterSettings(env: NodeJS.ProcessEnv): ClusterSettings {
  return {
    temporal: {
      basePort: integerSetting(env, 'TEMPORAL_CLUSTER_PORT', 7333, 1024, 65_000),
      numHistoryShards: integerSetting(env, 'TEMPORAL_CLUSTER_SHARDS', 4, 1, 16_384),
      databases: {
        main: databaseNameSetting(env, 'TEMPORAL_CLUSTER_DATABASE', 'temporal'),
        visibility: databaseNameSetting(env, 'TEMPORAL_CLUSTER_VISIBILITY_DATABASE', 'temporal_visibility'),
      },
    },
    apiPort: integerSetting(env, 'CLUSTER_API_PORT', 3300, 1024, 65_000),
    apiReplicas: integerSetting(env, 'CLUSTER_API_REPLICAS', 2, 1, 8),
    workers: integerSetting(env, 'CLUSTER_WORKERS', 2, 1, 8),
    embeddedPostgresPort: integerSetting(env, 'EMBEDDED_PG_PORT', 54339, 1024, 65_535),
  };
}

export interface RunningCluster {
  /** The proxy in front of the API replicas. */
  apiUrl: string;
  temporalAddress: string;
  /** zhengdun's own database (the read model, the audit trail). */
  databaseUrl: string;
  numHistoryShards: number;
  dataDir: string;
  setup: DevelopmentSetup;
  settings: ClusterSettings;
  supervisor: Supervisor;
  /** The supervisor's names of the zhengdun workers and API replicas (`supervisor.running` is keyed by them). */
  workers: string[];
  apiReplicas: string[];
  /** Every child stopped, Postgres last; the data stays. */
  stop: () => Promise<void>;
}

/**
 * Stop order (Supervisor tiers): the apps first, then the Temporal services they talk to, then the
 * Postgres that all of them write to.
 */
const STOP_AFTER_APPS = 1;
const STOP_LAST = 2;

async function waitForPostgres(url: string, timeoutMs: number, isStopping: () => boolean, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new PgClient({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (isStopping() || Date.now() > deadline) {
        const lastLines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
        throw new ClusterSetupError(`Postgres at ${url.replace(/:[^:@/]*@/, ':…@')} did not answer within ${timeoutMs / 1000} s (${String(error)}); the end of ${logFile}:\n${lastLines}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Registers zhengdun's search attributes with the repository's own job, as a deployment runs it. */
async function registerSearchAttributes(env: NodeJS.ProcessEnv, say: Say): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/register-search-attributes.ts', '--wait', '120'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = output.trim().split('\n');
  if (code !== 0) throw new ClusterSetupError(`registering the search attributes failed:\n${output.trim()}`);
  say(lines[lines.length - 1].replace(/^\[search-attributes\] /, 'search attributes: '));
}

/**
 * Starts the whole cluster and resolves once every process is launched (not yet healthy: wait on
 * GET <apiUrl>/health). On a failure before that, whatever started is stopped again.
 */
export async function startCluster(options: { argv?: string[]; env?: NodeJS.ProcessEnv; say?: Say; supervisor?: Supervisor } = {}): Promise<RunningCluster> {
  const say = options.say ?? ((line: string) => console.log(`[cluster] ${line}`));
  const supervisor = options.supervisor ?? new Supervisor(say);
  const env = options.env ?? process.env;
  const setup = developmentSetup(options.argv ?? [], env, 'cluster');
  const settings = clusterSettings(env);
  const { config, dataDir } = setup;
  const temporalDir = path.join(dataDir, 'temporal');
  const ports = servicePorts(settings.temporal.basePort);
  const temporalAddress = `127.0.0.1:${ports.frontend.grpc}`;
  const replicaPorts = Array.from({ length: settings.apiReplicas }, (_, i) => settings.apiPort + 1 + i);
  if (env.TEMPORAL_ADDRESS) say(`TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS} is ignored: the cluster runs its own Temporal at ${temporalAddress}`);

  try {
    await assertPortsFree(
      Object.values(ports).flatMap((service) => [service.grpc, service.membership, ...(service.http ? [service.http] : [])]),
      'another `npm run cluster`, or set TEMPORAL_CLUSTER_PORT to a free range of nine ports',
    );
    await assertPortsFree([settings.apiPort, ...replicaPorts], 'another `npm run cluster`, or set CLUSTER_API_PORT');
    if (!config.databaseUrl) await assertPortsFree([settings.embeddedPostgresPort], 'another `npm run cluster`, or set EMBEDDED_PG_PORT');

    // The slow steps run side by side: the Go build (first start only), the workflow bundle, Postgres.
    const build = ensureTemporalServerBuilt(say);
    const workflowBundle = config.workflowBundlePath ? Promise.resolve(config.workflowBundlePath) : ensureWorkflowBundle(dataDir);
    // Awaited below; a failure must not surface as an unhandled rejection meanwhile.
    build.catch(() => undefined);
    workflowBundle.catch(() => undefined);

    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const port = settings.embeddedPostgresPort;
      const postgresLog = path.join(dataDir, 'postgres.log');
      say(`starting embedded Postgres on 127.0.0.1:${port} (data in ${path.join(dataDir, 'postgres')}, log in ${postgresLog})`);
      supervisor.supervise('postgres', {
        command: process.execPath,
        args: ['-r', '@swc-node/register', 'infra/scripts/embedded-postgres-process.ts', path.join(dataDir, 'postgres'), String(port)],
        env,
        logFile: postgresLog,
        detached: true,
        stopTier: STOP_LAST,
      });
      // The credentials startEmbeddedPostgres gives the server it creates.
      const embeddedUrl = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
      await waitForPostgres(embeddedUrl('postgres'), 120_000, () => supervisor.stopping, postgresLog);
      await ensureDatabase(embeddedUrl('postgres'), 'zhengdun');
      databaseUrl = embeddedUrl('zhengdun');
    }
    const postgres = postgresServerOf(databaseUrl);

    const temporalSettings: TemporalClusterSettings = {
      ...settings.temporal,
      dir: temporalDir,
      numHistoryShards: settleHistoryShards(temporalDir, settings.temporal.numHistoryShards, say),
    };
    const temporalBuild = await build;
    await setUpTemporalSchemas(temporalBuild, postgres, temporalSettings.databases, say);
    const configDir = writeTemporalServerConfig(temporalSettings, postgres);
    say(`starting Temporal ${TEMPORAL_SERVICES.join(', ')} (${temporalSettings.numHistoryShards} history shards; logs in ${path.join(temporalDir, 'logs')})`);
    superviseTemporalServices(supervisor, temporalBuild, temporalSettings, configDir, { detached: true, stopTier: STOP_AFTER_APPS });

    // While the Temporal services join: the dashboard and the read model's schema.
    ensureDashboardBuilt(say);
    const applied = await migrate(databaseUrl);
    say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

    const namespace = config.temporal.namespace;
    await ensureNamespace(temporalAddress, namespace, say);
    await registerSearchAttributes({ ...setup.devEnv, TEMPORAL_ADDRESS: temporalAddress }, say);

    const appEnv = appEnvironment(setup, { databaseUrl, temporalAddress, workflowBundlePath: await workflowBundle });
    const workers = Array.from({ length: settings.workers }, (_, i) => `worker-${i + 1}`);
    for (const name of workers) supervisor.superviseApp(name, 'apps/worker/src/main.ts', appEnv, { detached: true });
    // The replicas believe the proxy's X-Forwarded-For (only the proxy's, on loopback): each client keeps its own rate-limit bucket.
    const apiReplicas = replicaPorts.map((_, i) => `api-${i + 1}`);
    replicaPorts.forEach((port, i) => supervisor.superviseApp(apiReplicas[i], 'apps/api/src/main.ts', { TRUST_PROXY: '127.0.0.1', ...appEnv, PORT: String(port) }, { detached: true }));

    const proxy = await startApiProxy({ host: '127.0.0.1', port: settings.apiPort, upstreamPorts: replicaPorts, log: (line) => say(`proxy: ${line}`) });
    supervisor.onStop(proxy.close);

    return { apiUrl: proxy.url, temporalAddress, databaseUrl, numHistoryShards: temporalSettings.numHistoryShards, dataDir, setup, settings, supervisor, workers, apiReplicas, stop: () => supervisor.stop() };
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}

/** Resolves when GET /health answers 200 with at least `pollers` workers polling the case task queue. */
export async function waitUntilClusterHealthy(apiUrl: string, timeoutMs: number, pollers = 1, isStopping: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(5000) }).then(
      async (response) => (response.status === 200 ? ((await response.json()) as { details?: { temporal?: { workersPolling?: number } } }) : undefined),
      () => undefined,
    );
    if ((health?.details?.temporal?.workersPolling ?? 0) >= pollers) return;
    if (isStopping() || Date.now() > deadline) throw new Error(`the cluster did not become healthy within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const say: Say = (line) => console.log(`[cluster] ${line}`);
  const supervisor = new Supervisor(say);
  supervisor.stopOnSignals();
  let cluster: RunningCluster;
  try {
    cluster = await startCluster({ argv: process.argv.slice(2), say, supervisor });
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof ClusterSetupError ? `[cluster] ${error.message}` : error);
    process.exit(1);
  }
  const { apiUrl, temporalAddress, numHistoryShards, setup, settings } = cluster;
  say(`development mode: tokens from ${describeTokenSigner(setup)}; everything listens on loopback only`);
  say(`API        ${apiUrl}  (proxy over ${settings.apiReplicas} replicas on ports ${settings.apiPort + 1}–${settings.apiPort + settings.apiReplicas}; health: ${apiUrl}/health, OpenAPI: ${apiUrl}/docs)`);
  say(`Dashboard  ${apiUrl}/`);
  say(`Temporal   ${temporalAddress} (frontend; ${numHistoryShards} history shards, Postgres persistence and visibility)`);
  say(`Workers    ${settings.workers} on task queue ${setup.config.temporal.taskQueue}`);
  say(`Data       ${cluster.dataDir}`);
  say('Ctrl-C stops everything; data is kept for the next start.');
  try {
    await waitUntilClusterHealthy(apiUrl, 300_000, 1, () => supervisor.stopping);
    say(`healthy ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the start (GET ${apiUrl}/health: 200, workers polling)`);
    if (setup.demo) await loadDemoWhenHealthy(apiUrl, supervisor, say);
  } catch (error) {
    if (!supervisor.stopping) say(`${error instanceof Error ? error.message : String(error)}; the processes keep running (Ctrl-C to stop)`);
  }
}

if (require.main === module) void main();
