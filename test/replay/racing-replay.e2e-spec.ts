/**
 * Determinism when messages race the workflow's own work: actions and signals sent the moment a
 * case opens (while its first local activity runs) and while its deadline timer is replaced. Each
 * history must replay against the code that wrote it; where a patch marker lands must not depend on
 * how an Update and a local activity's result happen to share a workflow task.
 */
import { Worker } from '@temporalio/worker';
import type { MeasureDraft } from '@zhengdun/domain';
import { caseInput, committee, county, secretaryOf } from '../support/cases';
import { caseClientFor, createTestDatabase, installQuietRuntime, startTestWorker, uniqueTaskQueue, workflowBundlePath, type RunningTestWorker, type TestDatabase } from '../support/environment';

const CASES = 24;
const taskQueue = uniqueTaskQueue('racing-replay');
let db: TestDatabase;
let worker: RunningTestWorker;
let connection: Awaited<ReturnType<typeof caseClientFor>>;

beforeAll(async () => {
  installQuietRuntime();
  db = await createTestDatabase();
  worker = await startTestWorker(taskQueue, db.dataSource);
  connection = await caseClientFor(taskQueue);
});

afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await db?.drop();
});

it('replays cases whose first actions and signals raced their first workflow tasks', async () => {
  const { cases, client } = connection;
  const caseIds = await Promise.all(
    Array.from({ length: CASES }, async (_, i) => {
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
});
