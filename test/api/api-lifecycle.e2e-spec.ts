/**
 * The Supervisor API end to end, over HTTP only: a campaign, a case from identification to archived
 * (with the public's objection and ratings), then lists and the dashboard reflecting it.
 */
import type { CaseState, Stage } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { ALL_CHECKS, committee, county, leaderOf, measuresFor, REVIEW_OK, SECONDS_POLICY, secretaryOf, assessmentOf } from '../support/cases';
import { eventually } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-lifecycle');
});

afterEach(async () => {
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

afterAll(async () => {
  await h?.stop();
});

type CaseView = Omit<CaseState, 'timeline'>;

async function caseView(caseId: string): Promise<CaseView> {
  const response = await h.get(`/cases/${enc(caseId)}`, { as: county });
  expect(response.status).toBe(200);
  return response.body.case;
}

async function waitForStage(caseId: string, stage: Stage, timeoutMs = 20_000): Promise<CaseView> {
  return eventually(async () => {
    const view = await caseView(caseId);
    return view.stage === stage ? view : undefined;
  }, timeoutMs, `stage ${stage}`);
}

async function act(caseId: string, action: string, as: Parameters<ApiHarness['post']>[1] extends infer O ? (O extends { as?: infer A } ? A : never) : never, body: unknown = {}): Promise<CaseView> {
  const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

it('drives a rural case from identification to archived over HTTP, and lists and the dashboard follow', async () => {
  const policy = { ...SECONDS_POLICY, publicityPeriod: { amount: 5, unit: 'seconds' as const } };
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(policy) });
  expect(campaign.status).toBe(201);
  expect(campaign.body).toMatchObject({ county: '示范县', policy });
  const campaignId: string = campaign.body.id;

  const orgCode = newOrgCode();
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  expect(caseId).toBe(`case:${campaignId}:${orgCode}`);

  const secretary = secretaryOf(orgCode);
  let state = await waitForStage(caseId, 'assigned');
  state = await act(caseId, 'submitPlan', secretary, { measures: measuresFor(state as CaseState) });
  expect(state.stage).toBe('planning');
  state = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
  expect(state.stage).toBe('remediating');
  state = await act(caseId, 'reportProgress', leaderOf(orgCode, state.team[0]), { summary: '本月召开党员大会1次，化解矛盾2件' });
  expect(state.reports).toHaveLength(1);
  for (const measure of state.measures.filter((m) => m.status === 'pending')) {
    state = await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已召开党员大会通报整改情况，台账附后' });
    expect(state.measures.find((m) => m.id === measure.id)?.status).toBe('reported');
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经实地核验，整改属实' });
  }
  state = await act(caseId, 'startPublicity', committee);
  expect(state.stage).toBe('publicizing');

  // The public, without logging in: the notice, an objection, ratings.
  const notice = await h.get(`/public/cases/${enc(caseId)}`);
  expect(notice.status).toBe(200);
  expect(notice.body).toMatchObject({ caseId, stage: 'publicizing', acceptingObjections: true, acceptingRatings: true });
  expect(notice.text).not.toContain('personId');
  expect(notice.text).not.toContain('ownerId');
  const objection = await h.post(`/public/cases/${enc(caseId)}/objections`, { body: { content: '支部换届仍未完成，公示内容与实际不符' } });
  expect(objection.status).toBe(202);
  const objectionId: string = objection.body.id;
  await eventually(async () => (await caseView(caseId)).objections.some((o) => o.id === objectionId), 10_000, 'the objection');
  const afterObjection = await h.get(`/public/cases/${enc(caseId)}`);
  expect(afterObjection.body.objectionsReceived).toBe(1);
  expect(afterObjection.text).not.toContain('支部换届仍未完成');
  state = await act(caseId, 'resolveObjection', committee, { objectionId, decision: 'dismissed', reason: '经核实，换届已于上月完成' });
  expect(state.stage).toBe('publicizing');
  for (const level of ['satisfied', 'basically_satisfied']) {
    expect((await h.post(`/public/cases/${enc(caseId)}/ratings`, { body: { level } })).status).toBe(202);
  }

  state = await waitForStage(caseId, 'preliminary_acceptance');
  expect(state.satisfaction).toMatchObject({ satisfied: 1, basicallySatisfied: 1 });
  state = await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '台账完整，措施落实' });
  expect(state.stage).toBe('county_acceptance');
  state = await act(caseId, 'recordCountyAcceptance', county, { checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() });
  expect(state.stage).toBe('delisted');
  await waitForStage(caseId, 'follow_up_review');
  state = await act(caseId, 'recordFollowUpReview', committee, {
    checks: REVIEW_OK,
    findings: { measuresCarriedOut: '“三会一课”按月召开，记录齐全' },
    opinion: '未发现反弹',
    reboundedProblemIds: [],
    newProblems: [],
  });
  expect(state.stage).toBe('archived');
  // 004: the township's 回头看 does not stay with the township; the county's inbox has the result, check by check.
  const reported = await eventually(async () => {
    const inbox = await h.get('/me/notifications', { as: county });
    return (inbox.body.items as { caseId: string; kind: string; body: string }[]).find((item) => item.caseId === caseId && item.kind === 'review_recorded');
  }, 15_000, 'the 回头看 result in the county’s inbox');
  expect(reported.body).toContain('整改措施落实：合格（“三会一课”按月召开，记录齐全）');
  expect(state.history.map((change) => change.to)).toEqual([
    'identified',
    'assigned',
    'planning',
    'remediating',
    'publicizing',
    'preliminary_acceptance',
    'county_acceptance',
    'delisted',
    'follow_up_review',
    'archived',
  ]);

  // Archived: further actions are refused as closed; the detail still reads.
  const late = await h.post(`/cases/${enc(caseId)}/actions/reportProgress`, { as: secretary, body: { summary: '补充汇报' } });
  expect(late.status).toBe(409);
  expect(late.headers.get('content-type')).toContain('application/problem+json');
  expect(late.body.code).toBe('case_closed');
  // Also once the workflow has certainly completed (Temporal then answers "not found"): closed, not missing.
  await h.client.workflow.getHandle(caseId).result();
  const later = await h.post(`/cases/${enc(caseId)}/actions/reportProgress`, { as: secretary, body: { summary: '再次补充汇报' } });
  expect({ status: later.status, code: later.body.code }).toEqual({ status: 409, code: 'case_closed' });

  // The read model follows: the list, the timeline, the dashboard.
  const listed = await eventually(async () => {
    const list = await h.get(`/cases?campaignId=${campaignId}&stage=archived`, { as: county });
    return list.body.total === 1 ? list.body : undefined;
  }, 15_000, 'the archived case in the list');
  expect(listed.items[0]).toMatchObject({ caseId, stage: 'archived', domain: 'rural', township: '青山镇', overdue: false, escalationLevel: 0 });
  const detail = await eventually(async () => {
    const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.timeline.length === found.body.case.seq ? found.body : undefined;
  }, 15_000, 'the whole timeline');
  expect(detail.timeline.map((row: { seq: number }) => row.seq)).toEqual(Array.from({ length: detail.case.seq }, (_, i) => i + 1));
  expect(detail.availableActions).toEqual([]);

  const dashboard = await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: county });
  expect(dashboard.status).toBe(200);
  expect(dashboard.body).toMatchObject({
    total: 1,
    overdue: 0,
    converted: 1,
    conversionRate: 1,
    byDomain: { rural: 1 },
    byTownship: { 青山镇: 1 },
    escalationsByLevel: { '0': 1, '1': 0, '2': 0, '3': 0 },
  });
  expect(dashboard.body.byStage.archived).toBe(1);
  for (const stage of ['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'follow_up_review']) {
    expect(dashboard.body.averageDaysPerStage[stage]).toBeGreaterThanOrEqual(0);
  }
  expect((await h.get(`/public/cases/${enc(caseId)}`)).body.stage).toBe('archived');
});

