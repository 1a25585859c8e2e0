/**
 * Campaign features over HTTP: the campaign's workflow started with it, the screening-list template,
 * uploading a screening list (multipart) that opens cases, and the ledger (台账) export by scope.
 */
import ExcelJS from 'exceljs';
import { readLedgerWorkbook, SCREENING_HEADERS, SCREENING_SHEET_NAME, writeScreeningList, type ScreeningRowValues } from '@zhengdun/campaigns';
import { DEFAULT_POLICY, PROBLEM_CATEGORIES, type Actor } from '@zhengdun/domain';
import { campaignWorkflowId } from '@zhengdun/workflows';
import { campaignBody, newOrgCode, openCaseBody, screeningRow } from '../support/api-fixtures';
import { startApiHarness, type ApiHarness, type HttpResult } from '../support/api-harness';
import { auditor, committee, county, secretaryOf, SECONDS_POLICY, TOWNSHIP } from '../support/cases';
import { eventually } from '../support/environment';
import { allRunsOf } from '../support/visibility';

let h: ApiHarness;
let campaignId: string;

const OTHER_TOWNSHIP = '河口镇';
const CATEGORIES = Object.values(PROBLEM_CATEGORIES);

beforeAll(async () => {
  h = await startApiHarness('api-campaigns');
  const created = await h.post('/campaigns', { as: county, body: campaignBody() });
  expect(created.status).toBe(201);
  campaignId = created.body.id;
});

afterAll(async () => {
  await h?.stop();
});

