/**
 * The county's work on every screen, in Debian chromium against a real API, worker, Temporal and
 * Postgres: a branch secretary on a phone (390×844) finds its to-do, opens its case and reports a
 * measure done; the auditor verifies the audit trail on /audit; the county reads the progress charts
 * and downloads one township's ledger, which is opened again with exceljs; the case page prints as the
 * organization's file (一村一档) without menu or buttons.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { LEDGER_SHEETS } from '@zhengdun/campaigns';
import { CASE_ACTIONS, DEFAULT_POLICY, MEASURE_STATUS_LABELS, caseIdFor, type Actor, type CaseState } from '@zhengdun/domain';
import { DEV_ACTORS, DEV_ORG_CODE } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc } from '../support/api-harness';
import { launchBrowser, pickOption, SCREENSHOT_DIR, screenshot, type RunningBrowser } from '../support/browser';
import { committee, county, measuresFor, otherCommittee, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';
import { startWebHarness, type WebHarness } from '../support/web-harness';
import { signInAs } from '../support/web-sign-in';

let web: WebHarness;
let browser: RunningBrowser;
let campaignId: string;
let campaignName: string;

const PHONE = { width: 390, height: 844 };
const secretary = DEV_ACTORS.branch_secretary;

/** The action by which a branch secretary reports a measure done (the committee then verifies it). */
const reportMeasure = CASE_ACTIONS.reportMeasureDone;

beforeAll(async () => {
  web = await startWebHarness('pages-ui');
  browser = await launchBrowser();
  campaignName = '2026年度软弱涣散基层党组织集中整顿（页面）';
  // The default periods: no timer fires while the tests run.
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(DEFAULT_POLICY, { name: campaignName }) });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

afterEach(() => {
  expect(browser.problems.splice(0)).toEqual([]);
});

async function caseView(caseId: string): Promise<CaseState> {
  const response = await web.api.get(`/cases/${enc(caseId)}`, { as: county });
  expect(response.status).toBe(200);
  return response.body.case;
}

