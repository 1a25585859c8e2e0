/**
 * The county department's own work in the browser, in Debian chromium against a real API, worker,
 * Temporal and Postgres: issuing a 督查通报 (townships ranked, one criticized with a deadline) that a
 * township committee reads and downloads as Word; a spot-check (抽查) of a township's 初验 with a
 * re-check that disagrees, shown on the organization's own page too; setting up a campaign with only the periods it
 * changes; importing a screening list (refused rows by row number, progress, the same file again
 * listing nothing twice) and downloading the ledger.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { writeScreeningList } from '@zhengdun/campaigns';
import { chinaDate, PROBLEM_CATEGORIES, problemCategoriesFor } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody, screeningRow } from '../support/api-fixtures';
import { expectModalClosed, launchBrowser, pickOption, screenshot, type RunningBrowser } from '../support/browser';
import { county, SECONDS_POLICY, TOWNSHIP } from '../support/cases';
import { openedToPreliminaryAcceptance } from '../support/http-lifecycle';
import { eventually } from '../support/environment';
import { startWebHarness, type WebHarness } from '../support/web-harness';
import { signInAs } from '../support/web-sign-in';

let web: WebHarness;
let browser: RunningBrowser;

beforeAll(async () => {
  web = await startWebHarness('county-ui');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

afterEach(() => {
  expect(browser.problems.splice(0)).toEqual([]);
});


it('the county issues a notice with a criticism; a township committee reads and downloads it', async () => {
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(undefined, { name: '2026年度软弱涣散基层党组织集中整顿（通报）' }) });
  const campaignId: string = campaign.body.id;
  for (const township of ['青山镇', '河口镇']) {
    expect((await web.api.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode: newOrgCode(), township }) })).status).toBe(201);
  }
  await eventually(async () => (await web.api.get(`/campaigns/${campaignId}/ranking`, { as: county })).body.ranking?.length === 2, 20_000, 'both townships ranked');

  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/notices?campaignId=${campaignId}`);
  await page.getByTestId('ranking-table').getByText('河口镇').waitFor();
  // Nothing overdue, nothing talked about: no township committee is proposed for accountability.
  const committeeRow = page.getByTestId('committee-table').locator('tr', { hasText: '河口镇' });
  await committeeRow.waitFor();
  expect(await committeeRow.getByTestId('decide-committee').count()).toBe(0);
  await page.getByTestId('issue-notice').click();
  await page.getByText('通报批评一个乡镇（街道）').click();
  await pickOption(page, page.locator('.ant-modal .ant-select').first(), '河口镇');
  await page.getByPlaceholder('通报批评事项').fill('整顿方案迟迟未报，督促不力');
  // Typed, as a clerk may: a click on a day while the picker's panel still slides in can be lost.
  const deadline = page.getByPlaceholder('整改期限');
  await deadline.click();
  await deadline.fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await deadline.press('Enter');
  await page.locator('.ant-modal-footer').getByRole('button', { name: /发\s*布/ }).click();
  await expectModalClosed(page);
  await page.getByTestId('notices-table').getByText('第1期', { exact: true }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'notices-county');
  const listed = await web.api.get(`/campaigns/${campaignId}/notices`, { as: county });
  expect(listed.body.items[0].content.criticisms).toEqual([expect.objectContaining({ township: '河口镇', text: '整顿方案迟迟未报，督促不力' })]);

  const township = await browser.newPage();
  await signInAs(township, web.url, 'township_committee');
  await township.getByTestId('current-user').waitFor();
  await township.goto(`${web.url}/notices?campaignId=${campaignId}`);
  const row = township.getByTestId('notices-table').locator('tr', { has: township.getByText('第1期', { exact: true }) });
  await row.waitFor();
  const [download] = await Promise.all([township.waitForEvent('download'), row.getByTestId('notice-download').click()]);
  expect(download.suggestedFilename()).toMatch(/督查通报（第1期）\.docx$/);
  const xml = await (await JSZip.loadAsync(await readFile((await download.path())!))).file('word/document.xml')!.async('string');
  expect(xml).toContain('河口镇');
  expect(xml).toContain('整顿方案迟迟未报，督促不力');
  await Promise.all([page.close(), township.close()]);
});

it('the county draws a sample of a township’s 初验 results and records a re-check that disagrees; the township’s figures show it', async () => {
  const campaignId: string = (await web.api.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, spotCheckShare: 1 }, { name: '2026年度软弱涣散基层党组织集中整顿（抽查）' }) })).body.id;
  const caseId = await openedToPreliminaryAcceptance(web.api, campaignId);
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/notices?campaignId=${campaignId}`);
  await page.getByTestId('draw-spot-check').click();
  await pickOption(page, page.locator('.ant-modal .ant-form-item', { hasText: '乡镇（街道）' }).locator('.ant-select'), TOWNSHIP);
  await page.locator('.ant-modal').getByText('乡镇初验结果').click();
  await page.locator('.ant-modal-footer').getByRole('button', { name: /抽\s*取/ }).click();
  await page.getByTestId(`recheck-${caseId}`).click();
  await page.locator('.ant-modal').getByText('不合格', { exact: true }).click();
  await page.getByTestId('recheck-finding').fill('实地查看，“三会一课”记录系补写，与初验结论不符');
  await page.locator('.ant-modal-footer').getByRole('button', { name: /记\s*录/ }).click();
  const result = page.getByTestId(`recheck-result-${caseId}`);
  await result.getByText('与乡镇结论不一致').waitFor({ timeout: 15_000 });
  await page.getByTestId('ranking-table').locator('tr', { hasText: TOWNSHIP }).getByText('1 / 1').waitFor({ timeout: 15_000 });
  await screenshot(page, 'spot-checks');
  const recorded = (await web.api.get(`/campaigns/${campaignId}/spot-checks`, { as: county })).body.items[0];
  expect(recorded).toMatchObject({ township: TOWNSHIP, stage: 'preliminary_acceptance', rechecked: 1, disagreed: 1, reproducible: true });
  // The organization's own page shows that it was sampled and what the re-check found.
  await page.goto(`${web.url}/cases/${encodeURIComponent(caseId)}`);
  const onCase = page.getByTestId('case-spot-checks');
  await onCase.getByText('乡镇初验结果中随机抽中本组织').waitFor({ timeout: 15_000 });
  await onCase.getByTestId(`recheck-result-${caseId}`).getByText('与乡镇结论不一致').waitFor();
  await onCase.getByText('记录系补写').waitFor();
  await page.close();
});

it('the county sets up a campaign in the browser, changing only the periods it needs', async () => {
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/campaigns`);
  await page.getByTestId('create-campaign').click();
  const name = `2027年软弱涣散基层党组织集中整顿（${Date.now()}）`;
  await page.getByTestId('campaign-name').fill(name);
  // Typed, as a clerk may: clicking through a picker whose panel slides to the next month is not reliable to drive.
  const endsOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('campaign-ends-at').click();
  await page.getByTestId('campaign-ends-at').fill(endsOn);
  await page.getByTestId('campaign-ends-at').press('Enter');
  // 结果公示期: 7 working days instead of the default 5; everything else left as it is.
  await page.locator('.ant-form-item', { hasText: '结果公示期（默认 5 个工作日）' }).locator('input').first().fill('7');
  // 回头看 results due at the county within 20 days instead of 30.
  await page.getByTestId('campaign-period-reviewPeriod').fill('20');
  await page.locator('.ant-modal-footer').getByRole('button', { name: /创\s*建/ }).click();
  await page.getByTestId('campaigns-table').getByText(name).waitFor({ timeout: 15_000 });
  await screenshot(page, 'campaigns');
  const created = (await web.api.get('/campaigns', { as: county })).body.items.find((campaign: { name: string }) => campaign.name === name);
  expect(created.policy).toMatchObject({ publicityPeriod: { amount: 7, unit: 'workingDays' }, planPeriod: { amount: 15, unit: 'workingDays' }, satisfactionThreshold: 0.8, reviewPeriod: { amount: 20, unit: 'days' } });
  expect(created.policy.verificationPeriod).toBeUndefined();
  expect(chinaDate(created.endsAt)).toBe(endsOn);
  await page.close();
});

it('the county imports a screening list in the browser: refused rows by row number, progress to the end, the same file again lists nothing twice; the ledger downloads', async () => {
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(undefined, { name: `2026年摸排导入（${Date.now()}）` }) });
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/campaigns`);
  const row = page.getByTestId('campaigns-table').locator('tr', { hasText: campaign.body.name });
  await row.getByTestId('open-import').click();
  const good = [newOrgCode(), newOrgCode()].map((code) => screeningRow(code, '青山镇'));
  const bad = { ...screeningRow(newOrgCode(), '青山镇'), domain: '工厂' };
  const file = { name: '摸排名单.csv', mimeType: 'text/csv', buffer: Buffer.from(await writeScreeningList([...good, bad], 'csv')) };
  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.getByTestId('import-progress').getByText('导入完成').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('import-progress').textContent()).toContain('校验通过 2 个党组织，已列入整顿名单 2 个');
  const issues = page.getByTestId('screening-issues');
  await issues.getByText('领域“工厂”无效', { exact: false }).waitFor();
  expect(await issues.locator('tbody tr').first().locator('td').first().textContent()).toBe('4');
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-issues').click()]);
  expect(await readFile((await sheet.path())!, 'utf8')).toContain('"4","领域"');
  await screenshot(page, 'screening-import');

  await page.locator('.ant-modal input[type=file]').setInputFiles(file);
  await page.getByTestId('already-uploaded').waitFor({ timeout: 15_000 });
  expect((await web.api.get(`/cases?campaignId=${campaign.body.id}`, { as: county })).body.total).toBe(2);

  await page.keyboard.press('Escape');
  await row.getByTestId('export-ledger').click();
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()]);
  expect(ledger.suggestedFilename()).toMatch(/^整顿台账（.+）\.xlsx$/);
  expect((await readFile((await ledger.path())!)).subarray(0, 2).toString()).toBe('PK');
  await page.close();
});

it('the county puts one organization on the list by hand, and finds it on its page', async () => {
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(undefined, { name: `2026年单个列入（${Date.now()}）` }) });
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/campaigns`);
  await page.getByTestId('campaigns-table').locator('tr', { hasText: campaign.body.name }).getByTestId('open-organization').click();
  const orgCode = newOrgCode();
  await page.getByTestId('org-code').fill(orgCode);
  await page.getByTestId('org-name').fill('青山镇柳湾村党支部');
  // Picked and closed: until the 领域 dropdown is gone, "the first visible option" below could still be one of its.
  await pickOption(page, page.locator('.ant-modal .ant-form-item', { hasText: '领域' }).locator('.ant-select'), '农村');
  await page.getByTestId('org-township').fill('青山镇');
  await page.getByTestId('secretary-name').fill('刘书记');
  await page.getByTestId('secretary-id').fill(`sec-${orgCode}`);
  await pickOption(page, page.locator('.ant-modal .ant-form-item', { hasText: '查摆问题' }).locator('.ant-select'), PROBLEM_CATEGORIES[problemCategoriesFor('rural')[0]]);
  await page.getByTestId('problem-description').fill('“三会一课”不经常，组织生活流于形式');
  await page.locator('.ant-modal-footer').getByRole('button', { name: /列入整顿名单/ }).click();
  const caseId = `case:${campaign.body.id}:${orgCode}`;
  await page.waitForURL((url) => decodeURIComponent(url.pathname).endsWith(caseId));
  await page.getByTestId('case-title').getByText('青山镇柳湾村党支部').waitFor({ timeout: 15_000 });
  const opened = await web.api.get(`/cases/${encodeURIComponent(caseId)}`, { as: county });
  expect(opened.body.case).toMatchObject({ org: { code: orgCode, domain: 'rural', township: '青山镇', secretary: { name: '刘书记' } }, source: 'inspection' });
  await page.close();
});
