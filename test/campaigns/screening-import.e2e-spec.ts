/**
 * Importing a screening list (摸排名单) of 5,000 rows, 20 of them bad, on the real Temporal dev
 * server and Postgres: the bad rows come back with their row numbers and Chinese reasons, 4,980 case
 * workflows are started by the import workflow in batches, and uploading the same file again starts
 * nothing. Prints how long the import took.
 */
import { ScreeningImportService, writeScreeningList, type ScreeningRowValues } from '@zhengdun/campaigns';
import { ImportClient } from '@zhengdun/temporal';
import { DEFAULT_POLICY, ORG_DOMAIN_LABELS, ORG_DOMAINS, PROBLEM_CATEGORIES, problemCategoriesFor, type CampaignPolicy } from '@zhengdun/domain';
import { importWorkflowId } from '@zhengdun/workflows';
import { county, testCampaign } from '../support/cases';
import { eventually } from '../support/environment';
import { startCampaignEnv, type CampaignTestEnv } from './support/campaign-env';
import { allRunsOf } from '../support/visibility';

jest.setTimeout(30 * 60_000);

let env: CampaignTestEnv;
const ROWS = 5_000;
const POLICY: CampaignPolicy = { ...DEFAULT_POLICY, reminderLead: { amount: 3, unit: 'days' } };
const { campaign } = testCampaign(POLICY);
const TOWNSHIPS = ['青山镇', '河口镇', '柳营镇', '博望镇', '龙头镇', '沙河营镇', '文川镇', '五堵镇', '二里镇', '非公党工委'];

/** Every 250th row (from the 17th) has exactly one defect, of five kinds in turn. */
const DEFECTS: { apply: (row: ScreeningRowValues) => ScreeningRowValues; field: string; reason: RegExp }[] = [
  { apply: (row) => ({ ...row, domain: '工厂' }), field: '领域', reason: /^领域“工厂”无效/ },
  { apply: (row) => ({ ...row, category: '作风不实' }), field: '问题类别', reason: /^问题类别“作风不实”无效/ },
  { apply: (row) => ({ ...row, description: '' }), field: '问题描述', reason: /^问题描述不能为空/ },
  { apply: (row) => ({ ...row, orgCode: `${row.orgCode}#` }), field: '组织代码', reason: /^组织代码只能由字母、数字/ },
  { apply: (row) => ({ ...row, secretaryName: '' }), field: '支部书记姓名', reason: /^支部书记姓名不能为空/ },
];
const isBad = (index: number) => index % 250 === 17;

function generateRows(): ScreeningRowValues[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const code = `IMP-${String(i + 1).padStart(5, '0')}`;
    const domainKey = ORG_DOMAINS[i % ORG_DOMAINS.length];
    const domain = ORG_DOMAIN_LABELS[domainKey];
    // Categories that fit the domain (村霸 belongs to a village): only the defects below are bad.
    const categories = problemCategoriesFor(domainKey);
    const row: ScreeningRowValues = {
      orgCode: code,
      orgName: `${TOWNSHIPS[i % TOWNSHIPS.length]}第${i + 1}党支部`,
      domain,
      township: TOWNSHIPS[i % TOWNSHIPS.length],
      isKeyVillage: domain === '农村' && i % 7 === 0 ? '是' : '否',
      secretaryName: `书记${i + 1}`,
      secretaryId: `sec-${code}`,
      category: PROBLEM_CATEGORIES[categories[i % categories.length]],
      description: `摸排发现的问题（第${i + 1}条）：组织生活不经常，群众意见较大`,
      source: '拉网式排查',
    };
    return isBad(i) ? DEFECTS[Math.floor(i / 250) % DEFECTS.length].apply(row) : row;
  });
}

beforeAll(async () => {
  env = await startCampaignEnv('import');
});

afterAll(async () => {
  const terminated = await env?.terminateRunning();
  console.log(`terminated ${terminated} running workflows`);
  await env?.stop();
});

const caseCount = async (): Promise<number> => (await env.client.workflow.count(`WorkflowType = 'caseWorkflow' AND ZdCampaign = '${campaign.id}'`)).count;
const readModelCount = async (): Promise<number> => Number((await env.db.dataSource.query('SELECT count(*) FROM case_record WHERE campaign_id = $1', [campaign.id]))[0].count);