async function binary(path: string, as: Actor) {
  const response = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${await h.token(as)}` } });
  return { status: response.status, headers: response.headers, content: Buffer.from(await response.arrayBuffer()) };
}

async function upload(content: Buffer, fileName: string, as: Actor = county, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<HttpResult> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
  const response = await fetch(`${h.url}/campaigns/${campaignId}/screening-imports`, { method: 'POST', headers: { authorization: `Bearer ${await h.token(as)}` }, body: form });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined };
}

const row = screeningRow;

const codes = Array.from({ length: 5 }, () => newOrgCode());
const rows: ScreeningRowValues[] = [
  row(codes[0], TOWNSHIP),
  row(codes[0], TOWNSHIP, { category: CATEGORIES[1], description: '支部书记年龄偏大，工作不在状态' }),
  row(codes[1], TOWNSHIP),
  row(codes[2], OTHER_TOWNSHIP),
  row(codes[3], TOWNSHIP, { domain: '工厂' }), // row 6
  row(codes[4], OTHER_TOWNSHIP, { description: '' }), // row 7
];
const validCodes = codes.slice(0, 3).sort();

async function listedCodes(as: Actor = county): Promise<string[]> {
  const listed = await h.get(`/cases?campaignId=${campaignId}&pageSize=100`, { as });
  expect(listed.status).toBe(200);
  return listed.body.items.map((item: { orgCode: string }) => item.orgCode).sort();
}

it('starts the campaign’s workflow with the campaign and reports its days left', async () => {
  const status = await h.get(`/campaigns/${campaignId}/status`, { as: committee });
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({ campaignId, workflowId: campaignWorkflowId(campaignId), lastSummary: null, ended: false });
  expect(status.body.daysLeft).toBeGreaterThanOrEqual(29);
  expect((await h.get('/campaigns/nosuchcampaign/status', { as: county })).status).toBe(404);
});

it('takes a partial policy: the periods the county changes, the rest from the defaults', async () => {
  const created = await h.post('/campaigns', { as: county, body: campaignBody({ publicityPeriod: { amount: 7, unit: 'workingDays' }, satisfactionThreshold: 0.9 } as never) });
  expect(created.status).toBe(201);
  expect(created.body.policy).toEqual({ ...DEFAULT_POLICY, publicityPeriod: { amount: 7, unit: 'workingDays' }, satisfactionThreshold: 0.9 });
  const wrong = await h.post('/campaigns', { as: county, body: campaignBody({ reminderLead: { amount: 2, unit: 'workingDays' } } as never) });
  expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 400, code: 'invalid_policy' });
});

it('takes the county summary cadence with the policy, and sends the summary on it', async () => {
  const created = await h.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, summaryCadence: { amount: 2, unit: 'seconds' } }) });
  expect(created.status).toBe(201);
  expect(created.body.policy.summaryCadence).toEqual({ amount: 2, unit: 'seconds' });
  const status = await eventually(async () => {
    const found = await h.get(`/campaigns/${created.body.id}/status`, { as: county });
    return found.body.lastSummary ? found.body : undefined;
  }, 20_000, 'the first summary');
  expect(status.ended).toBe(false);

  const zero = await h.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, summaryCadence: { amount: 0, unit: 'days' } }) });
  expect(zero.status).toBe(400);
  expect(zero.body.code).toBe('invalid_policy');
});

it('carries the village committees’ re-election date: a village’s measure due after it is refused, a township with its own date is held to that', async () => {
  const day = 86_400_000;
  const reelectionAt = new Date(Date.now() + 10 * day).toISOString();
  const created = await h.post('/campaigns', {
    as: county,
    body: campaignBody(SECONDS_POLICY, { reelection: { at: reelectionAt, townships: [{ township: '河口镇', at: new Date(Date.now() + 5 * day).toISOString() }] } }),
  });
  expect(created.status).toBe(201);
  expect(created.body.reelection).toEqual({ at: reelectionAt, byTownship: { 河口镇: expect.any(String) } });
  const planFor = async (township: string, dueInDays: number) => {
    const opened = await h.post(`/campaigns/${created.body.id}/cases`, { as: county, body: openCaseBody('rural', { township }) });
    expect(opened.status).toBe(201);
    const caseId = encodeURIComponent(opened.body.caseId);
    const state = (await h.get(`/cases/${caseId}`, { as: county })).body.case;
    const measures = state.problems.map((problem: { id: string }) => ({
      problemId: problem.id,
      description: '召开党员大会，逐项整改并建立台账',
      ownerId: state.org.secretary.personId,
      ownerName: state.org.secretary.name,
      dueAt: new Date(Date.now() + dueInDays * day).toISOString(),
    }));
    return h.post(`/cases/${caseId}/actions/submitPlan`, { as: secretaryOf(state.org.code), body: { measures } });
  };
  const late = await planFor(TOWNSHIP, 12);
  expect(late.status).toBe(422);
  expect(late.body.detail).toContain('须换届前整顿到位');
  expect((await planFor(TOWNSHIP, 8)).status).toBe(200);
  // 河口镇 holds its re-election five days from now.
  expect((await planFor('河口镇', 8)).status).toBe(422);
});

it('warns the approver of a plan copied from another organization, of a plan of vague measures and of a problem without its root cause, and approval still goes through', async () => {
  const created = await h.post('/campaigns', { as: county, body: campaignBody() });
  const openWithPlan = async (texts: readonly string[], causesFor = ['p1', 'p2']) => {
    const opened = await h.post(`/campaigns/${created.body.id}/cases`, { as: county, body: openCaseBody('rural') });
    const caseId = encodeURIComponent(opened.body.caseId);
    const state = (await h.get(`/cases/${caseId}`, { as: county })).body.case;
    const measures = state.problems.flatMap((problem: { id: string }) =>
      texts.map((description) => ({ problemId: problem.id, description, ownerId: state.org.secretary.personId, ownerName: state.org.secretary.name, dueAt: new Date(Date.now() + 86_400_000).toISOString() })),
    );
    const rootCauses = causesFor.map((problemId) => ({ problemId, cause: '支委会长期不开，党员大会无人召集' }));
    expect((await h.post(`/cases/${caseId}/actions/submitPlan`, { as: secretaryOf(state.org.code), body: { measures, rootCauses } })).status).toBe(200);
    await eventually(async () => (await h.get(`/cases/${caseId}`, { as: county })).body.case.plan.status === 'submitted', 10_000, 'the plan in the read model');
    return { caseId, orgName: state.org.name as string };
  };
  const original = await openWithPlan(['每月开展1次主题党日活动并建立台账', '6月底前完成支委会补选，配齐班子成员']);
  const copy = await openWithPlan(['每月开展1次主题党日活动，并建立台账。', '6月底前完成支委会补选，配齐班子成员']);
  const vague = await openWithPlan(['进一步加强学习', '切实提高党员意识'], ['p1']);

  const copied = await h.get(`/cases/${copy.caseId}/plan-warnings`, { as: committee });
  expect(copied.status).toBe(200);
  expect(copied.body.warnings).toEqual([expect.objectContaining({ kind: 'similar_plan', orgName: original.orgName, messageZh: expect.stringContaining('照搬照抄') })]);
  const vagueWarnings = (await h.get(`/cases/${vague.caseId}/plan-warnings`, { as: committee })).body.warnings;
  expect(vagueWarnings.map((warning: { kind: string }) => warning.kind)).toEqual(['vague_measure', 'vague_measure', 'vague_measure', 'vague_measure', 'no_root_cause']);
  expect(vagueWarnings[4]).toMatchObject({ problemId: 'p2', messageZh: expect.stringContaining('没有写明问题根源') });
  // Warnings, not refusals: the committee may still approve.
  expect((await h.post(`/cases/${vague.caseId}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);
});

it('downloads the screening template with the Chinese headers', async () => {
  const response = await binary(`/campaigns/${campaignId}/screening-template`, county);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  expect(response.headers.get('content-disposition')).toBe(
    `attachment; filename="zhengdun-screening-template.xlsx"; filename*=UTF-8''${encodeURIComponent('摸排名单模板.xlsx')}`,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.content as unknown as ExcelJS.Buffer);
  const header = workbook.getWorksheet(SCREENING_SHEET_NAME)!.getRow(1).values as unknown[];
  expect(header.slice(1)).toEqual([...SCREENING_HEADERS]);
  expect(workbook.getWorksheet('填写说明')).toBeDefined();
});

