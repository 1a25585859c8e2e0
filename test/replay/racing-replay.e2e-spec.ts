/**
 * Determinism when messages race the workflow's own work: actions and signals sent the moment a
 * case opens (while its first local activity runs) and while its deadline timer is replaced. Each
 * history must replay against the code that wrote it; where a patch marker lands must not depend on
 * how an Update and a local activity's result happen to share a workflow task. The second worker's
 * read-model writes are slow, as on a loaded machine: a write that outlasts the task's timeout makes
 * the worker extend the task, and the plan arrives in the extension while the write is still out.
 */
import { Worker } from '@temporalio/worker';
import { createCaseActivities } from '@zhengdun/activities';
import type { MeasureDraft } from '@zhengdun/domain';
import { caseInput, committee, county, secretaryOf } from '../support/cases';
import { caseClientFor, createTestDatabase, installQuietRuntime, startTestWorker, uniqueTaskQueue, workflowBundlePath, type RunningTestWorker, type TestDatabase } from '../support/environment';

const CASES = 24;
const SLOW_WRITE_CASES = 8;
/** Longer than 80% of the 10-second workflow task timeout, when the worker extends a task waiting on a local activity. */
const SLOW_WRITE_MS = 9_000;
const taskQueue = uniqueTaskQueue('racing-replay');
const slowTaskQueue = uniqueTaskQueue('racing-replay-slow');
let db: TestDatabase;
let worker: RunningTestWorker;
let slowWorker: RunningTestWorker;
let connection: Awaited<ReturnType<typeof caseClientFor>>;
let slowConnection: Awaited<ReturnType<typeof caseClientFor>>;

beforeAll(async () => {
  installQuietRuntime();
  db = await createTestDatabase();
  worker = await startTestWorker(taskQueue, db.dataSource);
  const activities = createCaseActivities(db.dataSource);
  let writes = 0;
  slowWorker = await startTestWorker(slowTaskQueue, db.dataSource, {
    ...activities,
    // Every third write is slow: each case's first write (the opening) among them.
    persistCaseChanges: async (changes) => {
      if (writes++ % 3 === 0) await new Promise((resolve) => setTimeout(resolve, SLOW_WRITE_MS + Math.random() * 2_000));
      return activities.persistCaseChanges(changes);
    },
  });
  connection = await caseClientFor(taskQueue);
  slowConnection = await caseClientFor(slowTaskQueue);
});

afterAll(async () => {
  await worker?.stop();
  await slowWorker?.stop();
  await connection?.close();
  await slowConnection?.close();
  await db?.drop();
});

it('replays cases whose first actions and signals raced their first workflow tasks', async () => {
  await raceAndReplay(connection, CASES);
});

it('replays cases whose plan arrived while a slow read-model write held the task open', async () => {
  await raceAndReplay(slowConnection, SLOW_WRITE_CASES);
}, 120_000);

async function raceAndReplay({ cases, client }: Awaited<ReturnType<typeof caseClientFor>>, count: number): Promise<void> {
  const caseIds = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const input = caseInput(i % 2 === 0 ? 'rural' : 'community');
      const caseId = await cases.open(input, county);
      const secretary = secretaryOf(input.org.code);
      // No waiting between: the plan arrives while the opening is still being written.
      const measures: MeasureDraft[] = input.problems.map((_, n) => ({
        problemId: `p${n + 1}`,
        description: '逐月落实整改措施',
        ownerId: secretary.userId,
        ownerName: secretary.name,
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      }));
      const planned = cases.act(caseId, secretary, { type: 'submitPlan', measures });
      const objection = cases.raiseObjection(caseId, { objectionId: `${caseId}-o`, content: '群众反映：整改不到位' });
      await Promise.all([planned, objection]);
      await cases.act(caseId, committee, { type: 'approvePlan' });
      return caseId;
    }),
  );
  for (const caseId of caseIds) {
    const history = await client.workflow.getHandle(caseId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, caseId);
  }
}
