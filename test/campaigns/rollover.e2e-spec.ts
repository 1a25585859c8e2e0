/**
 * 滚动整顿 across campaigns: a follow-up review that finds problems, given the next campaign, carries
 * them into a new case of that campaign — linked both ways — and archives the old case.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { caseIdFor, type NextCampaign } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { CaseReadModelRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { CaseResult } from '@zhengdun/workflows';
import { ALL_CHECKS, caseInput, committee, county, measuresFor, remediateAndPublicize, REVIEW_OK, secretaryOf, testCampaign } from '../support/cases';
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

/** A rural case walked to 回头看 (the seconds policy: publicity 2 s, review due 2 s after delisting). */
async function caseInFollowUpReview(orgCode?: string): Promise<{ caseId: string; state: CaseSnapshot }> {
  const input = caseInput('rural', orgCode ? { orgCode } : {});
  const caseId = await env.cases.open(input, county);
  let state: CaseSnapshot = await env.cases.state(caseId);
  state = await env.cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: measuresFor(state) });
  await env.cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(env.cases, caseId);
  await env.cases.rateSatisfaction(caseId, { ratingId: `${caseId}-r1`, level: 'satisfied' });
  await eventually(async () => (await env.cases.state(caseId)).stage === 'preliminary_acceptance', 20_000, 'publicity to end');
  await env.cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await env.cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', survey: { respondents: 10, satisfied: 10 } });
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
    opinion: '反弹',
    reboundedProblemIds: ['p2'],
    newProblems: [],
  });
  expect(state).toMatchObject({ stage: 'assigned', round: 2 });
  expect(state.rollover).toBeUndefined();
  expect(state.rolledOverToCaseId).toBeUndefined();
});

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
