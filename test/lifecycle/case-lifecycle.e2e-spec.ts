/**
 * The case lifecycle on the real Temporal dev server with real activities and real Postgres:
 * identification → … → archived for each kind of organization, and the detours users meet.
 */
import type { CaseState, OrgDomain } from '@zhengdun/domain';
import type { CaseSnapshot } from '@zhengdun/workflows';
import { CaseReadModelRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import { CaseException, type CaseClient } from '@zhengdun/temporal';
import { ALL_CHECKS, caseInput, committee, county, leaderOf, measuresFor, otherCommittee, remediateAndPublicize, REVIEW_OK, SECONDS_POLICY, secretaryOf, teamFor, assessmentOf } from '../support/cases';
import { replayAndMaybeRecord } from '../support/histories';
import { caseClientFor, createTestDatabase, eventually, startTestWorker, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';

let db: TestDatabase;
let worker: RunningTestWorker;
let cases: CaseClient;
let closeClient: () => Promise<void>;
let client: Awaited<ReturnType<typeof caseClientFor>>['client'];
const taskQueue = uniqueTaskQueue('lifecycle');

beforeAll(async () => {
  db = await createTestDatabase();
  worker = await startTestWorker(taskQueue, db.dataSource);
  ({ cases, close: closeClient, client } = await caseClientFor(taskQueue));
});

afterAll(async () => {
  await worker?.stop();
  await closeClient?.();
  await db?.drop();
});

async function stageOf(caseId: string): Promise<CaseState['stage']> {
  return (await cases.state(caseId)).stage;
}

async function waitForStage(caseId: string, stage: CaseState['stage'], timeoutMs = 20_000): Promise<CaseState> {
  return eventually(async () => {
    const state = await cases.state(caseId);
    return state.stage === stage ? state : undefined;
  }, timeoutMs, `stage ${stage}`);
}

async function refusal(run: () => Promise<unknown>): Promise<CaseException> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CaseException) return error;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

/** The happy path from a freshly opened case with a full team to archived. */
async function walkToArchived(caseId: string): Promise<CaseSnapshot> {
  let state: CaseSnapshot = await cases.state(caseId);
  const secretary = secretaryOf(state.org.code);
  expect(state.stage).toBe('assigned');
  state = await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state), rootCauses: [{ problemId: 'p1', cause: '支委分工不明确，会议无人召集' }] });
  expect(state.stage).toBe('planning');
  expect(state.problems.map((problem) => problem.rootCause)).toEqual(['支委分工不明确，会议无人召集', undefined]);
  state = await cases.act(caseId, committee, { type: 'approvePlan' });
  expect(state.stage).toBe('remediating');
  expect(state.plan.publicizedAt).toBeDefined();
  const leader = leaderOf(state.org.code, state.team[0]);
  state = await cases.act(caseId, leader, { type: 'reportProgress', summary: '本月召开党员大会1次，化解矛盾2件' });
  expect(state.reports).toHaveLength(1);
  state = await remediateAndPublicize(cases, caseId);
  expect(state.stage).toBe('publicizing');
  await cases.rateSatisfaction(caseId, { ratingId: `${caseId}-r1`, level: 'satisfied' });
  await cases.rateSatisfaction(caseId, { ratingId: `${caseId}-r2`, level: 'basically_satisfied' });
  await waitForStage(caseId, 'preliminary_acceptance');
  state = await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '台账完整，措施落实' });
  expect(state.stage).toBe('county_acceptance');
  state = await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() });
  expect(state.stage).toBe('delisted');
  const due = await waitForStage(caseId, 'follow_up_review');
  // The result is due at the county within the review period (default 30 days).
  expect(Date.parse(due.deadlines.reviewReportDueAt ?? '') - Date.parse(due.history.at(-1)!.at)).toBe(30 * 86_400_000);
  state = await cases.act(caseId, committee, { type: 'recordFollowUpReview', checks: REVIEW_OK, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] });
  expect(state.stage).toBe('archived');
  expect(state.deadlines.reviewReportDueAt).toBeUndefined();
  return state;
}

