/**
 * Accountability in the browser (issue 12), in Debian chromium against a real API, worker, Temporal
 * and Postgres: measures fall overdue, the system proposes a talk (提请约谈) and records none; the
 * township committee sees the proposal on the case page, records the talk it held through the form,
 * and the page and the API show it held and counted once per person talked to. The branch secretary,
 * who is talked to, is offered no such button.
 */
import type { Page } from 'playwright-core';
import { TALK_SUBJECT_STANDING_LABELS, type Actor, type CaseActionType, type CaseState, type Proposal } from '@zhengdun/domain';
import { DEV_ACTORS } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc } from '../support/api-harness';
import { launchBrowser, screenshot, type RunningBrowser } from '../support/browser';
import { committee, county, measuresFor, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';
import { startWebHarness, type WebHarness } from '../support/web-harness';
import { signInAs, signInWithToken } from '../support/web-sign-in';

let web: WebHarness;
let browser: RunningBrowser;
let campaignId: string;

type CaseView = Omit<CaseState, 'timeline'>;

/** How long after approval the measures fall due: enough for the API walk on a loaded machine. */
const MEASURES_DUE_IN_MS = 8_000;

beforeAll(async () => {
  web = await startWebHarness('accountability-ui');
  browser = await launchBrowser();
  // A talk is proposed one escalation interval after the lapse opens: seconds here.
  const policy = { ...SECONDS_POLICY, escalationInterval: { amount: 3, unit: 'seconds' as const } };
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody(policy, { name: '2026年度软弱涣散基层党组织集中整顿（问责）' }) });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

afterEach(() => {
  const problems = browser.problems.splice(0);
  expect(problems).toEqual([]);
});

async function caseView(caseId: string): Promise<CaseView> {
  const response = await web.api.get(`/cases/${enc(caseId)}`, { as: county });
  expect(response.status).toBe(200);
  return response.body.case;
}

async function offeredTo(caseId: string, as: Actor): Promise<CaseActionType[]> {
  const response = await web.api.get(`/cases/${enc(caseId)}`, { as });
  expect(response.status).toBe(200);
  return response.body.availableActions;
}

async function act(caseId: string, action: CaseActionType, as: Actor, body: unknown = {}): Promise<CaseView> {
  const response = await web.api.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

/**
 * A rural case of 青山镇 walked by the API to 整顿实施, its measures due a few seconds ahead and none
 * done. An ordinary village: the secretary above is the township committee's secretary.
 */
async function remediatingCase(name: string): Promise<{ caseId: string; orgCode: string }> {
  const orgCode = newOrgCode();
  const body = openCaseBody('rural', { orgCode });
  body.org.name = name;
  const opened = await web.api.post(`/campaigns/${campaignId}/cases`, { as: county, body });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  const secretary = secretaryOf(orgCode);
  const assigned = await eventually(async () => {
    const view = await caseView(caseId);
    return view.stage === 'assigned' ? view : undefined;
  }, 20_000, 'assigned');
  await act(caseId, 'submitPlan', secretary, { measures: measuresFor(assigned as CaseState, MEASURES_DUE_IN_MS) });
  const approved = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
  expect(approved.stage).toBe('remediating');
  return { caseId, orgCode };
}



async function openCasePage(page: Page, caseId: string): Promise<void> {
  await page.goto(`${web.url}/cases/${enc(caseId)}`);
  await page.getByTestId('case-title').waitFor();
}

async function actionButtons(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('action-bar').locator('[data-testid^="action-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^action-/, '')).filter((id) => id !== 'bar');
}

it('the township committee records the talk the system proposed; it counts once per person, and the branch secretary has no such button', async () => {
  const { caseId, orgCode } = await remediatingCase('青山镇东岭村党支部');
  const secretaryPersonId = `sec-${orgCode}`;

  // The measures fall overdue, the lapse stays open: the system proposes a talk and holds none.
  const proposed = await eventually(async () => {
    const view = await caseView(caseId);
    return view.escalation.proposals?.some((p) => p.kind === 'talk') ? view : undefined;
  }, 60_000, 'a talk proposed');
  expect(proposed.escalation.talks).toBe(0);
  const proposal = proposed.escalation.proposals?.find((p) => p.kind === 'talk') as Proposal;
  expect(proposal).toMatchObject({ status: 'proposed' });
  const branchSecretary = proposal.subjects.find((s) => s.standing === 'branch_secretary');
  expect(branchSecretary?.personId).toBe(secretaryPersonId);
  const townshipSecretary = proposal.subjects.find((s) => s.standing === 'secretary_above');
  expect(townshipSecretary?.name).toBe('青山镇党（工）委书记');

  const page = await browser.newPage();
  await signInAs(page, web.url, 'township_committee');
  await openCasePage(page, caseId);
  const card = page.getByTestId('accountability-card');
  const table = card.getByTestId('proposals-table');
  await table.getByTestId('proposal-status').getByText('待处理').waitFor({ timeout: 10_000 });
  await table.getByText('约谈建议').waitFor();
  await table.getByText(`${branchSecretary?.name}（${TALK_SUBJECT_STANDING_LABELS.branch_secretary}）`).first().waitFor();
  await card.getByTestId('lapses-table').getByText('未完成').waitFor();
  await card.getByTestId('lapses-table').getByText('已提请（待处理）').waitFor();
  expect(await actionButtons(page)).toEqual(await offeredTo(caseId, DEV_ACTORS.township_committee));
  expect(await actionButtons(page)).toEqual(expect.arrayContaining(['recordTalk', 'declineTalk']));

  // The form opens on the proposal, both people ticked and the time set: only the record to write.
  await page.getByTestId('action-recordTalk').click();
  const modal = page.getByTestId('action-modal');
  await modal.getByTestId('proposal-reason').getByText(proposal.reason, { exact: false }).waitFor();
  const ticked = modal.getByTestId('talked-to').locator('input[type="checkbox"]');
  expect(await ticked.count()).toBe(proposal.subjects.length);
  for (const box of await ticked.all()) expect(await box.isChecked()).toBe(true);
  const talkRecord = `指出整改措施逾期未完成的问题，要求一周内完成并报告（${Date.now()}）`;
  await modal.locator('textarea').fill(talkRecord);
  await page.getByTestId('action-submit').click();
  // Closes once applied; a refusal stays in the form, and then its words are the failure.
  await modal.waitFor({ state: 'detached', timeout: 10_000 }).catch(async () => {
    throw new Error(`the form stayed open: ${await modal.textContent()}`);
  });

  await table.getByTestId('proposal-status').getByText('已约谈').waitFor({ timeout: 10_000 });
  await table.getByTestId('proposal-outcome').getByText(talkRecord).waitFor();
  await table.getByText(`记录人：${DEV_ACTORS.township_committee.name}`, { exact: false }).waitFor();
  await card.getByTestId('lapses-table').getByText('已提请（已约谈）').waitFor();
  await card.getByTestId('talk-counts').getByText(`${branchSecretary?.name}（${TALK_SUBJECT_STANDING_LABELS.branch_secretary}） 1 次`).waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'accountability-card', false);

  const after = await caseView(caseId);
  expect(after.escalation.talks).toBe(1);
  expect(after.escalation.talkCounts?.[secretaryPersonId]).toBe(1);
  expect(after.escalation.talkCounts?.[townshipSecretary!.personId]).toBe(1);
  expect(after.escalation.proposals?.find((p) => p.id === proposal.id)).toMatchObject({ status: 'held', talk: { record: talkRecord, recordedBy: { name: DEV_ACTORS.township_committee.name } } });
  expect(await actionButtons(page)).not.toContain('recordTalk');

  // The branch secretary, the person talked to, may not record talks: no button.
  const secretaryPage = await browser.newPage();
  await signInWithToken(secretaryPage, web.url, await web.api.token(secretaryOf(orgCode)));
  await openCasePage(secretaryPage, caseId);
  await secretaryPage.getByTestId('accountability-card').getByTestId('proposals-table').waitFor();
  expect(await actionButtons(secretaryPage)).toEqual(await offeredTo(caseId, secretaryOf(orgCode)));
  expect(await actionButtons(secretaryPage)).not.toContain('recordTalk');
  await Promise.all([page.close(), secretaryPage.close()]);
});