async function act(caseId: string, action: string, as: Actor, body: unknown = {}): Promise<CaseState> {
  const response = await web.api.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

/** A rural case opened with its team, waiting until it is 已落实包抓. */
async function openCase(body: ReturnType<typeof openCaseBody>): Promise<{ caseId: string; state: CaseState }> {
  const opened = await web.api.post(`/campaigns/${campaignId}/cases`, { as: county, body });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  const state = await eventually(async () => {
    const view = await caseView(caseId);
    return view.stage === 'assigned' ? view : undefined;
  }, 20_000, 'assigned');
  return { caseId, state };
}

/** The development branch secretary's own organization (demo-org), moved by the API to 整顿实施. */
async function secretarysCaseRectifying(): Promise<{ caseId: string; state: CaseState }> {
  const body = openCaseBody('rural', { orgCode: DEV_ORG_CODE });
  body.org.name = '青山镇柳河村党支部';
  body.org.secretary = { personId: secretary.userId, name: secretary.name };
  const { caseId, state } = await openCase(body);
  await act(caseId, 'submitPlan', secretary, { measures: measuresFor(state, 7 * 86_400_000) });
  const approved = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
  expect(approved.stage).toBe('remediating');
  return { caseId, state: approved };
}

let secretaryCase: { caseId: string; state: CaseState } | undefined;

it('a branch secretary on a phone sees its own to-dos, opens its case and reports a measure done', async () => {
  secretaryCase = await secretarysCaseRectifying();
  const { caseId, state } = secretaryCase;
  const measure = state.measures.find((m) => m.status === 'pending')!;

  const page = await browser.newPage(PHONE);
  await signInAs(page, web.url, 'branch_secretary');
  // Lands on its to-dos, shown as cards; the menu is folded away.
  await page.getByTestId('todos-page').waitFor();
  const card = page.getByTestId('todo-card').filter({ hasText: '青山镇柳河村党支部' }).filter({ hasText: measure.description });
  await card.waitFor({ timeout: 15_000 });
  expect(await page.locator('.app-menu .ant-menu').isVisible()).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'phone-todos');
  // The header's button opens the menu over the page, and a choice closes it.
  await page.getByTestId('menu-toggle').click();
  await page.getByRole('menuitem', { name: /我的待办/ }).waitFor();
  await screenshot(page, 'phone-menu', false);
  await page.getByRole('menuitem', { name: /我的待办/ }).click();
  await eventually(async () => !(await page.locator('.app-menu .ant-menu').isVisible()), 5_000, 'the menu folded again');

  await card.getByRole('link', { name: reportMeasure.label }).click();
  await page.getByTestId('case-title').waitFor();
  // The to-do opens the form of the case page's button of that name.
  expect(await page.getByTestId('action-bar').getByRole('button', { name: reportMeasure.label }).count()).toBe(1);
  const modal = page.getByTestId('action-modal');
  await modal.waitFor();
  expect(await page.getByTestId(`action-modal-${reportMeasure.type}`).count()).toBe(1);
  await modal.locator('textarea').first().fill('已召开党员大会通报整改情况，“三会一课”台账已补齐');
  // Once the modal's opening animation has ended.
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter'));
  await screenshot(page, 'phone-report-measure', false);
  await page.getByTestId('action-submit').click();
  await modal.waitFor({ state: 'detached', timeout: 15_000 });

  // The page shows it reported and waiting for the committee's check (a card per measure on a phone), as the API says.
  const item = page.locator(`[data-testid="measure-item"][data-measure="${measure.id}"]`);
  await eventually(async () => (await item.getAttribute('data-status')) === 'reported', 10_000, 'the measure shown reported');
  await item.getByText(MEASURE_STATUS_LABELS.reported).waitFor();
  await item.getByText(`报告说明：已召开党员大会通报整改情况`, { exact: false }).waitFor();
  expect((await caseView(caseId)).measures.find((m) => m.id === measure.id)).toMatchObject({ status: 'reported' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'phone-measure-done');
  await page.close();
});

it('the auditor verifies the audit trail in the page: intact, with the number of entries the API gives', async () => {
  const page = await browser.newPage();
  await signInAs(page, web.url, 'auditor');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await page.waitForURL(/\/audit$/);
  await page.getByTestId('audit-page').waitFor();
  const [answer] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/audit/verify'), page.getByTestId('verify-audit').click()]);
  expect(answer.status()).toBe(200);
  const verified = (await answer.json()) as { ok: boolean; checked: number; lastCheckpointAt?: string };
  expect(verified.ok).toBe(true);
  expect(verified.checked).toBeGreaterThan(5);
  const verdict = page.getByTestId('audit-verdict');
  await verdict.waitFor();
  expect(await verdict.getAttribute('data-ok')).toBe('true');
  expect(await verdict.textContent()).toContain(`审计链完整：已逐条核验 ${verified.checked} 条记录`);
  expect(await page.getByTestId('audit-last-checkpoint').textContent()).toMatch(/最新签名检查点：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
  // Every entry but the verification itself, which is the newest entry on the list.
  const [{ count }] = await web.api.db.dataSource.query(`SELECT count(*)::int AS count FROM audit_entry`);
  expect(count).toBe(verified.checked + 1);
  const entries = page.getByTestId('audit-entries');
  await entries.locator('tbody tr').first().filter({ hasText: '校验审计链' }).waitFor({ timeout: 10_000 });
  expect(await entries.locator('tbody tr').first().textContent()).toContain(DEV_ACTORS.auditor.name);
  // The secretary's measure is there, with its 整顿对象.
  await entries.locator('tbody tr', { hasText: CASE_ACTIONS.reportMeasureDone.label }).filter({ hasText: '青山镇柳河村党支部' }).first().waitFor();
  await screenshot(page, 'audit');
  await page.close();
});

it('the county sees the campaign move over time and downloads one township’s ledger, holding exactly its 整顿对象', async () => {
  secretaryCase ??= await secretarysCaseRectifying();
  const qingshan = [newOrgCode(), newOrgCode()];
  const hekou = newOrgCode();
  for (const code of qingshan) await openCase(openCaseBody('rural', { orgCode: code, township: '青山镇' }));
  const other = await openCase(openCaseBody('rural', { orgCode: hekou, township: '河口镇' }));
  await act(other.caseId, 'submitPlan', secretaryOf(hekou), { measures: measuresFor(other.state, 7 * 86_400_000) });
  await act(other.caseId, 'approvePlan', otherCommittee, { comment: '同意' });
  const expectedQingshan = (await web.api.get(`/cases?campaignId=${campaignId}&township=${encodeURIComponent('青山镇')}&pageSize=100`, { as: county })).body.items
    .map((item: { orgCode: string }) => item.orgCode)
    .sort();
  expect(expectedQingshan).toEqual([...qingshan, DEV_ORG_CODE].sort());

  // For a picture with some days in it: the campaign began five days ago, the secretary's case was
  // listed then and planned two days ago, the two other 青山镇 cases listed three days ago. (The
  // per-day counts themselves are checked in test/api/api-progress.e2e-spec.ts.)
  const db = web.api.db.dataSource;
  await db.query(`UPDATE campaign SET created_at = created_at - interval '5 days' WHERE id = $1`, [campaignId]);
  const secretarysCase = caseIdFor(campaignId, DEV_ORG_CODE);
  const [{ planned }] = await db.query(`SELECT min(seq) AS planned FROM case_event WHERE case_id = $1 AND type = 'stage_changed' AND summary LIKE $2`, [secretarysCase, `%→ 制定整顿方案%`]);
  const [{ rectifying }] = await db.query(`SELECT min(seq) AS rectifying FROM case_event WHERE case_id = $1 AND type = 'stage_changed' AND summary LIKE $2`, [secretarysCase, `%→ 整顿实施%`]);
  await db.query(`UPDATE case_event SET at = at - interval '5 days' WHERE case_id = $1 AND seq < $2`, [secretarysCase, planned]);
  await db.query(`UPDATE case_event SET at = at - interval '2 days' WHERE case_id = $1 AND seq >= $2 AND seq < $3`, [secretarysCase, planned, rectifying]);
  await db.query(`UPDATE case_event SET at = at - interval '3 days' WHERE case_id = ANY($1::text[])`, [qingshan.map((code) => caseIdFor(campaignId, code))]);

  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/overview?campaignId=${campaignId}`);
  const charts = page.getByTestId('progress-charts');
  await charts.waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="chart-stage-trend"][data-drawn="true"]').waitFor();
  await page.locator('[data-testid="chart-burn-down"][data-drawn="true"]').waitFor();
  // Today's remaining work: every case is still before 销号.
  expect(await charts.getAttribute('data-remaining')).toBe('4');
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'overview-progress');

  await page.goto(`${web.url}/campaigns`);
  const row = page.getByTestId('campaigns-table').locator('tr', { hasText: campaignName });
  await row.getByTestId('export-ledger').click();
  await pickOption(page, page.locator('.ant-modal .ant-select').first(), '青山镇');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()]);
  await page.locator('[data-testid="ledger-progress"][data-done="true"]').waitFor();
  expect(await page.getByTestId('ledger-progress').textContent()).toContain('共 3 个整顿对象');
  await screenshot(page, 'ledger-export', false);
  expect(download.suggestedFilename()).toBe(`整顿台账（${campaignName}·青山镇）.xlsx`);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(LEDGER_SHEETS.cases)!;
  let header = 0;
  let codeColumn = 0;
  let townshipColumn = 0;
  sheet.eachRow((sheetRow, number) => {
    if (header) return;
    sheetRow.eachCell((cell, column) => {
      if (cell.value === '组织代码') codeColumn = column;
      if (cell.value === '所属乡镇/党(工)委') townshipColumn = column;
    });
    if (codeColumn) header = number;
  });
  expect(header).toBeGreaterThan(0);
  const codes: string[] = [];
  const townships = new Set<string>();
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const code = sheet.getRow(r).getCell(codeColumn).value;
    if (typeof code !== 'string' || !code) continue;
    codes.push(code);
    townships.add(String(sheet.getRow(r).getCell(townshipColumn).value));
  }
  expect(codes.sort()).toEqual(expectedQingshan);
  expect([...townships]).toEqual(['青山镇']);

  // The API's own file names: the Chinese one, and a readable ASCII fallback.
  const direct = await fetch(`${web.url}/ledger?campaignId=${campaignId}&township=${encodeURIComponent('青山镇')}`, {
    headers: { authorization: `Bearer ${await web.api.token(county)}` },
  });
  const disposition = direct.headers.get('content-disposition') ?? '';
  expect(disposition).toMatch(new RegExp(`filename="zhengdun-ledger-${campaignId}-\\d{8}\\.xlsx"`));
  expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`整顿台账-${campaignId}-青山镇-`)}`);
  await direct.arrayBuffer();
  await page.close();
});

async function hidden(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluateAll((nodes) => nodes.every((node) => getComputedStyle(node).display === 'none' || (node as HTMLElement).offsetParent === null));
}

it('the case page prints as the organization’s file (一村一档): its header, every section, no menu or buttons', async () => {
  secretaryCase ??= await secretarysCaseRectifying();
  const { caseId } = secretaryCase;
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/cases/${enc(caseId)}`);
  await page.getByTestId('case-title').waitFor();
  expect(await page.getByTestId('print-header').isVisible()).toBe(false);

  await page.emulateMedia({ media: 'print' });
  const header = page.getByTestId('print-header');
  await header.waitFor();
  const text = (await header.textContent()) ?? '';
  expect(text).toContain('青山镇柳河村党支部整顿工作档案（一村一档）');
  expect(text).toContain(`整顿批次：${campaignName}`);
  expect(text).toMatch(/打印时间：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
  expect(await hidden(page, '.app-header')).toBe(true);
  expect(await hidden(page, '.app-menu')).toBe(true);
  expect(await hidden(page, '[data-testid="action-bar"]')).toBe(true);
  expect(await hidden(page, '.ant-btn')).toBe(true);
  for (const section of ['problems-card', 'team-card', 'plan-card', 'timeline-card']) {
    if ((await page.getByTestId(section).count()) > 0) expect(await page.getByTestId(section).isVisible()).toBe(true);
  }
  // The timeline unfolded: no scrolling box left in print.
  expect(await page.getByTestId('timeline-card').locator('.ant-card-body').evaluate((node) => getComputedStyle(node).overflowY)).toBe('visible');
  await screenshot(page, 'case-print');
  await page.pdf({ path: path.join(SCREENSHOT_DIR, 'case-print.pdf'), format: 'A4', printBackground: true });
  await page.close();
});

it('the county is told a year the deadlines reach has no holiday arrangement, enters it from the notice, and the warning goes', async () => {
  // A campaign that ends in a year no holiday package knows yet; its plans are due in 40 working days,
  // which from today reaches a year the shipped package does not know (2027 or later).
  const policy = { ...DEFAULT_POLICY, planPeriod: { amount: 40, unit: 'workingDays' as const } };
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(policy, { name: '2031年整顿（节假日）', endsAt: '2031-06-30T15:59:59.000Z' }) });
  expect(campaign.status).toBe(201);
  const opened = await web.api.post(`/campaigns/${campaign.body.id}/cases`, { as: county, body: openCaseBody('rural', { orgCode: newOrgCode() }) });
  expect(opened.status).toBe(201);
  const planDueAt = await eventually(async () => (await caseView(opened.body.caseId)).deadlines.planDueAt, 20_000, 'the plan deadline');
  const planYear = Number(planDueAt.slice(0, 4));
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/overview`);
  const warning = page.getByTestId('missing-holidays');
  await warning.getByText(/2031年/).first().waitFor();
  expect(await warning.textContent()).toContain('按周一至周五计算');

  await page.getByRole('menuitem', { name: '节假日安排' }).click();
  await page.waitForURL(/\/calendar/);
  const row2031 = page.getByTestId('holiday-years').getByRole('row').filter({ hasText: '2031' });
  await row2031.getByText('未录入').waitFor();
  await row2031.getByRole('button', { name: /录\s*入/ }).click();
  const editor = page.getByTestId('holiday-editor');
  await editor.getByText('录入 2031 年节假日安排').waitFor();

  const typeRange = async (index: number, from: string, to: string) => {
    const inputs = editor.getByTestId(`holiday-row-${index}`).locator('.ant-picker input');
    // Typed, then Tab: Enter would submit the form before the other lines are filled.
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Tab');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Tab');
  };
  // 元旦 as the notice gives it; 春节 typed in the wrong year by mistake.
  await typeRange(0, '2031-01-01', '2031-01-01');
  await typeRange(1, '2030-02-01', '2030-02-03');
  await editor.getByTestId('holiday-save').click();
  await editor.getByTestId('problem-alert').getByText(/「春节」不在2031年内/).first().waitFor();
  await row2031.getByText('未录入').waitFor();

  // The clerk removes the wrong line and saves again.
  await editor.getByTestId('holiday-row-1').getByRole('button', { name: '删除' }).click();
  await editor.getByTestId('holiday-save').click();
  await row2031.getByText('已录入').waitFor();
  expect(await row2031.textContent()).toContain('元旦 01-01');
  await screenshot(page, 'holiday-calendar');

  // The case whose plan deadline falls in a year still missing says so on its page.
  await page.goto(`${web.url}/cases/${enc(opened.body.caseId)}`);
  const flag = page.getByTestId('case-uncertain-deadlines');
  await flag.getByText(/提交整顿方案/).waitFor();
  expect(await flag.textContent()).toContain(`${planYear}年法定节假日安排尚未录入`);

  await page.getByRole('menuitem', { name: '整顿总览' }).click();
  await page.getByTestId('overview-ready').waitFor();
  const remaining = (await page.getByTestId('missing-holidays').count()) > 0 ? await page.getByTestId('missing-holidays').textContent() : '';
  expect(remaining).not.toContain('2031年');
  await page.close();
});
