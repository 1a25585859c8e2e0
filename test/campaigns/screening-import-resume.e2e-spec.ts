/**
 * An import whose workflow is terminated half-way is taken up again by uploading the same file:
 * the rows already handled are skipped, starts that were in flight are recognised as its own, and
 * every organization ends with exactly one case. A start that fails for a passing fault fails its batch
 * (Temporal tries it again); an import is done only when no row is left pending; and a batch attempt
 * that finishes late never lowers its counters.
 */
import { createImportActivities } from '@zhengdun/activities';
import { ScreeningImportService, writeScreeningList, type ScreeningRowValues } from '@zhengdun/campaigns';
import { caseIdFor } from '@zhengdun/domain';
import { ImportRepository } from '@zhengdun/persistence';
import { ImportClient, type CaseClient } from '@zhengdun/temporal';
import { importWorkflowId } from '@zhengdun/workflows';
import { caseInput, county, SECONDS_POLICY, testCampaign } from '../support/cases';
import { eventually } from '../support/environment';
import { startCampaignEnv, type CampaignTestEnv } from './support/campaign-env';
import { allRunsOf } from '../support/visibility';

let env: CampaignTestEnv;
const { campaign } = testCampaign(SECONDS_POLICY);

beforeAll(async () => {
  env = await startCampaignEnv('import-resume');
});

afterAll(async () => {
  await env?.terminateRunning();
  await env?.stop();
});

function rows(count: number): ScreeningRowValues[] {
  return Array.from({ length: count }, (_, i) => ({
    orgCode: `RES-${i + 1}`,
    orgName: `第${i + 1}党支部`,
    domain: '社区',
    township: '青山镇',
    secretaryName: `书记${i + 1}`,
    secretaryId: `sec-res-${i + 1}`,
    category: '组织覆盖薄弱',
    description: '党员底数不清',
  }));
}

it('resumes a terminated import when the same file is uploaded again, starting each case once', async () => {
  const file = await writeScreeningList(rows(240), 'csv');
  const service = new ScreeningImportService(env.db.dataSource, new ImportClient(env.client, env.taskQueue), { batchSize: 20, concurrency: 2 });
  const first = await service.upload({ campaign, policy: SECONDS_POLICY, content: file, fileName: 'list.csv', uploadedBy: county });
  expect(first).toMatchObject({ created: true, total: 240, issues: [] });

  await eventually(async () => (await service.progress(first.importId)).started >= 40, 60_000, 'some cases to start');
  await env.client.workflow.getHandle(importWorkflowId(first.importId)).terminate('operator stopped the import');
  const stopped = await service.progress(first.importId);
  expect(stopped.done).toBe(false);
  expect(stopped.started).toBeLessThan(240);

  const again = await service.upload({ campaign, policy: SECONDS_POLICY, content: file, fileName: 'list.csv', uploadedBy: county });
  expect(again).toMatchObject({ created: false, importId: first.importId });
  const done = await eventually(async () => {
    const progress = await service.progress(first.importId);
    return progress.done ? progress : undefined;
  }, 120_000, 'the resumed import to finish');
  expect(done).toMatchObject({ total: 240, started: 240, alreadyExisting: 0, failed: 0 });
  await eventually(async () => (await env.client.workflow.count(`WorkflowType = 'caseWorkflow' AND ZdCampaign = '${campaign.id}'`)).count === 240, 30_000, '240 cases');
  await env.client.workflow.getHandle(importWorkflowId(first.importId)).result(); // the second run
  const runs = await allRunsOf(env.client, importWorkflowId(first.importId));
  expect(runs.map((run) => run.status.name).sort()).toEqual(['COMPLETED', 'TERMINATED']);
});

