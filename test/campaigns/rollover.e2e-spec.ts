/**
 * 滚动整顿 across campaigns: a follow-up review that finds problems, given the next campaign, carries
 * them into a new case of that campaign — linked both ways — and archives the old case.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { caseIdFor, type CampaignPolicy, type NextCampaign } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { CaseReadModelRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { CaseResult } from '@zhengdun/workflows';
import { ALL_CHECKS, caseInput, committee, county, measuresFor, remediateAndPublicize, REVIEW_OK, SECONDS_POLICY, secretaryOf, testCampaign, assessmentOf } from '../support/cases';
import { eventually, workflowBundlePath } from '../support/environment';
import { resultOf, startCampaignEnv, type CampaignTestEnv } from './support/campaign-env';

let env: CampaignTestEnv;

beforeAll(async () => {
  env = await startCampaignEnv('rollover');
});

afterAll(async () => {
  await env?.terminateRunning();
  await env?.stop();
});

async function replay(workflowId: string): Promise<void> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, JSON.parse(historyToJSON(history)), workflowId);
}

/**
 * A rural case walked to 回头看 (the seconds policy: publicity 2 s, review due 2 s after delisting);
 * with `endsInMs`, its campaign ends that soon (its measures due just before).
 */
async function caseInFollowUpReview(options: { endsInMs?: number; policy?: CampaignPolicy } = {}): Promise<{ caseId: string; state: CaseSnapshot }> {
  const input = caseInput('rural', options.policy ? { policy: options.policy } : {});
  if (options.endsInMs) input.campaign.endsAt = new Date(Date.now() + options.endsInMs).toISOString();
  const caseId = await env.cases.open(input, county);
  let state: CaseSnapshot = await env.cases.state(caseId);
  state = await env.cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: measuresFor(state, options.endsInMs ? options.endsInMs - 2_000 : undefined) });
  await env.cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(env.cases, caseId);
  await env.cases.rateSatisfaction(caseId, { ratingId: `${caseId}-r1`, level: 'satisfied' });
  await eventually(async () => (await env.cases.state(caseId)).stage === 'preliminary_acceptance', 20_000, 'publicity to end');
  await env.cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await env.cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() });
  state = await eventually(async () => {
    const s = await env.cases.state(caseId);
    return s.stage === 'follow_up_review' ? s : undefined;
  }, 20_000, 'the follow-up review to fall due');
  return { caseId, state };
}

function nextCampaign(): NextCampaign {
  const { campaign, policy } = testCampaign();
  return { campaign: { ...campaign, name: '2027年软弱涣散基层党组织整顿' }, policy };
}

it('carries the open problems into the next campaign’s case, linked both ways, and archives the old case', async () => {
  const { caseId } = await caseInFollowUpReview();
  const next = nextCampaign();
  const reviewed = await env.cases.act(caseId, committee, {
    type: 'recordFollowUpReview',
    checks: { ...REVIEW_OK, mechanismsWorking: false },
    findings: { mechanismsWorking: '村民议事会半年未开' },
    opinion: '“三会一课”又不正常，新发现党费问题',
    reboundedProblemIds: ['p1'],
    newProblems: [{ category: 'irregular_dues', description: '党费未按月收缴' }],
    nextCampaign: next,
  });
  const newCaseId = caseIdFor(next.campaign.id, reviewed.org.code);
  expect(reviewed).toMatchObject({ stage: 'archived', round: 1, rolledOverToCaseId: newCaseId, rollover: { status: 'pending', toCaseId: newCaseId } });
  expect(reviewed.reviews.at(-1)).toMatchObject({ outcome: 'rolled_over', rolledOverToCaseId: newCaseId });

  // The old workflow opens the new case, records it, and ends archived.
  const result = await resultOf<CaseResult>(env.client, caseId, 30_000);
  expect(result).toEqual({ caseId, stage: 'archived', round: 1 });
  const old = await env.cases.state(caseId);
  expect(old.rollover).toMatchObject({ status: 'opened', toCaseId: newCaseId, settledAt: expect.any(String) });
  expect(old.timeline.filter((e) => e.type === 'rolled_over')).toHaveLength(1);

  const carried = await env.cases.state(newCaseId);
  expect(carried).toMatchObject({
    caseId: newCaseId,
    campaign: next.campaign,
    source: 'rollover',
    carriedFromCaseId: caseId,
    stage: 'assigned', // the same team is in place
    round: 1,
    org: old.org,
  });
  expect(carried.problems).toEqual([
    expect.objectContaining({ id: 'p1', category: old.problems[0].category, description: old.problems[0].description, carriedFrom: caseId }),
    expect.objectContaining({ id: 'p2', category: 'irregular_dues', description: '党费未按月收缴', carriedFrom: caseId }),
  ]);
  expect(carried.team).toEqual(old.team);
  expect(carried.history[0].by).toMatchObject({ userId: committee.userId, role: 'township_committee' });

  // Both show in the read model, linked; the people on the case were told.
  const readModel = new CaseReadModelRepository(env.db.dataSource);
  const [oldRow, newRow] = await eventually(async () => {
    const rows = await Promise.all([readModel.findCase(caseId), readModel.findCase(newCaseId)]);
    return rows[0]?.state.rollover?.status === 'opened' && rows[1] ? rows : undefined;
  }, 15_000, 'both cases in the read model');
  expect(oldRow!.stage).toBe('archived');
  expect(oldRow!.state.rolledOverToCaseId).toBe(newCaseId);
  expect(newRow!.state.carriedFromCaseId).toBe(caseId);
  const notices = await new NotificationOutboxRepository(env.db.dataSource).forCase(caseId);
  expect(notices.filter((n) => n.kind === 'case_rolled_over')).toHaveLength(1);
  expect(notices.some((n) => n.kind === 'case_reopened')).toBe(false);

  await replay(caseId);
  await replay(newCaseId);
});