describe.each<OrgDomain>(['rural', 'state_owned_enterprise', 'non_public_enterprise'])('a %s case', (domain) => {
  it('goes from identification to archived, with every stage change attributed', async () => {
    const caseId = await cases.open(caseInput(domain), county);
    const state = await walkToArchived(caseId);
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
    expect(state.history.every((change) => change.by.userId && change.at)).toBe(true);
    const result = await client.workflow.getHandle(caseId).result();
    expect(result).toEqual({ caseId, stage: 'archived', round: 1 });
    expect(await replayAndMaybeRecord(client, caseId, `archived-${domain}`)).toBe(1);

    const readModel = new CaseReadModelRepository(db.dataSource);
    const row = await eventually(async () => {
      const found = await readModel.findCase(caseId);
      return found?.stage === 'archived' ? found : undefined;
    });
    expect(row.seq).toBe(state.seq);
    expect(row.domain).toBe(domain);
    expect((await readModel.timelineOf(caseId)).map((event) => event.seq)).toEqual((await cases.state(caseId)).timeline.map((entry) => entry.seq));
  });
});

it('refuses a second case for the same organization in the same campaign', async () => {
  const input = caseInput('rural');
  await cases.open(input, county);
  const error = await refusal(() => cases.open(input, county));
  expect(error.code).toBe('already_exists');
});

it('waits for the four ones, each named by the right body, before planning; a key village needs the township Party secretary', async () => {
  const input = caseInput('rural', { withTeam: false, isKeyVillage: true });
  const caseId = await cases.open(input, county);
  expect(await stageOf(caseId)).toBe('identified');
  const [countyLeader, townshipLeader, firstSecretary, agency] = teamFor('rural');

  const early = await refusal(() => cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: [] }));
  expect(early.rule?.code).toBe('team_incomplete');

  // County appointments are the county department's; a township committee naming one is refused.
  const byCommittee = await refusal(() => cases.act(caseId, committee, { type: 'assignTeam', members: [countyLeader] }));
  expect(byCommittee.rule).toMatchObject({ code: 'appointing_body' });
  let state = await cases.act(caseId, county, { type: 'assignTeam', members: [countyLeader, firstSecretary, agency] });
  expect(state.stage).toBe('identified');
  // Three of the four ones: the refusal names the one missing.
  const short = await refusal(() => cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: [] }));
  expect(short.rule).toMatchObject({ code: 'team_incomplete', details: { missing: ['township_leader'] } });
  const notPartySecretary = await refusal(() => cases.act(caseId, committee, { type: 'assignTeam', members: [{ ...townshipLeader, isTownshipPartySecretary: false }] }));
  expect(notPartySecretary.messageZh).toContain('须由乡镇党委书记直接包抓');
  state = await cases.act(caseId, committee, { type: 'assignTeam', members: [townshipLeader] });
  expect(state.stage).toBe('assigned');
  expect(state.deadlines.planDueAt).toBeDefined();
});

it('takes a returned plan back and approves the resubmission', async () => {
  const caseId = await cases.open(caseInput('rural'), county);
  let state: CaseSnapshot = await cases.state(caseId);
  const secretary = secretaryOf(state.org.code);
  state = await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  state = await cases.act(caseId, committee, { type: 'returnPlan', reasons: ['措施不够具体，缺少时间节点'] });
  expect(state.plan).toMatchObject({ status: 'returned', returnReasons: ['措施不够具体，缺少时间节点'] });
  state = await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  expect(state.plan).toMatchObject({ status: 'submitted', version: 2 });
  state = await cases.act(caseId, committee, { type: 'approvePlan' });
  expect(state.stage).toBe('remediating');
  expect(state.measures.filter((m) => m.round === 1)).toHaveLength(2);
  const notices = await eventually(async () => {
    const rows = await new NotificationOutboxRepository(db.dataSource).forCase(caseId);
    return rows.some((row) => row.kind === 'plan_approved') ? rows : undefined;
  });
  expect(notices.map((row) => row.kind)).toEqual(expect.arrayContaining(['plan_submitted', 'plan_returned', 'plan_approved']));
});

