/**
 * What the benchmarks share: the stack they run on this machine (embedded Postgres or DATABASE_URL, a
 * Temporal dev server, the worker app as a child process, the API in the benchmark's process, in
 * production mode with a fresh secret) or `npm run cluster`'s, figures (percentiles, resident memory)
 * and a bounded pool.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { createDataSource, freePort, migrate, startEmbeddedPostgres } from '@zhengdun/persistence';
import { bundleCaseWorkflows, startTemporalDevServer } from '@zhengdun/temporal';
import { createApiApp } from '../apps/api/src/create-app';
import { startCluster, waitUntilClusterHealthy } from '../infra/scripts/cluster';
import { mintDevToken } from '../apps/api/src/core/auth/dev-tokens';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export { pool } from '../test/support/pool';

export function rssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

export function startWorker(entry: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR: the worker writes a V8 CPU profile there when it stops (run the benchmark itself
  // with `node --cpu-prof` to profile the API side).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', entry], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    // Ready once it polls; its later log lines are read and dropped so the pipe never fills.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker polling')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface BenchStack {
  dataSource: DataSource;
  /** Embedded Postgres' postmaster (its backends are its children); undefined with DATABASE_URL. */
  postmaster?: number;
  temporal: Awaited<ReturnType<typeof startTemporalDevServer>>;
  taskQueue: string;
  worker: ChildProcess;
  config: AppConfig;
  api: Awaited<ReturnType<typeof createApiApp>>;
  /** An API call as `actor`; throws on any answer from 300 up. */
  call: (method: string, route: string, actor: Actor | undefined, body?: unknown) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * What a benchmark runs in order when it ends, the last started first. The stacks add to the caller's
 * list as they start each part, so a start that fails halfway leaves nothing running.
 */
export type Cleanups = (() => Promise<void>)[];

/** Drops a run's databases on the server at `adminUrl` (their connections too). */
async function dropDatabases(adminUrl: string, names: string[]): Promise<void> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one run: on DATABASE_URL's server (dropped again at the end), or on
 * an embedded Postgres in `workDir`. Its cleanups are added to `cleanups`.
 */