it('imports 5,000 rows: 20 bad rows reported, 4,980 cases started, and the same file again starts none', async () => {
  const rows = generateRows();
  const bad = rows.map((_, i) => i).filter(isBad);
  expect(bad).toHaveLength(20);
  const file = await writeScreeningList(rows, 'xlsx');
  const service = new ScreeningImportService(env.db.dataSource, new ImportClient(env.client, env.taskQueue), { batchSize: 200, concurrency: 8 });

  const samples: string[] = [];
  let t0 = Date.now();
  const sampler = setInterval(() => {
    void Promise.all([env.db.dataSource.query(`SELECT count(*) FILTER (WHERE status = 'started') AS started FROM import_row`), readModelCount()])
      .then(([[row], projected]) => samples.push(`${Math.round((Date.now() - t0) / 1000)}s ${row.started}/${projected}`))
      .catch(() => undefined);
  }, 30_000);
  sampler.unref();
  t0 = Date.now();
  const upload = await service.upload({ campaign, policy: POLICY, content: file, fileName: '2026年摸排名单.xlsx', uploadedBy: county });
  const tAccepted = Date.now();
  expect(upload).toMatchObject({ created: true, rowCount: ROWS, total: ROWS - 20, importId: expect.stringContaining(campaign.id), workflowId: importWorkflowId(upload.importId) });
  expect(upload.issues).toHaveLength(20);
  upload.issues.forEach((issue, n) => {
    const defect = DEFECTS[Math.floor(bad[n] / 250) % DEFECTS.length];
    expect(issue.row).toBe(bad[n] + 2); // the header is row 1
    expect(issue.field).toBe(defect.field);
    expect(issue.reason).toMatch(defect.reason);
    expect(issue.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  // Progress is visible while it runs, through the workflow's query and in Postgres.
  const partway = await eventually(async () => {
    const live = await service.liveProgress(upload.importId);
    return live.started > 0 ? live : undefined;
  }, 60_000, 'the first cases to start');
  expect(partway).toMatchObject({ total: ROWS - 20, done: false });

  const done = await eventually(async () => {
    const progress = await service.progress(upload.importId);
    return progress.done ? progress : undefined;
  }, 20 * 60_000, 'the import to finish');
  const tStarted = Date.now();
  expect(done).toMatchObject({ total: 4980, started: 4980, alreadyExisting: 0, failed: 0, done: true, finishedAt: expect.any(String) });
  expect(await service.liveProgress(upload.importId)).toEqual({ total: 4980, started: 4980, alreadyExisting: 0, failed: 0, done: true });
  await eventually(async () => (await caseCount()) === 4980, 60_000, 'visibility to list 4,980 cases');

  // The worker runs every case it started: each opens and writes its read-model row.
  await eventually(async () => (await readModelCount()) === 4980, 20 * 60_000, 'every case in the read model');
  const tProjected = Date.now();
  clearInterval(sampler);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `5,000-row screening list: parsed, validated and stored in ${seconds(tAccepted - t0)} s; ` +
      `4,980 case workflows started in ${seconds(tStarted - t0)} s (${(4980 / ((tStarted - t0) / 1000)).toFixed(0)} cases/s); ` +
      `all 4,980 in the read model after ${seconds(tProjected - t0)} s\n` +
      `(elapsed started/in read model, every 30 s: ${samples.join(', ')})`,
  );

  // The same file again: the same import, nothing started twice.
  const again = await service.upload({ campaign, policy: POLICY, content: file, fileName: '2026年摸排名单(1).xlsx', uploadedBy: county });
  expect(again).toMatchObject({ created: false, importId: upload.importId, total: 4980, started: 4980, alreadyExisting: 0, done: true });
  expect(again.issues).toHaveLength(20);
  expect(await allRunsOf(env.client, importWorkflowId(upload.importId))).toHaveLength(1);
  expect(await caseCount()).toBe(4980);

  // The same organizations in another file (CSV this time): one case per organization per campaign anyway.
  const subset = rows.slice(0, 300);
  const valid = 300 - bad.filter((i) => i < 300).length;
  const csv = await service.upload({ campaign, policy: POLICY, content: await writeScreeningList(subset, 'csv'), fileName: '补报名单.csv', uploadedBy: county });
  expect(csv).toMatchObject({ created: true, total: valid });
  expect(csv.importId).not.toBe(upload.importId);
  const csvDone = await eventually(async () => {
    const progress = await service.progress(csv.importId);
    return progress.done ? progress : undefined;
  }, 5 * 60_000, 'the second import to finish');
  expect(csvDone).toMatchObject({ total: valid, started: 0, alreadyExisting: valid, failed: 0 });
  expect(await caseCount()).toBe(4980);
  expect((await service.list(campaign.id)).map((i) => i.importId).sort()).toEqual([upload.importId, csv.importId].sort());
});