it('sends a case back to remediation when an objection during publicity is upheld', async () => {
  const caseId = await cases.open(caseInput('state_owned_enterprise'), county);
  let state: CaseSnapshot = await cases.state(caseId);
  await cases.act(caseId, secretaryOf(state.org.code), { type: 'submitPlan', measures: measuresFor(state) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(cases, caseId);
  await cases.raiseObjection(caseId, { objectionId: 'obj-1', content: '支部换届仍未完成，公示内容与实际不符' });
  await cases.raiseObjection(caseId, { objectionId: 'obj-1', content: '支部换届仍未完成，公示内容与实际不符' });
  state = await eventually(async () => {
    const s = await cases.state(caseId);
    return s.objections.length > 0 ? s : undefined;
  });
  expect(state.objections).toHaveLength(1);
  // The period ends, but an open objection holds the case in publicity.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await stageOf(caseId)).toBe('publicizing');
  const noReason = await refusal(() => cases.act(caseId, committee, { type: 'resolveObjection', objectionId: 'obj-1', decision: 'dismissed', reason: ' ' }));
  expect(noReason.rule?.code).toBe('reason_required');
  // Upheld, it names the problem the objection shows not resolved (限期整改).
  const unnamed = await refusal(() => cases.act(caseId, committee, { type: 'resolveObjection', objectionId: 'obj-1', decision: 'upheld', reason: '经核实，换届确未完成' }));
  expect(unnamed.rule?.code).toBe('unresolved_problems_required');
  state = await cases.act(caseId, committee, { type: 'resolveObjection', objectionId: 'obj-1', decision: 'upheld', reason: '经核实，换届确未完成', problemId: 'p2' });
  expect(state.stage).toBe('remediating');
  expect(state.deadlines.rectificationDueAt).toBeDefined();
  expect(state.objections[0]).toMatchObject({ status: 'upheld', resolvedBy: { userId: committee.userId } });
  expect(state.problems.map((p) => p.reopened?.source)).toEqual([undefined, 'objection']);
  expect(await replayAndMaybeRecord(client, caseId, 'objection-upheld')).toBe(1);
});

it('returns a case that fails county acceptance on two named problems to remediation: exactly those reopen, publicity waits for approved new measures, then it is delisted', async () => {
  const input = caseInput('non_public_enterprise');
  input.problems.push({ category: 'irregular_organizational_life', description: '组织生活记录不全' });
  const caseId = await cases.open(input, county);
  let state: CaseSnapshot = await cases.state(caseId);
  const secretary = secretaryOf(state.org.code);
  await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(cases, caseId);
  await waitForStage(caseId, 'preliminary_acceptance');
  await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '初验合格' });
  // 县级验收 is judged on a 测评 whose counts add up: without one, or with more aware than took part, nothing changes.
  const accepting = { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号' } as const;
  expect((await refusal(() => cases.act(caseId, county, accepting))).rule?.code).toBe('assessment_required');
  expect((await refusal(() => cases.act(caseId, county, { ...accepting, assessment: { ...assessmentOf(), aware: 21 } }))).rule?.code).toBe('invalid_assessment');
  expect((await cases.state(caseId)).stage).toBe('county_acceptance');
  const failing = { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '群众满意度不高', assessment: assessmentOf(50) } as const;
  const unnamed = await refusal(() => cases.act(caseId, county, failing));
  expect(unnamed.rule?.code).toBe('unresolved_problems_required');
  state = await cases.act(caseId, county, { ...failing, unresolvedProblems: [{ problemId: 'p1', reason: '组织生活仍不正常' }, { problemId: 'p3', reason: '记录仍不全' }] });
  expect(state.stage).toBe('remediating');
  expect(state.acceptances.at(-1)).toMatchObject({ level: 'county', passed: false, satisfactionRate: 0.5 });
  expect(state.deadlines.rectificationDueAt).toBeDefined();
  expect(state.problems.map((p) => [p.id, p.reopened?.reason])).toEqual([
    ['p1', '组织生活仍不正常'],
    ['p2', undefined],
    ['p3', '记录仍不全'],
  ]);

  // Publicity waits until both have new measures the committee approved.
  const amendment = async () => (await refusal(() => cases.act(caseId, committee, { type: 'startPublicity' }))).rule?.code;
  expect(await amendment()).toBe('amendment_required');
  const newMeasureFor = (problemId: string) => measuresFor(state).filter((m) => m.problemId === problemId);
  state = await cases.act(caseId, secretary, { type: 'addMeasures', measures: newMeasureFor('p1') });
  expect(state.measures.at(-1)?.awaitsApproval).toBe(true);
  await cases.act(caseId, committee, { type: 'approveMeasures', comment: '同意，限期落实' });
  // p1's new measure approved and carried out: p3 still has none, so publicity still waits.
  const p1Measure = (await cases.state(caseId)).measures.at(-1)!;
  await cases.act(caseId, secretary, { type: 'reportMeasureDone', measureId: p1Measure.id, evidence: '每月按时开展组织生活，记录附后' });
  await cases.act(caseId, committee, { type: 'verifyMeasure', measureId: p1Measure.id, accepted: true, comment: '经核验属实' });
  expect(await amendment()).toBe('amendment_required');
  await cases.act(caseId, secretary, { type: 'addMeasures', measures: newMeasureFor('p3') });
  state = await cases.act(caseId, committee, { type: 'approveMeasures', comment: '同意，限期落实' });
  expect(state.problems.filter((p) => p.reopened?.amendedAt).map((p) => p.id)).toEqual(['p1', 'p3']);
  await remediateAndPublicize(cases, caseId);
  await waitForStage(caseId, 'preliminary_acceptance');
  await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '再次初验合格' });
  state = await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf(90) });
  expect(state.stage).toBe('delisted');
  expect(state.acceptances.map((a) => `${a.level}:${a.passed}`)).toEqual(['preliminary:true', 'county:false', 'preliminary:true', 'county:true']);
  expect(await replayAndMaybeRecord(client, caseId, 'acceptance-failed-then-delisted')).toBe(1);
});

