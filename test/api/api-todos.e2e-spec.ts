/**
 * 我的待办 (GET /me/todos) over HTTP on the real read model: each person sees what awaits them on the
 * cases in their scope, by due date — the secretary the plan, the committee the plan to review and
 * the talk the system proposed, the county nothing of theirs yet — and nobody sees another's work.
 */
import type { CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, committee, county, measuresFor, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-todos');
});

afterAll(async () => {
  await h?.stop();
});

type Actor = Parameters<ApiHarness['get']>[1] extends infer O ? (O extends { as?: infer A } ? A : never) : never;

async function todos(as: Actor): Promise<{ items: { kind: string; action: string; caseId: string; dueAt?: string; label: string }[]; counts: Record<string, number> }> {
  const response = await h.get('/me/todos', { as });
  expect(response.status).toBe(200);
  return response.body;
}

const on = (caseId: string, list: Awaited<ReturnType<typeof todos>>) => list.items.filter((item) => item.caseId === caseId).map((item) => item.kind);

/** The kinds of the committee's to-dos the read model keeps for the case (null: a row written before it kept them). */
async function keptCommitteeTodos(caseId: string): Promise<string[] | null> {
  const [row] = await h.db.dataSource.query('SELECT committee_todos FROM case_record WHERE case_id = $1', [caseId]);
  return row.committee_todos?.map((todo: { kind: string }) => todo.kind) ?? null;
}

/** A case of a new campaign (its body from `campaign`), opened by the county and waiting for its plan; with its secretary. */
async function assignedCase(campaign: ReturnType<typeof campaignBody>, domain: Parameters<typeof openCaseBody>[0] = 'rural'): Promise<{ caseId: string; secretary: ReturnType<typeof secretaryOf>; state: CaseState }> {
  const created = await h.post('/campaigns', { as: county, body: campaign });
  expect(created.status).toBe(201);
  const orgCode = newOrgCode();
  const caseId: string = (await h.post(`/campaigns/${created.body.id}/cases`, { as: county, body: openCaseBody(domain, { orgCode }) })).body.caseId;
  const state = await eventually(async () => {
    const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
  return { caseId, secretary: secretaryOf(orgCode), state };
}

it('gives each person what awaits them, from the plan owed to the talk the system proposed', async () => {
  const policy = { ...SECONDS_POLICY, escalationInterval: { amount: 1, unit: 'seconds' as const } };
  const { caseId, secretary, state } = await assignedCase(campaignBody(policy));

  const owed = await todos(secretary);
  expect(on(caseId, owed)).toEqual(['plan_owed']);
  expect(owed.items[0]).toMatchObject({ label: '待提交整顿方案', action: 'submitPlan', dueAt: state.deadlines.planDueAt });
  expect(on(caseId, await todos(committee))).toEqual([]);
  expect(on(caseId, await todos({ ...secretary, userId: 'sec-not-registered' }))).toEqual([]);

  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretary, body: { measures: measuresFor(state, 2_000) } })).status).toBe(200);
  const review = await todos(committee);
  expect(on(caseId, review)).toEqual(['plan_to_review']);
  expect(review.counts.plan_to_review).toBeGreaterThanOrEqual(1);
  expect(await keptCommitteeTodos(caseId)).toEqual(['plan_to_review']);
  expect(on(caseId, await todos(secretary))).toEqual([]);

  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);
  expect(await keptCommitteeTodos(caseId)).toEqual([]);
  expect(on(caseId, await todos(secretary))).toEqual(['measure_due', 'measure_due']);
  // The measures fall overdue and stay so: the branch owes one explanation, and a talk is proposed
  // to the committee and the county.
  const proposed = await eventually(async () => {
    const list = await todos(committee);
    return on(caseId, list).includes('talk_to_hold') ? list : undefined;
  }, 20_000, 'the proposed talk among the committee’s to-dos');
  expect(on(caseId, proposed)).toEqual(['talk_to_hold']);
  expect(on(caseId, await todos(county))).toEqual(['talk_to_hold']);
  expect(on(caseId, await todos(secretary))).toEqual(expect.arrayContaining(['measure_due', 'explanation_owed']));
  expect((await todos(auditor)).items).toEqual([]);

  // A row written before the read model kept the committee's to-dos is still read from its state.
  expect(await keptCommitteeTodos(caseId)).toEqual(['talk_to_hold']);
  await h.db.dataSource.query('UPDATE case_record SET committee_todos = NULL WHERE case_id = $1', [caseId]);
  expect(on(caseId, await todos(committee))).toEqual(['talk_to_hold']);
});