it('answers the retry of an open whose answer was lost with 201, and another request for the same organization with 409', async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  const body = openCaseBody('rural');
  const first = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body, headers: { 'idempotency-key': 'open-once-1' } });
  expect(first.status).toBe(201);
  // As when the replica died or Temporal failed after the workflow started: the answer never reached the
  // client and the 5xx path released the key, so the retry runs again.
  await h.db.dataSource.query(`DELETE FROM idempotency_record WHERE key = $1`, [`user:${county.userId}:open-once-1`]);
  const retry = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body, headers: { 'idempotency-key': 'open-once-1' } });
  expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
  const another = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body, headers: { 'idempotency-key': 'open-once-2' } });
  expect({ status: another.status, code: another.body.code }).toEqual({ status: 409, code: 'case_already_exists' });
  // The same holds for an item of a batch: its retry finds its own start.
  const item = openCaseBody('community');
  const batch = await h.post(`/campaigns/${campaignId}/cases/batch`, { as: county, body: { cases: [item] }, headers: { 'idempotency-key': 'open-batch-1' } });
  expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([201]);
  await h.db.dataSource.query(`DELETE FROM idempotency_record WHERE key = $1`, [`user:${county.userId}:open-batch-1`]);
  const batchRetry = await h.post(`/campaigns/${campaignId}/cases/batch`, { as: county, body: { cases: [item] }, headers: { 'idempotency-key': 'open-batch-1' } });
  expect(batchRetry.body.results.map((r: { status: number }) => r.status)).toEqual([201]);
  const listed = await h.get(`/cases?campaignId=${enc(campaignId)}`, { as: county });
  expect(listed.body.total).toBe(2);
});