it('reopens a case whose follow-up review finds a rebound, carrying the open problems into round 2', async () => {
  const caseId = await cases.open(caseInput('rural'), county);
  let state: CaseSnapshot = await cases.state(caseId);
  const secretary = secretaryOf(state.org.code);
  await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(cases, caseId);
  await cases.rateSatisfaction(caseId, { ratingId: 'x1', level: 'satisfied' });
  await waitForStage(caseId, 'preliminary_acceptance');
  await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '销号', assessment: assessmentOf() });
  await waitForStage(caseId, 'follow_up_review');
  state = await cases.act(caseId, committee, {
    type: 'recordFollowUpReview',
    checks: { ...{ measuresCarriedOut: true, mechanismsWorking: false, promisesDelivered: true, unqualifiedMembersHandled: true } },
    findings: { mechanismsWorking: '村民议事会半年未开' },
    opinion: '组织生活又不经常了',
    reboundedProblemIds: ['p1'],
    newProblems: [{ category: 'irregular_dues', description: '党费收缴不及时' }],
  });
  expect(state.stage).toBe('assigned');
  expect(state.round).toBe(2);
  expect(state.problems.filter((p) => p.round === 2).map((p) => p.id)).toEqual(['p1', 'p3']);
  expect(state.problems.find((p) => p.id === 'p1')?.reboundedInRound).toBe(2);
  // Round 2 plans only the carried-over problems.
  state = await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  expect(state.measures.filter((m) => m.round === 2).map((m) => m.problemId)).toEqual(['p1', 'p3']);
  expect(await replayAndMaybeRecord(client, caseId, 'rebound-reopened')).toBe(1);
});

it('tells the committee and the county when a 回头看 is not reported by its date, and opens no lapse of the branch', async () => {
  const caseId = await cases.open(caseInput('rural', { policy: { ...SECONDS_POLICY, reviewPeriod: { amount: 3, unit: 'seconds' } } }), county);
  let state: CaseSnapshot = await cases.state(caseId);
  await cases.act(caseId, secretaryOf(state.org.code), { type: 'submitPlan', measures: measuresFor(state) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  await remediateAndPublicize(cases, caseId);
  await waitForStage(caseId, 'preliminary_acceptance');
  await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '销号', assessment: assessmentOf() });
  await waitForStage(caseId, 'follow_up_review');
  const overdue = await eventually(async () => {
    const rows = await new NotificationOutboxRepository(db.dataSource).forCase(caseId);
    return rows.find((row) => row.title.includes('回头看逾期未报告'));
  });
  expect(overdue.recipients).toEqual([
    { kind: 'role', role: 'township_committee', scope: expect.any(String) },
    { kind: 'role', role: 'county_department', scope: expect.any(String) },
  ]);
  state = await cases.state(caseId);
  expect(state.stage).toBe('follow_up_review');
  expect(state.escalation.lapses ?? []).toEqual([]);
  state = await cases.act(caseId, committee, { type: 'recordFollowUpReview', checks: REVIEW_OK, opinion: '逾期后补报，未发现反弹', reboundedProblemIds: [], newProblems: [] });
  expect(state.stage).toBe('archived');
});

