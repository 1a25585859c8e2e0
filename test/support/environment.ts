/** Per-file access to what global-setup started: a fresh database, a worker, a client. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { createCaseActivities } from '@zhengdun/activities';
import { createDataSource, migrate } from '@zhengdun/persistence';
import { CaseClient, createCaseWorker } from '@zhengdun/temporal';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through test/jest.config.js (its global setup starts the servers)`);
  return value;
}

export const temporalAddress = () => required('ZD_TEST_TEMPORAL_ADDRESS');
export const workflowBundlePath = () => required('ZD_TEST_WORKFLOW_BUNDLE');
/** The run's ACTOR_SIGNING_KEY, as hex (for child processes' environment). */
export const testActorKeyHex = () => required('ZD_TEST_ACTOR_KEY');
export const testAuditKeyHex = () => required('ZD_TEST_AUDIT_KEY');
export const testActorKey = () => Uint8Array.from(Buffer.from(testActorKeyHex(), 'hex'));

let runtimeInstalled = false;
/** The native runtime is process-wide: install it once, quietly. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier file in this process.
  }
}

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop: () => Promise<void>;
}

/** A new database with every migration applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required('ZD_TEST_PG_ADMIN_URL');
  const name = `zd_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const dataSource = createDataSource(url.toString());
  await dataSource.initialize();
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const cleanup = new PgClient({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function connectTestClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: temporalAddress() });
  return { client: new Client({ connection }), close: () => connection.close() };
}

export async function caseClientFor(taskQueue: string): Promise<{ cases: CaseClient; client: Client; close: () => Promise<void> }> {
  const { client, close } = await connectTestClient();
  return { cases: new CaseClient(client, taskQueue, { actorKey: testActorKey() }), client, close };
}

export interface RunningTestWorker {
  worker: Worker;
  stop: () => Promise<void>;
}

/** An in-process worker on the real server, with the real activities and the prebuilt bundle. */
export async function startTestWorker(taskQueue: string, dataSource: DataSource, activities?: ReturnType<typeof createCaseActivities>): Promise<RunningTestWorker> {
  installQuietRuntime();
  const connection = await NativeConnection.connect({ address: temporalAddress() });
  const worker = await createCaseWorker({
    connection,
    namespace: 'default',
    taskQueue,
    activities: activities ?? createCaseActivities(dataSource),
    actorKey: testActorKey(),
    workflowBundle: { code: fs.readFileSync(workflowBundlePath(), 'utf8') },
  });
  const running = worker.run();
  return {
    worker,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails with the last reason. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