export async function createBenchDatabase(workDir: string, cleanups: Cleanups): Promise<{ dataSource: DataSource; dbUrl: string; postmaster?: number }> {
  let adminUrl = process.env.DATABASE_URL;
  let pgDataDir: string | undefined;
  if (!adminUrl) {
    pgDataDir = path.join(workDir, 'pg');
    const pg = await startEmbeddedPostgres({ dataDir: pgDataDir });
    cleanups.unshift(pg.stop);
    adminUrl = pg.adminUrl;
  }
  const dbName = `zd_bench_${Date.now()}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  if (!pgDataDir) {
    const serverUrl = adminUrl;
    cleanups.push(() => dropDatabases(serverUrl, [dbName]));
  }
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  await migrate(dbUrl);
  const dataSource = await createDataSource(dbUrl).initialize();
  cleanups.unshift(() => dataSource.destroy());
  const postmaster = pgDataDir ? Number(fs.readFileSync(path.join(pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : undefined;
  return { dataSource, dbUrl, postmaster };
}

/**
 * The stack on this machine, in `workDir`: a fresh database, migrated; the Temporal dev server; the
 * worker app (with `workerEnv` on top of what it needs); the API without rate limits. Their stops go
 * into `cleanups`.
 */
export async function startBenchStack(workDir: string, cleanups: Cleanups, options: { taskQueue: string; workerEnv?: NodeJS.ProcessEnv }): Promise<BenchStack> {
  const { dataSource, dbUrl, postmaster } = await createBenchDatabase(workDir, cleanups);

  const temporal = await startTemporalDevServer({ port: await freePort() });
  cleanups.unshift(temporal.stop);
  const bundlePath = path.join(workDir, 'workflows.js');
  // WORKFLOW_SHARED_MODULES=off: each cached workflow instantiates the domain modules itself (the baseline of that lever).
  fs.writeFileSync(bundlePath, (await bundleCaseWorkflows()).code);
  const actorKeyHex = randomBytes(32).toString('hex');
  const worker = await startWorker('apps/worker/src/main.ts', {
    ACTOR_SIGNING_KEY: actorKeyHex,
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    WORKFLOW_BUNDLE_PATH: bundlePath,
    LOG_LEVEL: 'info',
    ...options.workerEnv,
  });
  cleanups.unshift(() => stopChild(worker));

  // A fresh HS256 secret for this run; production mode, as deployed.
  const config: AppConfig = {
    ...loadConfig({
      ACTOR_SIGNING_KEY: actorKeyHex,
      AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
      ALLOW_SECONDS_PERIODS: 'true',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(48).toString('base64'),
    }),
    port: 0,
  };
  const api = await createApiApp({ config, host: '127.0.0.1', publicRateLimits: { readsPerMinute: 1e9, writesPerMinute: 1e9 }, rateLimits: { caseWritesPerMinute: 1e9, userPerMinute: 1e9 } });
  cleanups.unshift(api.close);

  const call = apiCaller(api.url, config.auth);
  return { dataSource, postmaster, temporal, taskQueue: options.taskQueue, worker, config, api, call };
}

/** API calls as an actor, with development tokens signed by `auth`'s secret (one per actor). */
function apiCaller(baseUrl: string, auth: AppConfig['auth']): BenchStack['call'] {
  const tokens = new Map<string, string>();
  const tokenFor = async (actor: Actor) => {
    const key = `${actor.role}:${actor.userId}:${JSON.stringify(actor.scope)}`;
    if (!tokens.has(key)) tokens.set(key, await mintDevToken(auth, actor));
    return tokens.get(key)!;
  };
  return async (method, route, actor, body) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(actor ? { authorization: `Bearer ${await tokenFor(actor)}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** What the province benchmark needs of a stack: the dev server's (startBenchStack) or the cluster's. */
export interface ScaleStack {
  dataSource: DataSource;
  call: BenchStack['call'];
  /** The zhengdun workers' process ids now (the cluster's supervisor may have restarted one). */
  workerPids: () => number[];
  /** What ran, for the results. */
  description: string;
}

/** Ports apart from `npm run cluster`'s defaults and the cluster test's. */
const BENCH_CLUSTER_PORTS = { TEMPORAL_CLUSTER_PORT: '7533', CLUSTER_API_PORT: '3500', EMBEDDED_PG_PORT: '54359' };

/**
 * `npm run cluster`'s stack, started as the command starts it (startCluster) with its data in
 * `workDir`: the Temporal services as separate processes on Postgres, two workers, two API replicas
 * behind the proxy. With DATABASE_URL, fresh databases on that server (zhengdun's and Temporal's,
 * dropped at the end); else the cluster's own embedded Postgres. `workerEnv` goes to every process.
 * Its stops go into `cleanups`.
 */
export async function startBenchCluster(workDir: string, cleanups: Cleanups, options: { workerEnv?: NodeJS.ProcessEnv }): Promise<ScaleStack> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.workerEnv, ...BENCH_CLUSTER_PORTS, ZHENGDUN_DATA_DIR: workDir, LOG_LEVEL: 'warn', RATE_LIMIT_USER_PER_MINUTE: '1000000' };
  delete env.TEMPORAL_ADDRESS;
  let dataSource: DataSource | undefined;
  if (process.env.DATABASE_URL) {
    const created = await createBenchDatabase(workDir, cleanups);
    dataSource = created.dataSource;
    const suffix = new URL(created.dbUrl).pathname.slice(1);
    Object.assign(env, { DATABASE_URL: created.dbUrl, TEMPORAL_CLUSTER_DATABASE: `${suffix}_temporal`, TEMPORAL_CLUSTER_VISIBILITY_DATABASE: `${suffix}_visibility` });
    const adminUrl = process.env.DATABASE_URL;
    cleanups.push(() => dropDatabases(adminUrl, [env.TEMPORAL_CLUSTER_DATABASE!, env.TEMPORAL_CLUSTER_VISIBILITY_DATABASE!]));
  } else {
    delete env.DATABASE_URL;
  }
  // Only what goes wrong is worth a line: a process that exits, a setup step that fails.
  const cluster = await startCluster({ env, say: (line) => /exited|fail|error/i.test(line) && console.log(`[cluster] ${line}`) });
  cleanups.unshift(cluster.stop);
  await waitUntilClusterHealthy(cluster.apiUrl, 300_000, cluster.settings.workers);
  if (!dataSource) {
    const own = await createDataSource(cluster.databaseUrl).initialize();
    cleanups.unshift(() => own.destroy());
    dataSource = own;
  }
  return {
    dataSource,
    call: apiCaller(cluster.apiUrl, cluster.setup.config.auth),
    workerPids: () => cluster.workers.map((name) => cluster.supervisor.running.get(name)?.pid).filter((pid): pid is number => pid !== undefined),
    description: `\`npm run cluster\`: Temporal frontend, history (${cluster.numHistoryShards} shards), matching and internal worker as separate processes on Postgres (${process.env.DATABASE_URL ? 'DATABASE_URL\'s server' : 'embedded'}), ${cluster.settings.workers} workers, ${cluster.settings.apiReplicas} API replicas behind the proxy`,
  };
}

/**
 * `count` synthetic cases of `campaignId` in the read model (every stage, domain and 20 townships;
 * an empty state but for a proposed talk in one case of a hundred), written by one INSERT … SELECT,
 * then ANALYZE: for timing the read side at scale.
 */
export async function seedReadModel(dataSource: DataSource, campaignId: string, count: number, county: string): Promise<void> {
  const stages = ['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'follow_up_review', 'archived'];
  await dataSource.query(
    `INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round, overdue,
       escalation_level, talks, organizational_handling, problem_count, open_problem_count, measure_count, measures_done, person_ids,
       satisfaction_rate, next_due_at, stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state)
     SELECT 'seed:' || $1 || ':' || g, $1, $2, 's' || g, '种子' || g || '党支部',
       ($3::text[])[1 + g % 4], '第' || (1 + g % 20) || '镇', g % 17 = 0, ($4::text[])[1 + (g * 7) % 10], 1, g % 10 = 0,
       (g % 23 % 4)::smallint, g % 23 % 3, g % 23 % 4 = 3, 3, 3 - g % 4, 3, g % 4, ARRAY['sec-s' || g, 'l' || (g % 9)],
       0.8 + (g % 20) / 100.0, now() + (g % 90) * interval '1 day', now() - (g % 60) * interval '1 day', NULL,
       now() - interval '90 days', now() - (g % 1000) * interval '1 minute', 10, 10,
       jsonb_build_object('identified', 86400000::bigint * (g % 3), 'planning', 86400000::bigint * (g % 9), 'remediating', 86400000::bigint * (g % 40)),
       CASE WHEN g % 100 = 7 THEN '{"escalation": {"proposals": [{"kind": "talk", "status": "proposed"}]}}'::jsonb ELSE '{}'::jsonb END
     FROM generate_series(1, $5) AS g`,
    [campaignId, county, ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'], stages, count],
  );
  await dataSource.query('ANALYZE case_record');
}