describe('refusals leave no trace', () => {
  let caseId: string;
  let before: CaseState;
  beforeAll(async () => {
    caseId = await cases.open(caseInput('rural'), county);
    before = await cases.state(caseId);
  });
  afterEach(async () => {
    const after = await cases.state(caseId);
    expect(after.seq).toBe(before.seq);
    expect(after.history).toEqual(before.history);
    expect(after.plan).toEqual(before.plan);
  });

  it('wrong stage', async () => {
    const error = await refusal(() => cases.act(caseId, committee, { type: 'startPublicity' }));
    expect(error.rule?.code).toBe('wrong_stage');
    expect(error.messageZh).toContain('已落实包抓');
  });

  it('role not permitted', async () => {
    const error = await refusal(() => cases.act(caseId, committee, { type: 'submitPlan', measures: measuresFor(before) }));
    expect(error.rule?.code).toBe('role_not_permitted');
  });

  it('invalid plan: a problem without a measure, a measure without an owner', async () => {
    const [first] = measuresFor(before);
    const error = await refusal(() => cases.act(caseId, secretaryOf(before.org.code), { type: 'submitPlan', measures: [{ ...first, ownerId: '', ownerName: '' }] }));
    expect(error.rule?.code).toBe('invalid_plan');
    expect(error.messageZh).toContain('未明确责任人');
    expect(error.messageZh).toContain('没有对应的整改措施');
  });

  it('wrong person: another branch’s secretary, and a committee of another township', async () => {
    const stranger = { ...secretaryOf(before.org.code), userId: 'sec-someone-else' };
    expect((await refusal(() => cases.act(caseId, stranger, { type: 'submitPlan', measures: measuresFor(before) }))).rule?.code).toBe('wrong_person');
    expect((await refusal(() => cases.act(caseId, otherCommittee, { type: 'assignTeam', members: teamFor('rural') }))).rule?.code).toBe('out_of_scope');
  });

  it('malformed action', async () => {
    const error = await refusal(() => cases.act(caseId, secretaryOf(before.org.code), { type: 'submitPlan' } as never));
    expect(error.rule?.code).toBe('invalid_input');
  });
});

it('is findable by its search attributes', async () => {
  const input = caseInput('non_public_enterprise');
  const caseId = await cases.open(input, county);
  const query = `ZdCampaign='${input.campaign.id}' AND ZdStage='assigned' AND ZdDomain='non_public_enterprise' AND ZdTownship='${input.org.township}' AND ZdOverdue=false`;
  const ids = await eventually(async () => {
    const found: string[] = [];
    for await (const execution of client.workflow.list({ query })) found.push(execution.workflowId);
    return found.length > 0 ? found : undefined;
  });
  expect(ids).toEqual([caseId]);
});

it('continues as new before its history grows large, carrying the whole state', async () => {
  const input = caseInput('rural');
  const caseId = await cases.open(input, county, { maxHistoryEvents: 40 });
  const secretary = secretaryOf(input.org.code);
  let state: CaseSnapshot = await cases.state(caseId);
  await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(state) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  for (let i = 0; i < 8; i++) await cases.act(caseId, secretary, { type: 'reportProgress', summary: `第${i + 1}次汇报` });
  state = await cases.state(caseId);
  expect(state.reports).toHaveLength(8);
  const runs = await eventually(async () => {
    const found: string[] = [];
    for await (const execution of client.workflow.list({ query: `WorkflowId='${caseId}'` })) found.push(execution.runId);
    return found.length > 1 ? found : undefined;
  }, 20_000, 'a second run');
  expect(runs.length).toBeGreaterThan(1);
  state = await remediateAndPublicize(cases, caseId);
  expect(state.stage).toBe('publicizing');
  expect(state.history.map((h) => h.to)).toContain('remediating');
  expect(await replayAndMaybeRecord(client, caseId, 'continued-as-new')).toBeGreaterThan(1);
});