it('opens many cases in one request, reporting each item, then filters, pages and sorts the list', async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  const duplicate = openCaseBody('state_owned_enterprise');
  const noTeam = openCaseBody('non_public_enterprise', { withTeam: false });
  const otherTownship = openCaseBody('community', { township: '河口镇' });
  const batch = await h.post(`/campaigns/${campaignId}/cases/batch`, {
    as: county,
    body: {
      cases: [
        openCaseBody('rural'),
        duplicate,
        duplicate,
        { ...openCaseBody('school'), source: 'rumour' },
        noTeam,
        otherTownship,
        { ...openCaseBody('rural'), team: [{ teamRole: 'linked_leader', personId: 'x-1', name: '错配' }] },
      ],
    },
  });
  expect(batch.status).toBe(200);
  expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 409, 400, 201, 201, 422]);
  expect(batch.body).toMatchObject({ created: 4, failed: 3 });
  expect(batch.body.results[2].problem.code).toBe('case_already_exists');
  expect(batch.body.results[3].problem.errors[0].field).toBe('cases[3].source');
  expect(batch.body.results[6].problem.code).toBe('team_invalid');
  const ids: string[] = batch.body.results.filter((r: { caseId?: string }) => r.caseId).map((r: { caseId: string }) => r.caseId);

  await eventually(async () => (await h.get(`/cases?campaignId=${campaignId}`, { as: county })).body.total === 4, 15_000, 'four rows');
  const q = (query: string, as = county) => h.get(`/cases?campaignId=${campaignId}&${query}`, { as });
  expect((await q('stage=identified')).body.items.map((i: { orgCode: string }) => i.orgCode)).toEqual([noTeam.org.code]);
  expect((await q('domain=state_owned_enterprise')).body.total).toBe(1);
  expect((await q('township=河口镇')).body.items.map((i: { caseId: string }) => i.caseId)).toEqual([`case:${campaignId}:${otherTownship.org.code}`]);
  expect((await q(`personId=sec-${duplicate.org.code}`)).body.total).toBe(1);
  expect((await q('personId=lead-county')).body.total).toBe(1);
  expect((await q('overdue=false')).body.total).toBe(4);
  expect((await q('overdue=true')).body.total).toBe(0);
  expect((await q('escalationLevel=0')).body.total).toBe(4);
  // The township committee of 青山镇 sees its three, not 河口镇's.
  expect((await q('', committee)).body.total).toBe(3);
  // Pages of two, sorted by name both ways.
  const asc = await q('sort=orgName&order=asc&pageSize=2&page=1');
  const asc2 = await q('sort=orgName&order=asc&pageSize=2&page=2');
  expect(asc.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
  const names = [...asc.body.items, ...asc2.body.items].map((i: { orgName: string }) => i.orgName);
  expect(names).toEqual([...names].sort());
  const desc = await q('sort=orgName&order=desc&pageSize=4');
  expect(desc.body.items.map((i: { orgName: string }) => i.orgName)).toEqual([...names].reverse());
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: ids });
});

it('rolls the problems a follow-up review finds into a case of the next campaign (滚动整顿)', async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  const nextCampaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody(SECONDS_POLICY, { name: '2027年软弱涣散基层党组织整顿' }) })).body.id;
  const orgCode = newOrgCode();
  const caseId: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('community', { orgCode }) })).body.caseId;
  const secretary = secretaryOf(orgCode);
  let state = await waitForStage(caseId, 'assigned');
  state = await act(caseId, 'submitPlan', secretary, { measures: measuresFor(state as CaseState) });
  await act(caseId, 'approvePlan', committee);
  for (const measure of state.measures) {
    await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已完成' });
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '属实' });
  }
  await act(caseId, 'startPublicity', committee);
  expect((await h.post(`/public/cases/${enc(caseId)}/ratings`, { body: { level: 'satisfied' } })).status).toBe(202);
  await waitForStage(caseId, 'preliminary_acceptance');
  await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '合格' });
  await act(caseId, 'recordCountyAcceptance', county, { checks: ALL_CHECKS, opinion: '销号', assessment: assessmentOf() });
  await waitForStage(caseId, 'follow_up_review');
  state = await act(caseId, 'recordFollowUpReview', committee, {
    checks: { ...REVIEW_OK, mechanismsWorking: false },
    findings: { mechanismsWorking: '村民议事会半年未开' },
    opinion: '组织生活又不经常了',
    reboundedProblemIds: ['p1'],
    newProblems: [{ category: 'irregular_dues', description: '党费收缴不及时' }],
    nextCampaignId,
  });
  // The API resolved the campaign id into the action's nextCampaign; the workflow archived the case
  // and asked for the new one (opening it is the worker's job, tested with the worker).
  const nextCaseId = `case:${nextCampaignId}:${orgCode}`;
  expect(state.stage).toBe('archived');
  expect(state).toMatchObject({
    rolledOverToCaseId: nextCaseId,
    rollover: { toCaseId: nextCaseId, campaign: { id: nextCampaignId, name: '2027年软弱涣散基层党组织整顿', county: '示范县' }, policy: SECONDS_POLICY },
  });
  expect((state as unknown as { rollover: { problems: { description: string }[] } }).rollover.problems.map((p) => p.description)).toEqual([
    '“三会一课”不经常，组织生活流于形式',
    '党费收缴不及时',
  ]);
  const elsewhere = await h.post(`/cases/${enc(caseId)}/actions/recordFollowUpReview`, {
    as: committee,
    body: { checks: REVIEW_OK, opinion: '再看', reboundedProblemIds: [], newProblems: [], nextCampaignId: 'c000000000000' },
  });
  expect(elsewhere.status).toBe(404);
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases, { caseIds: [caseId] });
});
