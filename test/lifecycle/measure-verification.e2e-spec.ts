/**
 * Rectification verified, not self-certified (issue 13), over HTTP on the real Temporal dev server and
 * Postgres, periods in seconds: a measure the branch reports is 已报告待核验 everywhere until the township
 * committee verifies it (a returned report gets a new date); a secretary replaced in the middle of
 * remediation hands over the rights and the notifications; at the campaign's end date every unfinished
 * case, in whatever stage, is asked to explain and takes its secretary's explanation.
 */
import { campaignEndDueItemKey, type Actor, type CampaignPolicy, type CaseState, type Stage } from '@zhengdun/domain';
import { NotificationOutboxRepository } from '@zhengdun/persistence';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { ALL_CHECKS, committee, county, leaderOf, measuresFor, SECONDS_POLICY, secretaryOf, teamFor } from '../support/cases';
import { eventually } from '../support/environment';
import { replayAndMaybeRecord } from '../support/histories';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

let h: ApiHarness;
let outbox: NotificationOutboxRepository;

beforeAll(async () => {
  h = await startApiHarness('measure-verification');
  outbox = new NotificationOutboxRepository(h.db.dataSource);
});

afterEach(async () => {
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

afterAll(async () => {
  await h?.stop();
});

type CaseView = Omit<CaseState, 'timeline'>;

async function act(caseId: string, action: string, as: Actor, body: Record<string, unknown> = {}): Promise<CaseView> {
  const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${response.text}`);
  return response.body;
}

async function refused(caseId: string, action: string, as: Actor, body: Record<string, unknown>): Promise<{ status: number; code: string; detail: string; detail_en: string }> {
  const response = await h.post(`/cases/${enc(caseId)}/actions/${action}`, { as, body });
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return { status: response.status, ...response.body };
}

async function caseView(caseId: string, as: Actor = county): Promise<{ case: CaseView; timeline: { type: string; summary: string; actorName: string }[]; availableActions: string[] }> {
  const response = await h.get(`/cases/${enc(caseId)}`, { as });
  expect(response.status).toBe(200);
  return response.body;
}

async function waitForStage(caseId: string, stage: Stage, timeoutMs = 20_000): Promise<CaseView> {
  return eventually(async () => {
    const { case: view } = await caseView(caseId);
    return view.stage === stage ? view : undefined;
  }, timeoutMs, `stage ${stage}`);
}

/** Opens a case through the API and waits for it to be assigned (its team named). */
async function openCase(campaignId: string, domain: 'rural' | 'state_owned_enterprise' | 'community', options: { withTeam?: boolean } = {}): Promise<{ caseId: string; orgCode: string }> {
  const orgCode = newOrgCode();
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody(domain, { orgCode, ...options }) });
  expect(opened.status).toBe(201);
  return { caseId: opened.body.caseId, orgCode };
}

async function remediating(campaignId: string, domain: 'rural' | 'state_owned_enterprise', dueInMs = 600_000): Promise<{ caseId: string; orgCode: string; state: CaseView }> {
  const { caseId, orgCode } = await openCase(campaignId, domain);
  let state = await waitForStage(caseId, 'assigned');
  state = await act(caseId, 'submitPlan', secretaryOf(orgCode), { measures: measuresFor(state as CaseState, dueInMs) });
  state = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
  expect(state.stage).toBe('remediating');
  return { caseId, orgCode, state };
}

describe('a measure reported done', () => {
  const POLICY: CampaignPolicy = { ...SECONDS_POLICY, verificationPeriod: { amount: 3, unit: 'seconds' } };
  let campaignId: string;

  beforeAll(async () => {
    campaignId = (await h.post('/campaigns', { as: county, body: campaignBody(POLICY) })).body.id;
  });

  it('is 已报告待核验 on the case list, the dashboard and the public page until the committee verifies it; a returned report gets a new date', async () => {
    const { caseId, orgCode } = await remediating(campaignId, 'state_owned_enterprise');
    const secretary = secretaryOf(orgCode);
    const leader = leaderOf(orgCode, teamFor('state_owned_enterprise')[0]);

    // A leader on the team supervises; only the branch reports, only the committee verifies.
    expect((await caseView(caseId, leader)).availableActions).toEqual(['reportProgress']);
    expect(await refused(caseId, 'verifyMeasure', leader, { measureId: 'm1', accepted: true, comment: '属实' })).toMatchObject({ status: 403, code: 'role_not_permitted' });
    expect(await refused(caseId, 'completeMeasure', secretary, { measureId: 'm1', evidence: '已完成' })).toMatchObject({ status: 409, code: 'measure_needs_verification', detail: expect.stringContaining('核验') });

    let state = await act(caseId, 'reportMeasureDone', secretary, { measureId: 'm1', evidence: '已召开党员大会通报整改情况，台账附后' });
    expect(state.measures.find((m) => m.id === 'm1')).toMatchObject({ status: 'reported', report: { evidence: '已召开党员大会通报整改情况，台账附后' } });

    const listRow = async () => (await h.get(`/cases?campaignId=${campaignId}`, { as: county })).body.items.find((row: { caseId: string }) => row.caseId === caseId);
    await eventually(async () => ((await listRow())?.measuresReported === 1 ? true : undefined), 10_000, 'the list to show the report');
    expect(await listRow()).toMatchObject({ measureCount: 2, measuresDone: 0, measuresReported: 1 });
    expect((await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: county })).body.measures).toEqual({ total: 2, done: 0, reported: 1 });
    const notice = (await h.get(`/public/cases/${enc(caseId)}`)).body;
    expect(notice.measures.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['m1', 'reported'],
      ['m2', 'pending'],
    ]);
    expect(notice.problems[0].status).toBe('open');

    // Not done yet: publicity waits, and a measure nobody reported cannot be verified.
    expect(await refused(caseId, 'startPublicity', committee, {})).toMatchObject({ status: 409, code: 'measures_incomplete', detail: expect.stringContaining('未经核验销项') });
    expect(await refused(caseId, 'verifyMeasure', committee, { measureId: 'm2', accepted: true, comment: '属实' })).toMatchObject({ status: 409, code: 'measure_not_reported' });

    // The committee's to-do, and its reminder before the verification falls due and when it passes.
    const todos = (await h.get('/me/todos', { as: committee })).body.items.filter((item: { caseId: string }) => item.caseId === caseId);
    expect(todos).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'measure_to_verify', action: 'verifyMeasure' })]));
    const reminders = await eventually(async () => {
      const rows = (await outbox.forCase(caseId)).filter((n) => n.kind === 'reminder' && n.body.includes('核验整改措施'));
      return rows.length >= 2 ? rows : undefined;
    }, 15_000, 'the committee reminded to verify');
    expect(reminders.map((n) => n.title)).toEqual([expect.stringContaining('到期提醒'), expect.stringContaining('核验逾期提醒')]);
    for (const reminder of reminders) expect(reminder.recipients).toEqual([expect.objectContaining({ kind: 'role', role: 'township_committee' })]);

    // Returned: a reason and a new date within the campaign; the measure is pending again with that date.
    const newDueAt = new Date(Date.now() + 300_000).toISOString();
    expect(await refused(caseId, 'verifyMeasure', committee, { measureId: 'm1', accepted: false, comment: '台账不全' })).toMatchObject({ status: 422, code: 'invalid_input' });
    state = await act(caseId, 'verifyMeasure', committee, { measureId: 'm1', accepted: false, comment: '会议记录不全，补齐后再报', newDueAt });
    expect(state.measures.find((m) => m.id === 'm1')).toMatchObject({ status: 'pending', dueAt: newDueAt, returns: [expect.objectContaining({ reason: '会议记录不全，补齐后再报', newDueAt })] });
    const returned = await eventually(async () => (await outbox.forCase(caseId)).find((n) => n.kind === 'measure_returned'), 10_000, 'the branch told');
    expect(returned.recipients).toEqual([expect.objectContaining({ kind: 'person', personId: secretary.userId })]);
    expect((await caseView(caseId)).timeline.map((row) => row.type)).toEqual(expect.arrayContaining(['measure_reported', 'measure_returned']));

    // Reported again and verified: done; the other one too; then publicity.
    for (const measureId of ['m1', 'm2']) {
      await act(caseId, 'reportMeasureDone', secretary, { measureId, evidence: '会议记录已补齐，台账附后' });
      state = await act(caseId, 'verifyMeasure', committee, { measureId, accepted: true, comment: '经实地查看，记录齐全' });
    }
    expect(state.measures.map((m) => m.status)).toEqual(['done', 'done']);
    expect(state.measures[0]).toMatchObject({ verified: { by: { userId: committee.userId }, comment: '经实地查看，记录齐全' }, completedBy: { userId: secretary.userId } });
    await eventually(async () => ((await listRow())?.measuresDone === 2 ? true : undefined), 10_000, 'the list to count them done');
    expect(await listRow()).toMatchObject({ measuresDone: 2, measuresReported: 0 });
    expect((await h.get(`/dashboard/summary?campaignId=${campaignId}`, { as: county })).body.measures).toEqual({ total: 2, done: 2, reported: 0 });
    expect((await h.get(`/public/cases/${enc(caseId)}`)).body.measures.map((m: { status: string }) => m.status)).toEqual(['done', 'done']);
    expect((await act(caseId, 'startPublicity', committee)).stage).toBe('publicizing');
    expect(await replayAndMaybeRecord(h.client, caseId, 'measure-returned-then-verified')).toBe(1);
  });
});

describe('a secretary replaced in the middle of remediation', () => {
  it('refuses the old secretary with the rule, lets the new one act, addresses the new one, and the timeline keeps both', async () => {
    const campaignId = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
    const { caseId, orgCode } = await remediating(campaignId, 'rural');
    const old = secretaryOf(orgCode);
    const chosen: Actor = { ...old, userId: `sec-new-${orgCode}`, name: '李选派' };

    // Only the committee or the county records it.
    const replacement = { personId: chosen.userId, name: chosen.name, sentFrom: '县农业农村局', effectiveAt: new Date().toISOString(), reason: '原书记不胜任不尽职，经组织处理决定调整' };
    expect(await refused(caseId, 'replaceSecretary', old, replacement)).toMatchObject({ status: 403, code: 'role_not_permitted' });
    expect(await refused(caseId, 'replaceSecretary', leaderOf(orgCode, teamFor('rural')[0]), replacement)).toMatchObject({ status: 403, code: 'role_not_permitted' });
    const state = await act(caseId, 'replaceSecretary', committee, replacement);
    expect(state.org.secretary).toEqual({ personId: chosen.userId, name: '李选派' });
    expect(state.secretaries).toEqual([
      expect.objectContaining({ personId: old.userId, name: old.name, until: expect.any(String) }),
      expect.objectContaining({ personId: chosen.userId, name: '李选派', sentFrom: '县农业农村局', reason: replacement.reason }),
    ]);

    // The old secretary is refused with the rule, naming who holds the post now; the new one acts.
    const refusal = await refused(caseId, 'reportMeasureDone', old, { measureId: 'm1', evidence: '已完成' });
    expect(refusal).toMatchObject({ status: 403, code: 'wrong_person', detail: expect.stringContaining('李选派'), detail_en: expect.any(String) });
    expect((await caseView(caseId, chosen)).availableActions).toEqual(expect.arrayContaining(['reportMeasureDone', 'reportProgress']));
    await act(caseId, 'reportMeasureDone', chosen, { measureId: 'm1', evidence: '新书记到任后召开党员大会' });
    await act(caseId, 'verifyMeasure', committee, { measureId: 'm1', accepted: false, comment: '尚未建立台账', newDueAt: new Date(Date.now() + 300_000).toISOString() });

    // Notifications address the new secretary: the appointment, and the returned report.
    const messages = await eventually(async () => {
      const rows = await outbox.forCase(caseId);
      return rows.some((n) => n.kind === 'measure_returned') ? rows : undefined;
    }, 10_000, 'the notifications');
    const people = (kind: string) => messages.filter((n) => n.kind === kind).flatMap((n) => n.recipients.filter((r) => r.kind === 'person').map((r) => (r.kind === 'person' ? r.personId : '')));
    expect(people('secretary_replaced')).toEqual([chosen.userId]);
    expect(people('measure_returned')).toEqual([chosen.userId]);

    // The timeline shows both: the old secretary's plan, the replacement, the new one's report.
    const { timeline, case: live } = await caseView(caseId);
    expect(timeline.find((row) => row.type === 'plan_submitted')?.actorName).toBe(old.name);
    expect(timeline.find((row) => row.type === 'secretary_replaced')?.summary).toContain(`${old.name} → 李选派（选派自县农业农村局）`);
    expect(timeline.find((row) => row.type === 'measure_reported')?.actorName).toBe('李选派');
    expect(live.measures.map((m) => m.ownerId)).toEqual([chosen.userId, chosen.userId]);
    expect(await replayAndMaybeRecord(h.client, caseId, 'secretary-replaced')).toBe(1);
  });
});

describe('the campaign’s end date', () => {
  it('asks every unfinished case, in any stage, to explain, and takes each secretary’s explanation', async () => {
    const endsAt = new Date(Date.now() + 50_000).toISOString();
    const campaignId = (await h.post('/campaigns', { as: county, body: campaignBody(SECONDS_POLICY, { endsAt }) })).body.id;
    const due = 40_000;
    const byStage: Partial<Record<Stage, { caseId: string; orgCode: string }>> = {};
    byStage.identified = await openCase(campaignId, 'community', { withTeam: false });
    byStage.assigned = await openCase(campaignId, 'rural');
    const planning = await openCase(campaignId, 'rural');
    await act(planning.caseId, 'submitPlan', secretaryOf(planning.orgCode), { measures: measuresFor((await waitForStage(planning.caseId, 'assigned')) as CaseState, due) });
    byStage.planning = planning;
    const rectifying = await remediating(campaignId, 'rural', due);
    byStage.remediating = rectifying;
    // Three more through publicity: one held there by an open objection, one at 初验, one at 县级验收.
    for (const stage of ['publicizing', 'preliminary_acceptance', 'county_acceptance'] as const) {
      const { caseId, orgCode, state } = await remediating(campaignId, 'state_owned_enterprise', due);
      for (const measure of state.measures) {
        await act(caseId, 'reportMeasureDone', secretaryOf(orgCode), { measureId: measure.id, evidence: '已整改，台账附后' });
        await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '属实' });
      }
      await act(caseId, 'startPublicity', committee);
      if (stage === 'publicizing') {
        expect((await h.post(`/public/cases/${enc(caseId)}/objections`, { body: { content: '班子仍不齐全，公示内容与实际不符' } })).status).toBe(202);
      } else {
        await waitForStage(caseId, 'preliminary_acceptance');
        if (stage === 'county_acceptance') await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '初验合格' });
      }
      byStage[stage] = { caseId, orgCode };
    }
    expect(Date.now()).toBeLessThan(Date.parse(endsAt)); // the set-up finished before the end date

    const dueItemKey = campaignEndDueItemKey(campaignId);
    for (const [stage, { caseId, orgCode }] of Object.entries(byStage) as [Stage, { caseId: string; orgCode: string }][]) {
      const asked = await eventually(async () => {
        const { case: view, availableActions } = await caseView(caseId, secretaryOf(orgCode));
        return view.escalation.records.some((r) => r.dueItemKey === dueItemKey) ? { view, availableActions } : undefined;
      }, 90_000, `${stage}: the campaign's end`);
      expect([stage, asked.view.stage]).toEqual([stage, stage]);
      expect([stage, asked.availableActions]).toEqual([stage, expect.arrayContaining(['submitExplanation'])]);
      const answered = await act(caseId, 'submitExplanation', secretaryOf(orgCode), { dueItemKey, explanation: `${stage}：换届调整影响进度，已制定补救计划` });
      expect([stage, answered.escalation.explanations.map((e) => e.dueItemKey)]).toEqual([stage, expect.arrayContaining([dueItemKey])]);
      // Answered (the case in remediation also owes one for its measures that fell overdue before the end).
      if (stage !== 'remediating') expect([stage, (await caseView(caseId, secretaryOf(orgCode))).availableActions]).toEqual([stage, expect.not.arrayContaining(['submitExplanation'])]);
    }
  }, 180_000);
});