it('links to the case the organization already has in the next campaign instead of opening a second', async () => {
  const { caseId, state } = await caseInFollowUpReview();
  const next = nextCampaign();
  const existingId = await env.cases.open({ ...caseInput('rural', { orgCode: state.org.code }), campaign: next.campaign, policy: next.policy }, county);
  await env.cases.act(caseId, committee, {
    type: 'recordFollowUpReview',
    checks: REVIEW_OK,
    opinion: '发现新问题',
    reboundedProblemIds: [],
    newProblems: [{ category: 'weak_coverage', description: '流动党员失联' }],
    nextCampaign: next,
  });
  await resultOf(env.client, caseId, 30_000);
  const old = await env.cases.state(caseId);
  expect(old.rollover).toMatchObject({ status: 'linked_existing', toCaseId: existingId });
  expect(old.rolledOverToCaseId).toBe(existingId);
  const existing = await env.cases.state(existingId);
  expect(existing.carriedFromCaseId).toBeUndefined();
  expect(existing.source).toBe('screening');
});

it('without a next campaign, a rebound reopens the same case as before', async () => {
  const { caseId } = await caseInFollowUpReview();
  const state = await env.cases.act(caseId, committee, {
    type: 'recordFollowUpReview',
    checks: { ...REVIEW_OK, measuresCarriedOut: false },
    findings: { measuresCarriedOut: '“三会一课”又流于形式' },
    opinion: '反弹',
    reboundedProblemIds: ['p2'],
    newProblems: [],
  });
  expect(state).toMatchObject({ stage: 'assigned', round: 2 });
  expect(state.rollover).toBeUndefined();
  expect(state.rolledOverToCaseId).toBeUndefined();
});

it('after the campaign’s end, a rebound waits for the county’s deadline without escalating the plan, then plans against it', async () => {
  // Plan period 6 s: long enough to act in, short enough to see whether its deadline escalates.
  const policy: CampaignPolicy = { ...SECONDS_POLICY, planPeriod: { amount: 6, unit: 'seconds' } };
  const { caseId, state: inReview } = await caseInFollowUpReview({ endsInMs: 15_000, policy });
  await eventually(async () => Date.now() > Date.parse(inReview.campaign.endsAt) + 500, 20_000, 'the campaign to end');
  const reopened = await env.cases.act(caseId, committee, {
    type: 'recordFollowUpReview',
    checks: { ...REVIEW_OK, measuresCarriedOut: false },
    findings: { measuresCarriedOut: '“三会一课”又流于形式' },
    opinion: '组织生活又流于形式',
    reboundedProblemIds: ['p1'],
    newProblems: [],
  });
  expect(reopened).toMatchObject({ stage: 'assigned', round: 2, planDeadline: 'attainable_only' });
  const secretary = secretaryOf(reopened.org.code);
  // No plan can be valid: every measure would be due after the campaign's end.
  await expect(env.cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(reopened, 600_000) })).rejects.toMatchObject({
    rule: { code: 'invalid_plan' },
    messageZh: expect.stringContaining('须由县委组织部设定整改期限'),
  });
  // Its plan deadline passes unreminded: nobody is asked to explain a plan no one could submit.
  const planKey = 'plan:r2';
  await new Promise((resolve) => setTimeout(resolve, Date.parse(reopened.deadlines.planDueAt!) - Date.now() + 3_000));
  const waited = await env.cases.state(caseId);
  expect(waited.escalation.records.filter((record) => record.dueItemKey === planKey)).toEqual([]);
  expect(waited.timeline.map((entry) => entry.type)).toContain('deadline_needed');

  // The county sets a deadline: the plan deadline starts afresh and, unlike before, is escalated when missed.
  const dueAt = new Date(Date.now() + 3_600_000).toISOString();
  const set = await env.cases.act(caseId, county, { type: 'setRectificationDeadline', dueAt, reason: '回头看发现反弹，限期一小时整改到位' });
  expect(set.deadlines.rectificationDueAt).toBe(dueAt);
  await eventually(
    async () => (await env.cases.state(caseId)).escalation.records.some((record) => record.dueItemKey === planKey && record.step === 'explanation_requested'),
    20_000,
    'the attainable plan deadline to be escalated',
  );
  await expect(env.cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(reopened, 2 * 3_600_000) })).rejects.toMatchObject({ rule: { code: 'invalid_plan' } });
  await env.cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(reopened, 1_800_000) });
  const approved = await env.cases.act(caseId, committee, { type: 'approvePlan' });
  expect(approved.stage).toBe('remediating');
  expect(approved.measures.filter((measure) => measure.round === 2).every((measure) => Date.parse(measure.dueAt) > Date.parse(inReview.campaign.endsAt))).toBe(true);
  await replay(caseId);
}, 90_000);

it('refuses a next campaign that is this case’s own', async () => {
  const { caseId, state } = await caseInFollowUpReview();
  await expect(
    env.cases.act(caseId, committee, {
      type: 'recordFollowUpReview',
      checks: REVIEW_OK,
      opinion: '反弹',
      reboundedProblemIds: ['p1'],
      newProblems: [],
      nextCampaign: { campaign: state.campaign, policy: state.policy },
    }),
  ).rejects.toMatchObject({ code: 'refused', rule: { code: 'invalid_input' } });
  expect((await env.cases.state(caseId)).stage).toBe('follow_up_review');
});
