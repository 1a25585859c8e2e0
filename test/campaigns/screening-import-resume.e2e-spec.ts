/**
 * An import whose workflow is terminated half-way is taken up again by uploading the same file:
 * the rows already handled are skipped, starts that were in flight are recognised as its own, and
 * every organization ends with exactly one case.
 */
import { ScreeningImportService, writeScreeningList, type ScreeningRowValues } from '@zhengdun/campaigns';
import { ImportClient } from '@zhengdun/temporal';
import { importWorkflowId } from '@zhengdun/workflows';
import { county, SECONDS_POLICY, testCampaign } from '../support/cases';
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
