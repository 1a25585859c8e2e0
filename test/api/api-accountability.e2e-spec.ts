/**
 * Accountability over HTTP across branches: the township Party secretary answers for every weak
 * branch of his township, so the talks held with him about two of them add up (累计约谈两次以上) and
 * the system proposes organizational handling for him — to the county, which alone decides it.
 */
import type { CaseState, Proposal } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, measuresFor, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-accountability');
});

afterAll(async () => {
  await h?.stop();
});

async function caseView(caseId: string): Promise<Omit<CaseState, 'timeline'>> {
  const response = await h.get(`/cases/${enc(caseId)}`, { as: county });
  expect(response.status).toBe(200);
  return response.body.case;
}

/** An ordinary village of 青山镇 in remediation whose measures fell overdue until a talk was proposed. */
async function caseWithProposedTalk(campaignId: string): Promise<{ caseId: string; proposal: Proposal }> {
  const orgCode = newOrgCode();
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  const assigned = await eventually(async () => ((await caseView(caseId)).stage === 'assigned' ? caseView(caseId) : undefined), 20_000, 'assigned');
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(assigned as CaseState, 2_000) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);
  const proposal = await eventually(async () => (await caseView(caseId)).escalation.proposals?.find((p) => p.kind === 'talk'), 20_000, 'a talk proposed');
  return { caseId, proposal };
}

it('adds up the talks with the township Party secretary about two branches and proposes handling for him; the county decides', async () => {
  const policy = { ...SECONDS_POLICY, escalationInterval: { amount: 1, unit: 'seconds' as const } };
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody(policy) })).body.id;
  const [first, second] = await Promise.all([caseWithProposedTalk(campaignId), caseWithProposedTalk(campaignId)]);
  const above = first.proposal.subjects.find((subject) => subject.standing === 'secretary_above')!;
  // The same person answers for both branches.
  expect(second.proposal.subjects.find((subject) => subject.standing === 'secretary_above')).toEqual(above);

  const talk = (proposalId: string) => ({ proposalId, heldAt: new Date().toISOString(), talkedTo: ['secretary_above'], record: '约谈乡镇党委书记，督促其履行抓整顿的责任' });
  const once = await h.post(`/cases/${enc(first.caseId)}/actions/recordTalk`, { as: committee, body: talk(first.proposal.id) });
  expect(once.status).toBe(200);
  expect(once.body.escalation.proposals.filter((p: Proposal) => p.kind === 'organizational_handling')).toEqual([]);

  const twice = await h.post(`/cases/${enc(second.caseId)}/actions/recordTalk`, { as: county, body: talk(second.proposal.id) });
  expect(twice.status).toBe(200);
  const handling: Proposal = twice.body.escalation.proposals.find((p: Proposal) => p.kind === 'organizational_handling');
  expect(handling).toMatchObject({ status: 'proposed', subjects: [above], reason: '累计已约谈2次（其中关于本组织1次）' });

  // The list filter finds the case where handling waits for a decision.
  const awaiting = async () => (await h.get(`/cases?campaignId=${campaignId}&awaiting=organizational_handling`, { as: county })).body.items.map((item: { caseId: string }) => item.caseId);
  expect(await awaiting()).toEqual([second.caseId]);
  const dashboardAwaiting = async () => (await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: county })).body.awaiting;
  expect(await dashboardAwaiting()).toEqual({ talk: 0, organizational_handling: 1 });

  // Only the county decides: the committee is refused and sees no such to-do; the county has it.
  const byCommittee = await h.post(`/cases/${enc(second.caseId)}/actions/decideHandling`, { as: committee, body: { proposalId: handling.id, decision: 'admonishment', reason: '研究决定' } });
  expect({ status: byCommittee.status, code: byCommittee.body.code }).toEqual({ status: 403, code: 'role_not_permitted' });
  const countyTodos = (await h.get('/me/todos', { as: county })).body.items.filter((item: { caseId: string }) => item.caseId === second.caseId);
  expect(countyTodos.map((item: { kind: string }) => item.kind)).toContain('handling_to_decide');
  const decided = await h.post(`/cases/${enc(second.caseId)}/actions/decideHandling`, { as: county, body: { proposalId: handling.id, decision: 'circulated_criticism', reason: '累计约谈两次，予以通报批评' } });
  expect(decided.status).toBe(200);
  expect(decided.body.escalation.organizationalHandling).toBe(true);
  // A second decision on the same proposal is refused, naming the rule.
  const again = await h.post(`/cases/${enc(second.caseId)}/actions/decideHandling`, { as: county, body: { proposalId: handling.id, decision: 'no_action', reason: '重复' } });
  expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'proposal_closed' });
  expect(await awaiting()).toEqual([]);
  expect(await dashboardAwaiting()).toEqual({ talk: 0, organizational_handling: 0 });
});

it('asks about a missed progress report, and never proposes a talk for it (防止“纸上党建”)', async () => {
  const policy = { ...SECONDS_POLICY, reportCadence: { amount: 2, unit: 'seconds' as const }, escalationInterval: { amount: 1, unit: 'seconds' as const } };
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody(policy) })).body.id;
  const orgCode = newOrgCode();
  const caseId: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode }) })).body.caseId;
  const assigned = await eventually(async () => ((await caseView(caseId)).stage === 'assigned' ? caseView(caseId) : undefined), 20_000, 'assigned');
  // Measures due in an hour: only the monthly report (here every 2 s) falls due.
  expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(assigned as CaseState, 3_600_000) } })).status).toBe(200);
  expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);
  const asked = await eventually(async () => {
    const state = await caseView(caseId);
    return state.escalation.records.some((record) => record.step === 'explanation_requested' && record.dueItemKey.startsWith('report:')) ? state : undefined;
  }, 20_000, 'the request to explain the missed report');
  // Several escalation intervals later: still no lapse and no talk proposed.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  const later = await caseView(caseId);
  expect(later.escalation.lapses ?? []).toEqual([]);
  expect(later.escalation.proposals ?? []).toEqual([]);
  expect(later.escalation.talks).toBe(0);
  expect(asked.escalation.level).toBe(1);
});
