/**
 * A Postgres outage that lasts: the worker cannot write a case's read model for far longer than a
 * write is retried. The case must not grow its history without bound (each retry costs events, and a
 * history past Temporal's limit ends the workflow): it pauses on durable timers and continues as new
 * with the write still pending, every run within its budget. Actions taken meanwhile are kept, and
 * when Postgres is back the read model and the outbox get everything, each notification once.
 */
import type { DataSource } from 'typeorm';
import { createCaseActivities } from '@zhengdun/activities';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { caseInput, committee, county, measuresFor, secretaryOf } from '../support/cases';
import { caseClientFor, createTestDatabase, eventually, installQuietRuntime, startTestWorker, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';
import { replayAndMaybeRecord } from '../support/histories';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';
import { allRunsOf } from '../support/visibility';

const BUDGET = 60;
const taskQueue = uniqueTaskQueue('long-outage');
let db: TestDatabase;
let worker: RunningTestWorker;
let connection: Awaited<ReturnType<typeof caseClientFor>>;
let postgresDown = false;
let failedWrites = 0;

beforeAll(async () => {
  installQuietRuntime();
  db = await createTestDatabase();
  const activities = createCaseActivities(db.dataSource);
  worker = await startTestWorker(taskQueue, db.dataSource, {
    ...activities,
    persistCaseChanges: async (changes) => {
      if (postgresDown) {
        failedWrites += 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432 (simulated outage)');
      }
      return activities.persistCaseChanges(changes);
    },
  });
  connection = await caseClientFor(taskQueue);
});

afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await db?.drop();
});

async function readModelStage(dataSource: DataSource, caseId: string): Promise<string | undefined> {
  const [row]: { stage: string }[] = await dataSource.query(`SELECT stage FROM case_record WHERE case_id = $1`, [caseId]);
  return row?.stage;
}

it('keeps every run of a case within its history budget through a long outage, and writes everything once Postgres is back', async () => {
  const { cases, client } = connection;
  const input = caseInput('rural');
  const caseId = await cases.open(input, county, { maxHistoryEvents: BUDGET, outage: { writeWindowMs: 1_000, firstPauseMs: 200, maxPauseMs: 400 } });
  const secretary = secretaryOf(input.org.code);
  const opened: CaseSnapshot = await cases.state(caseId);
  await eventually(async () => (await readModelStage(db.dataSource, caseId)) === 'assigned', 20_000, 'the opening written');

  postgresDown = true;
  // Two actions while the worker cannot write: both applied by the workflow, neither in the read model yet.
  await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(opened) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  const during = await cases.state(caseId);
  expect(during.stage).toBe('remediating');

  // Long enough for many failed writes and several runs.
  const runs = await eventually(async () => {
    const found = await allRunsOf(client, caseId);
    return found.length >= 3 ? found : undefined;
  }, 90_000, 'the case to continue as new during the outage');
  expect(failedWrites).toBeGreaterThan(3);
  expect(await readModelStage(db.dataSource, caseId)).toBe('assigned');
  for (const run of runs) {
    const history = await client.workflow.getHandle(caseId, run.runId).fetchHistory();
    // The budget is checked after each failed write: a run ends within a few events of it.
    expect(history.events?.length ?? 0).toBeLessThan(BUDGET + 25);
  }

  postgresDown = false;
  await expectReadModelMatchesWorkflows(db.dataSource, cases, { caseIds: [caseId], timeoutMs: 30_000 });
  expect(await readModelStage(db.dataSource, caseId)).toBe('remediating');
  // The plan's notifications (submitted, then approved) are in the outbox once each.
  const notifications: { kind: string; n: number }[] = await db.dataSource.query(
    `SELECT kind, count(*)::int AS n FROM notification_outbox WHERE case_id = $1 AND kind IN ('plan_submitted', 'plan_approved') GROUP BY kind ORDER BY kind`,
    [caseId],
  );
  expect(notifications).toEqual([
    { kind: 'plan_approved', n: 1 },
    { kind: 'plan_submitted', n: 1 },
  ]);
  expect(await replayAndMaybeRecord(client, caseId, 'long-outage')).toBeGreaterThan(2);
}, 180_000);
