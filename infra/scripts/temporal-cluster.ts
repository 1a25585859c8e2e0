/**
 * A real multi-process Temporal cluster for `npm run cluster`: the Temporal server and its SQL tool
 * built from source with Go into the git-ignored `.temporal-server/`, Postgres persistence and SQL
 * visibility, and the four services (frontend, history, matching, worker) as separate processes that
 * find each other through the membership table in Postgres.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { findGo, isExecutable, waitForTemporal } from '@zhengdun/temporal';
import { ensureDatabase, repoRoot, type Say, type SupervisedCommand, type Supervisor } from './stack';

const execFileAsync = promisify(execFile);

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
/** go.mod of the server asks for this Go or newer. */
const MINIMUM_GO = '1.25';
export const temporalServerCacheDir = path.join(repoRoot, '.temporal-server');
/** Records which server version the binaries in the cache are, so that a version bump rebuilds them. */
const versionStamp = path.join(temporalServerCacheDir, 'version');

/** The services of a Temporal server, each started as its own process. */
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export class ClusterSetupError extends Error {}

export interface TemporalServerBuild {
  serverBinary: string;
  sqlToolBinary: string;
  /** The server's Go module source: the schemas (schema/postgresql/v12) are read from there. */
  moduleDir: string;
}

function goModuleCache(go: string | undefined): string {
  if (go) {
    const fromGo = execFileSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    if (fromGo) return fromGo;
  }
  if (process.env.GOMODCACHE) return process.env.GOMODCACHE;
  return path.join(process.env.GOPATH ?? path.join(os.homedir(), 'go'), 'pkg', 'mod');
}

/**
 * The server and SQL tool binaries, built with `go install` into `.temporal-server/` the first time
 * (a few minutes on two cores; nice'd so the machine stays usable) and reused afterwards.
 */
export async function ensureTemporalServerBuilt(say: Say): Promise<TemporalServerBuild> {
  const serverBinary = path.join(temporalServerCacheDir, 'server');
  const sqlToolBinary = path.join(temporalServerCacheDir, 'sql');
  const go = findGo();
  const built = isExecutable(serverBinary) && isExecutable(sqlToolBinary) && readText(versionStamp) === TEMPORAL_SERVER_VERSION;
  if (!built) {
    if (!go) {
      throw new ClusterSetupError(
        `npm run cluster builds the Temporal server ${TEMPORAL_SERVER_VERSION} from source and needs Go ${MINIMUM_GO} or newer, which was not found ` +
          '(neither `go` on PATH nor /usr/local/go/bin/go). Install Go, then run `npm run cluster` again; ' +
          '`npm start` needs no Go (it runs the Temporal dev server).',
      );
    }
    fs.mkdirSync(temporalServerCacheDir, { recursive: true });
    say(`building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool with ${go} into ${temporalServerCacheDir} (several minutes the first time)…`);
    const packages = ['cmd/server', 'cmd/tools/sql'].map((cmd) => `${TEMPORAL_SERVER_MODULE}/${cmd}@${TEMPORAL_SERVER_VERSION}`);
    const started = Date.now();
    try {
      // nice: the build takes every core it can get; the rest of the machine should stay responsive.
      await execFileAsync('nice', ['-n', '10', go, 'install', ...packages], {
        env: { ...process.env, GOBIN: temporalServerCacheDir },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const output = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-15).join('\n');
      throw new ClusterSetupError(`go install of the Temporal server failed (it needs Go ${MINIMUM_GO} or newer):\n${output || String(error)}`);
    }
    fs.writeFileSync(versionStamp, TEMPORAL_SERVER_VERSION);
    say(`built the Temporal server in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const moduleDir = path.join(goModuleCache(go), `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (!fs.existsSync(path.join(moduleDir, 'schema', 'postgresql', 'v12'))) {
    throw new ClusterSetupError(
      `the Temporal server's schemas are read from its Go module, ${moduleDir}, which is missing ` +
        `(Go's module cache was cleaned?). Delete ${temporalServerCacheDir} and run \`npm run cluster\` again to download and build it anew.`,
    );
  }
  return { serverBinary, sqlToolBinary, moduleDir };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A URL of the server's `postgres` database, for creating the others. */
  adminUrl: string;
}

/** The server of a `postgres://` URL, as the Temporal config and the SQL tool want it. */
export function postgresServerOf(databaseUrl: string): PostgresServer {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ClusterSetupError(`DATABASE_URL must be a postgres:// URL for the cluster, not ${url.protocol}`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    adminUrl: admin.toString(),
  };
}

export interface TemporalClusterSettings {
  /** The frontend's gRPC port; the other services' ports follow it (see servicePorts). */
  basePort: number;
  numHistoryShards: number;
  databases: { main: string; visibility: string };
  /** Where the generated config, the shard count and the service logs live. */
  dir: string;
}

/** Nine ports from the base: the frontend's gRPC port is the base itself. */
export function servicePorts(basePort: number): Record<TemporalService, { grpc: number; membership: number; http?: number }> {
  return {
    frontend: { grpc: basePort, membership: basePort + 1, http: basePort + 2 },
    history: { grpc: basePort + 3, membership: basePort + 4 },
    matching: { grpc: basePort + 5, membership: basePort + 6 },
    worker: { grpc: basePort + 7, membership: basePort + 8 },
  };
}

/** Fails early and clearly when a port is taken (a cluster still running, another server on it). */
export async function assertPortsFree(ports: number[], hint: string): Promise<void> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) throw new ClusterSetupError(`port ${port} on 127.0.0.1 is already in use (${hint})`);
  }
}