it('imports a screening list: bad rows reported in Chinese, valid organizations opened, the same file again starts nothing', async () => {
  const file = await writeScreeningList(rows, 'xlsx');
  const accepted = await upload(file, '2026年摸排名单.xlsx');
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ created: true, campaignId, total: 3, rowCount: 6, fileName: '2026年摸排名单.xlsx' });
  expect(accepted.body.importId).toMatch(new RegExp(`^${campaignId}:[0-9a-f]{64}$`));
  const issues: { row: number; field: string; reason: string }[] = accepted.body.issues;
  expect(issues.map((issue) => [issue.row, issue.field])).toEqual([
    [6, '领域'],
    [7, '问题描述'],
  ]);
  expect(issues[0].reason).toMatch(/^领域“工厂”无效/);
  expect(issues[1].reason).toMatch(/^问题描述不能为空/);

  const importPath = `/campaigns/${campaignId}/screening-imports/${accepted.body.importId}`;
  const done = await eventually(async () => {
    const progress = await h.get(importPath, { as: county });
    return progress.body.done ? progress.body : undefined;
  }, 30_000, 'the import to finish');
  expect(done).toMatchObject({ total: 3, started: 3, failed: 0, issueCount: 2 });
  await eventually(async () => (await listedCodes()).length === 3, 20_000, 'the cases in GET /cases');
  expect(await listedCodes()).toEqual(validCodes);

  const again = await upload(file, '2026年摸排名单(1).xlsx');
  expect(again.status).toBe(202);
  expect(again.body).toMatchObject({ created: false, importId: accepted.body.importId, started: 3, done: true });
  expect(await allRunsOf(h.client, `import:${accepted.body.importId}`)).toHaveLength(1);
  expect(await listedCodes()).toEqual(validCodes);

  expect((await h.get(`/campaigns/${campaignId}/screening-imports/${campaignId}:${'0'.repeat(64)}`, { as: county })).status).toBe(404);

  // Audited with the file's SHA-256 as the payload digest.
  const audited = await h.db.dataSource.query(`SELECT payload_digest, outcome FROM audit_entry WHERE action = 'uploadScreeningList' ORDER BY id`);
  expect(audited).toEqual([
    { payload_digest: accepted.body.fileSha256, outcome: 'accepted' },
    { payload_digest: accepted.body.fileSha256, outcome: 'accepted' },
  ]);
});

it('refuses a file that is not a spreadsheet (400 naming file), a secretary (403) and a file over 10 MB (413)', async () => {
  const notes = await upload(Buffer.from('这不是表格'), 'notes.txt', county, 'text/plain');
  expect(notes.status).toBe(400);
  expect(notes.headers.get('content-type')).toContain('application/problem+json');
  expect(notes.body.errors[0].field).toBe('file');
  const fakeXlsx = await upload(Buffer.from('%PDF-1.7 not a workbook'), 'list.xlsx');
  expect(fakeXlsx.status).toBe(400);
  expect(fakeXlsx.body).toMatchObject({ code: 'invalid_file', errors: [{ field: 'file' }] });

  const file = await writeScreeningList([row(newOrgCode(), TOWNSHIP)], 'xlsx');
  const secretary = await upload(file, 'list.xlsx', secretaryOf(codes[0]));
  expect(secretary.status).toBe(403);
  expect(secretary.body.code).toBe('role_not_permitted');

  const huge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'huge.csv', county, 'text/csv');
  expect(huge.status).toBe(413);
  expect(huge.body).toMatchObject({ code: 'file_too_large', errors: [{ field: 'file' }] });
});

it('exports the ledger within the caller’s scope, listing the same cases as GET /cases', async () => {
  await eventually(async () => (await listedCodes()).length === 3, 20_000, 'the imported cases');
  const ledgerCodes = async (as: Actor, query: string) => {
    const response = await binary(`/ledger?campaignId=${campaignId}${query}`, as);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    const ledger = await readLedgerWorkbook(response.content);
    expect(Number(response.headers.get('x-ledger-cases'))).toBe(ledger.cases.length);
    return ledger.cases.map((item) => String(item['组织代码'])).sort();
  };
  expect(await ledgerCodes(county, '')).toEqual(await listedCodes(county));
  expect(await ledgerCodes(auditor, '')).toEqual(validCodes);
  // A township committee gets its own township, whatever it asks for.
  const own = await ledgerCodes(committee, `&township=${encodeURIComponent(OTHER_TOWNSHIP)}`);
  expect(own).toEqual(await listedCodes(committee));
  expect(own).toEqual([codes[0], codes[1]].sort());

  const secretary = await h.get(`/ledger?campaignId=${campaignId}`, { as: secretaryOf(codes[0]) });
  expect(secretary.status).toBe(403);
  expect((await h.get('/ledger?domain=factory', { as: county })).status).toBe(400);
});
