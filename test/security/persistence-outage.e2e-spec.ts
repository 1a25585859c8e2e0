/**
 * Postgres unreachable for the worker while a supervisor acts: the API must not say "applied" before
 * the change is in the read model (it answers 503 and the client retries with its Idempotency-Key), and
 * the action is applied exactly once when Postgres is back.
 */
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@zhengdun/config';
import { createDataSource } from '@zhengdun/persistence';
import { CaseClient } from '@zhengdun/temporal';
import { createApiApp, type RunningApi } from '../../apps/api/src/create-app';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { caseInput, county, measuresFor, secretaryOf } from '../support/cases';
import {
  createTestDatabase,
  eventually,
  startTestWorker,
  temporalAddress,
  testActorKey,
  testActorKeyHex,
  uniqueTaskQueue,
  type RunningTestWorker,
  type TestDatabase,
} from '../support/environment';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { TEST_JWT_SECRET } from '../support/test-auth';

const API_WAIT_MS = 12_000;

let db: TestDatabase;
let proxy: TcpProxy;
let workerDataSource: DataSource;
let worker: RunningTestWorker;
let api: RunningApi;
let connection: Connection;
let cases: CaseClient;
let client: Client;
let token: string;
let caseId: string;

beforeAll(async () => {
  const taskQueue = uniqueTaskQueue('pg-outage');
  db = await createTestDatabase();
  const direct = new URL(db.url);
  proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
  // Only the worker reaches Postgres through the proxy: the API's own tables (idempotency, audit) stay up.
  workerDataSource = await createDataSource(Object.assign(new URL(db.url), { port: String(proxy.port) }).toString(), {
    extra: { connectionTimeoutMillis: 2000 },
  }).initialize();
  worker = await startTestWorker(taskQueue, workerDataSource);
  const config = {
    ...loadConfig({
      ZHENGDUN_MODE: 'development',
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      ACTOR_SIGNING_KEY: testActorKeyHex(),
      LOG_LEVEL: 'silent',
    }),
    port: 0,
  };
  api = await createApiApp({ config, host: '127.0.0.1', temporalTimeoutMs: API_WAIT_MS });
  connection = await Connection.connect({ address: temporalAddress() });
  client = new Client({ connection });
  cases = new CaseClient(client, taskQueue, { actorKey: testActorKey() });
  const input = caseInput('rural');
  caseId = await cases.open(input, county);
  token = await mintDevToken(config.auth, secretaryOf(input.org.code));
  await eventually(async () => (await db.dataSource.query('SELECT 1 FROM case_record WHERE case_id = $1', [caseId])).length === 1, 30_000, 'the case in the read model');
});

afterAll(async () => {
  proxy?.restore();
  await api?.close();
  await worker?.stop();
  await workerDataSource?.destroy();
  await connection?.close();
  await proxy?.close();
  await db?.drop();
});

async function submitPlan(body: unknown, key: string): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${api.url}/cases/${encodeURIComponent(caseId)}/actions/submitPlan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

test('an action during an outage is answered 503, not 200, and applied exactly once when Postgres is back', async () => {
  const plan = { measures: measuresFor(await cases.state(caseId)) };
  proxy.cut();
  const duringOutage = await submitPlan(plan, 'outage-submit-plan-1');
  expect(duringOutage.status).toBe(503);
  expect(duringOutage.body.code).toBe('workflow_unavailable');
  // Not in the read model, though the workflow has accepted it.
  expect((await db.dataSource.query('SELECT stage FROM case_record WHERE case_id = $1', [caseId]))[0].stage).toBe('assigned');

  proxy.restore();
  const retried = await eventually(async () => {
    const answer = await submitPlan(plan, 'outage-submit-plan-1');
    return answer.status === 200 ? answer : undefined;
  }, 120_000, 'the retried action to be answered 200');
  expect(retried.body.stage).toBe('planning');

  const state = await cases.state(caseId);
  expect(state.timeline.filter((entry) => entry.type === 'plan_submitted')).toHaveLength(1);
  expect(state.plan.version).toBe(1);
  const rows = await db.dataSource.query('SELECT stage, seq FROM case_record WHERE case_id = $1', [caseId]);
  expect(rows[0]).toMatchObject({ stage: 'planning', seq: state.seq });
  const events = await db.dataSource.query("SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'plan_submitted'", [caseId]);
  expect(events[0].n).toBe(1);
});