/** Stores an import of `count` community organizations directly (no workflow), for driving its activities by hand. */
async function storedImport(name: string, count: number): Promise<{ importId: string; caseIds: string[] }> {
  const { campaign: ofImport, policy } = testCampaign(SECONDS_POLICY);
  const importId = `${ofImport.id}:${name}`;
  const inputs = Array.from({ length: count }, (_, n) => ({ ...caseInput('community', { orgCode: `${name}-${n + 1}`, policy }), campaign: ofImport }));
  const caseIds = inputs.map((input) => caseIdFor(ofImport.id, input.org.code));
  await new ImportRepository(env.db.dataSource).createOnce(
    { id: importId, campaignId: ofImport.id, fileSha256: name, fileName: 'list.csv', workflowId: importId, campaign: ofImport, policy, openedBy: county, rowCount: count, issues: [] },
    inputs.map((input, index) => ({ rowNo: index + 2, orgCode: input.org.code, caseId: caseIds[index], input })),
  );
  return { importId, caseIds };
}

it('fails the batch when a start fails for a passing fault, leaving the row pending for the retry', async () => {
  const { importId, caseIds } = await storedImport('FLAKY', 2);
  let faults = 1;
  const flakyCases = Object.assign(Object.create(env.cases) as CaseClient, {
    open: (...args: Parameters<CaseClient['open']>) => (faults-- > 0 ? Promise.reject(new Error('14 UNAVAILABLE: connection reset')) : env.cases.open(...args)),
  });
  const activities = createImportActivities({ dataSource: env.db.dataSource, cases: flakyCases, client: env.client });
  await expect(activities.startImportBatch({ importId, afterRow: 0, limit: 10, concurrency: 1 })).rejects.toThrow('connection reset');
  const rows = await env.db.dataSource.query('SELECT row_no, status, attempts, last_error FROM import_row WHERE import_id = $1 ORDER BY row_no', [importId]);
  expect(rows).toEqual([
    { row_no: 2, status: 'pending', attempts: 1, last_error: '14 UNAVAILABLE: connection reset' },
    { row_no: 3, status: 'started', attempts: 1, last_error: null },
  ]);
  // Temporal's retry of the same batch starts the row that failed.
  expect(await activities.startImportBatch({ importId, afterRow: 0, limit: 10, concurrency: 1 })).toMatchObject({ processed: 1, counts: { started: 2, failed: 0 } });
  for (const caseId of caseIds) await env.client.workflow.getHandle(caseId).describe();
});

it('finishes only when no row is left pending, and a late batch attempt never lowers the counters', async () => {
  const imports = new ImportRepository(env.db.dataSource);
  const activities = createImportActivities({ dataSource: env.db.dataSource, cases: env.cases, client: env.client });
  const { importId, caseIds } = await storedImport('STRAGGLER', 3);

  // A batch started row 2; rows 3 and 4 lie behind afterRow 4, left pending by an attempt Temporal gave up on.
  expect(await activities.startImportBatch({ importId, afterRow: 0, limit: 1, concurrency: 1 })).toMatchObject({ processed: 1, lastRow: 2 });
  const countedEarly = await imports.counts(importId);
  expect(countedEarly).toMatchObject({ started: 1, pending: 2 });
  expect(await activities.startImportBatch({ importId, afterRow: 4, limit: 10, concurrency: 2 })).toEqual({
    processed: 2,
    lastRow: 4,
    counts: { total: 3, started: 3, alreadyExisting: 0, failed: 0 },
  });
  expect(await activities.startImportBatch({ importId, afterRow: 4, limit: 10, concurrency: 2 })).toMatchObject({ processed: 0 });
  expect(await activities.finishImport(importId)).toEqual({ total: 3, started: 3, alreadyExisting: 0, failed: 0 });

  // The abandoned attempt's refresh, counted before the sweep, lands after the finish.
  const late = Object.assign(new ImportRepository(env.db.dataSource), { counts: async () => countedEarly });
  await late.refreshCounters(importId);
  expect(await imports.findById(importId)).toMatchObject({ started: 3, alreadyExisting: 0, failed: 0, done: true });
  for (const caseId of caseIds) await env.client.workflow.getHandle(caseId).describe();
});