it('shows the committee a case in remediation only once it waits on them: an explanation to review, then publicity to start', async () => {
  // Talks only after ten minutes: the explanation waits for the committee's review meanwhile.
  const policy = { ...SECONDS_POLICY, escalationInterval: { amount: 600, unit: 'seconds' as const } };
  const { caseId, secretary, state } = await assignedCase(campaignBody(policy), 'community');
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretary, body: { measures: measuresFor(state, 2_000) } })).status).toBe(200);
  const approved = await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} });
  expect(approved.status).toBe(200);
  // Measures pending, nothing explained: nothing of the committee's.
  expect(on(caseId, await todos(committee))).toEqual([]);

  const owed = await eventually(async () => {
    const list = await todos(secretary);
    return on(caseId, list).includes('explanation_owed') ? list : undefined;
  }, 20_000, 'the explanation owed');
  const dueItemKey = (await h.get(`/cases/${enc(caseId)}`, { as: county })).body.case.escalation.records.find((r: { step: string }) => r.step === 'explanation_requested').dueItemKey;
  expect(owed.items.some((item) => item.caseId === caseId && item.kind === 'explanation_owed')).toBe(true);
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitExplanation`, { as: secretary, body: { dueItemKey, explanation: '党员大会因汛期延期，已定于下周召开' } })).status).toBe(200);
  expect(on(caseId, await todos(committee))).toEqual(['explanation_to_review']);

  let measures = approved.body.measures as { id: string; status: string }[];
  for (const measure of measures.filter((m) => m.status === 'pending')) {
    const reported = await h.post(`/cases/${enc(caseId)}/actions/reportMeasureDone`, { as: secretary, body: { measureId: measure.id, evidence: '已召开党员大会通报整改情况' } });
    expect(reported.status).toBe(200);
    // A report waits for the committee's check: its to-do, although other measures are still pending.
    expect(on(caseId, await todos(committee))).toEqual(expect.arrayContaining(['measure_to_verify']));
    const verified = await h.post(`/cases/${enc(caseId)}/actions/verifyMeasure`, { as: committee, body: { measureId: measure.id, accepted: true, comment: '经实地查看，台账齐全' } });
    expect(verified.status).toBe(200);
    measures = verified.body.measures;
  }
  expect(on(caseId, await todos(committee))).toEqual(expect.arrayContaining(['publicity_to_start']));
});

it('asks the county for a rectification deadline when the campaign ends before a plan could be due, and the branch for a plan once it is set', async () => {
  // The plan period (600 s) runs past the campaign's end (in a minute): no valid plan exists.
  const { caseId, secretary } = await assignedCase(campaignBody(SECONDS_POLICY, { endsAt: new Date(Date.now() + 60_000).toISOString() }));

  const countyTodos = await todos(county);
  expect(on(caseId, countyTodos)).toEqual(['deadline_to_set']);
  expect(countyTodos.items.find((item) => item.caseId === caseId)).toMatchObject({ label: '待设定整改期限', action: 'setRectificationDeadline' });
  expect(on(caseId, await todos(secretary))).toEqual([]);

  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  const refused = await h.post(`/cases/${enc(caseId)}/actions/setRectificationDeadline`, { as: committee, body: { dueAt, reason: '限期整改' } });
  expect(refused.status).toBe(403);
  const set = await h.post(`/cases/${enc(caseId)}/actions/setRectificationDeadline`, { as: county, body: { dueAt, reason: '批次截止前来不及整改，限期一天' } });
  expect(set.status).toBe(200);
  expect(on(caseId, await todos(county))).toEqual([]);
  expect(on(caseId, await todos(secretary))).toEqual(['plan_owed']);
});

it('turns a problem a county 暗访 finds during remediation into the branch’s 限期整改 to-do, and keeps the visit on the case', async () => {
  const { caseId, secretary, state } = await assignedCase(campaignBody(SECONDS_POLICY));
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretary, body: { measures: measuresFor(state, 3_600_000) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);

  const visit = {
    kind: 'covert',
    visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
    visitors: '县委组织部组织科 张科长、李干事',
    findings: '党员活动室被占作仓库，“三会一课”记录后补',
    newProblem: { category: 'irregular_organizational_life', description: '组织生活记录后补' },
  };
  const recorded = await h.post(`/cases/${enc(caseId)}/actions/recordSupervision`, { as: county, body: visit });
  expect(recorded.status).toBe(200);
  expect(recorded.body.supervisions).toEqual([expect.objectContaining({ kind: 'covert', visitors: visit.visitors, addedProblemId: 'p3' })]);
  expect(recorded.body.problems.at(-1)).toMatchObject({ id: 'p3', description: '组织生活记录后补', reopened: { source: 'supervision' } });
  const owed = (await todos(secretary)).items.filter((item) => item.caseId === caseId && item.kind === 'amendment_owed');
  expect(owed.map((item) => item.label)).toEqual(['待补充限期整改措施']);
  // The secretary cannot record a visit; the timeline names who did.
  expect((await h.post(`/cases/${enc(caseId)}/actions/recordSupervision`, { as: secretary, body: visit })).status).toBe(403);
  const timeline = (await h.get(`/cases/${enc(caseId)}`, { as: county })).body.timeline as { type: string; actor?: { name: string } }[];
  expect(timeline.filter((entry) => entry.type === 'supervision_recorded')).toHaveLength(1);
});