/**
 * The number of history shards is fixed when the cluster first starts on its databases (Temporal
 * keeps it in the cluster metadata); a data directory keeps the count it was created with.
 */
export function settleHistoryShards(dir: string, requested: number, say: Say): number {
  const file = path.join(dir, 'num-history-shards');
  const recorded = readText(file);
  if (recorded) {
    const shards = Number(recorded);
    if (shards !== requested) say(`keeping ${shards} history shards: the cluster in ${dir} was created with them (the count cannot change; use a new data directory for ${requested})`);
    return shards;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${requested}\n`);
  return requested;
}

/** A YAML string (JSON's double-quoted strings are YAML too). */
const yamlString = (value: string) => JSON.stringify(value);

/**
 * The server config of the cluster, generated on every start from the settings (the upstream
 * config/development-postgres12.yaml is the model): Postgres for persistence and visibility, every
 * service on loopback with its own ports, no metrics or pprof listeners (their fixed ports would
 * collide with a second server), and the dynamic config the compose cluster uses too.
 */
export function temporalServerConfig(settings: TemporalClusterSettings, postgres: PostgresServer): string {
  const ports = servicePorts(settings.basePort);
  const datastore = (database: string, maxConns: number) =>
    [
      '      sql:',
      '        pluginName: "postgres12"',
      `        databaseName: ${yamlString(database)}`,
      `        connectAddr: ${yamlString(`${postgres.host}:${postgres.port}`)}`,
      '        connectProtocol: "tcp"',
      `        user: ${yamlString(postgres.user)}`,
      `        password: ${yamlString(postgres.password)}`,
      `        maxConns: ${maxConns}`,
      `        maxIdleConns: ${maxConns}`,
      '        maxConnLifetime: "1h"',
    ].join('\n');
  const service = (name: TemporalService) => {
    const { grpc, membership, http } = ports[name];
    return [`  ${name}:`, '    rpc:', `      grpcPort: ${grpc}`, `      membershipPort: ${membership}`, ...(http ? [`      httpPort: ${http}`] : []), '      bindOnLocalHost: true'].join('\n');
  };
  return `# Generated by infra/scripts/temporal-cluster.ts on every \`npm run cluster\`; edits are overwritten.
log:
  stdout: true
  level: "warn"

persistence:
  defaultStore: "postgres-default"
  visibilityStore: "postgres-visibility"
  numHistoryShards: ${settings.numHistoryShards}
  datastores:
    postgres-default:
${datastore(settings.databases.main, 20)}
    postgres-visibility:
${datastore(settings.databases.visibility, 10)}

global:
  membership:
    maxJoinDuration: "30s"
    broadcastAddress: "127.0.0.1"

services:
${TEMPORAL_SERVICES.map(service).join('\n')}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${yamlString(`127.0.0.1:${ports.frontend.grpc}`)}

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${yamlString(path.join(repoRoot, 'infra/compose/dynamicconfig/development-sql.yaml'))}
  pollInterval: "10s"
`;
}

/**
 * Creates the two databases when missing and brings their schemas to the server's version with the
 * SQL tool: `setup-schema -v 0.0` (the version tables; skipped by the tool when already set up) and
 * `update-schema` (only the versions not applied yet), so a second start changes nothing.
 */
export async function setUpTemporalSchemas(build: TemporalServerBuild, postgres: PostgresServer, databases: TemporalClusterSettings['databases'], say: Say): Promise<void> {
  const schemaRoot = path.join(build.moduleDir, 'schema', 'postgresql', 'v12');
  for (const [database, schema] of [
    [databases.main, 'temporal'],
    [databases.visibility, 'visibility'],
  ] as const) {
    await ensureDatabase(postgres.adminUrl, database);
    const connection = ['--plugin', 'postgres12', '--endpoint', postgres.host, '--port', String(postgres.port), '--user', postgres.user, '--database', database];
    // The password through the environment, not the command line that `ps` shows.
    const env = { ...process.env, SQL_PASSWORD: postgres.password };
    const run = async (args: string[]) => {
      try {
        await execFileAsync(build.sqlToolBinary, [...connection, ...args], { env });
      } catch (error) {
        const output = (error as { stderr?: string; stdout?: string }).stderr || (error as { stdout?: string }).stdout;
        throw new ClusterSetupError(`temporal-sql-tool ${args[0]} on database ${database} failed:\n${output?.trim() || String(error)}`);
      }
    };
    await run(['setup-schema', '-v', '0.0']);
    await run(['update-schema', '-d', path.join(schemaRoot, schema, 'versioned')]);
    say(`database ${database}: Temporal ${schema} schema up to date`);
  }
}

/** Each Temporal service as its own supervised process, with its output in `<dir>/logs/`. */
export function superviseTemporalServices(
  supervisor: Supervisor,
  build: TemporalServerBuild,
  settings: TemporalClusterSettings,
  configDir: string,
  options: Pick<SupervisedCommand, 'detached' | 'stopTier'> = {},
): void {
  for (const service of TEMPORAL_SERVICES) {
    supervisor.supervise(`temporal-${service}`, {
      command: build.serverBinary,
      // --env cluster: the server reads <configDir>/cluster.yaml.
      args: ['--root', '/', '--config', configDir, '--env', 'cluster', '--allow-no-auth', 'start', '--service', service],
      env: process.env,
      logFile: path.join(settings.dir, 'logs', `${service}.log`),
      ...options,
    });
  }
}

/** Writes the generated config where superviseTemporalServices reads it; returns its directory. */
export function writeTemporalServerConfig(settings: TemporalClusterSettings, postgres: PostgresServer): string {
  const configDir = path.join(settings.dir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  // 0600: it holds the database password.
  fs.writeFileSync(path.join(configDir, 'cluster.yaml'), temporalServerConfig(settings, postgres), { mode: 0o600 });
  return configDir;
}

const NOT_FOUND = 5;
/** Closed cases' histories are kept this long in the local cluster (the case record is in the read model). */
const NAMESPACE_RETENTION_MS = 30 * 86_400_000;

/** Registers the namespace the apps use unless it exists (a fresh cluster has only temporal-system). */
export async function ensureNamespace(address: string, namespace: string, say: Say): Promise<void> {
  await waitForTemporal(address, 120_000);
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      if (!isGrpcServiceError(error) || error.code !== NOT_FOUND) throw error;
    }
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION_MS) });
    say(`registered namespace ${namespace} (retention 30 days)`);
  } finally {
    await connection.close();
  }
}
