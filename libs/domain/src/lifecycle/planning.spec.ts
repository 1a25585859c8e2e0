import { MIN_MEASURE_LENGTH, planIssues, type CaseState, type MeasureDraft } from '@zhengdun/domain';
import { act, ACTORS, at, CAMPAIGN, expectViolation, planFor, SECRETARY, snapshot, walkTo } from '../testing/fixtures';

const NOW = at(10);

function measure(overrides: Partial<MeasureDraft> = {}): MeasureDraft {
  return {
    problemId: 'p1',
    description: '调整配强支部书记，镇党委谈话考察后提出人选',
    ownerId: SECRETARY.personId,
    ownerName: SECRETARY.name,
    dueAt: at(500),
    ...overrides,
  };
}

const p2Measure = measure({ problemId: 'p2', description: '逐户化解土地流转纠纷并建立信访台账' });

function caseInAssigned(): CaseState {
  return walkTo('assigned').state;
}

function fields(issues: { field: string }[]): string[] {
  return issues.map((issue) => issue.field);
}

describe('planIssues: what makes a plan valid (一村一策, no 假大空)', () => {
  const state = caseInAssigned();

  it('a plan with one concrete, owned, dated measure per problem has no issues', () => {
    expect(planIssues(state, [measure(), p2Measure], NOW)).toEqual([]);
  });

  it('every problem needs at least one measure', () => {
    const issues = planIssues(state, [measure()], NOW);
    expect(issues).toHaveLength(1);
    expect(issues[0].messageEn).toBe('problem p2 has no measure');
    expect(issues[0].messageZh).toContain('土地流转纠纷长期信访');
  });

  it('a plan with no measures at all is refused and names every uncovered problem', () => {
    const issues = planIssues(state, [], NOW);
    expect(issues.map((i) => i.messageEn)).toEqual(['problem p1 has no measure', 'problem p2 has no measure', 'the plan has no measures']);
  });

  it('a measure must address a problem of the case', () => {
    expect(fields(planIssues(state, [measure(), p2Measure, measure({ problemId: 'p99' })], NOW))).toEqual(['measures[2].problemId']);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too short', '加强'],
    ['just under the minimum after trimming', '  抓落实  '],
  ])('an %s description is too vague', (_label, description) => {
    const issues = planIssues(state, [measure({ description }), p2Measure], NOW);
    expect(fields(issues)).toEqual(['measures[0].description']);
    expect(issues[0].messageEn).toBe('measure 1 is empty or too vague');
  });

  it(`a description of exactly ${MIN_MEASURE_LENGTH} characters is accepted`, () => {
    expect(planIssues(state, [measure({ description: '换届选举' }), p2Measure], NOW)).toEqual([]);
  });

  it.each([
    ['no owner id', { ownerId: '' }],
    ['no owner name', { ownerName: ' ' }],
  ])('a measure with %s has no responsible person', (_label, overrides) => {
    const issues = planIssues(state, [measure(overrides), p2Measure], NOW);
    expect(issues.map((i) => i.messageEn)).toEqual(['measure 1 has no responsible person']);
  });

  it('a measure without a valid due date is refused', () => {
    const issues = planIssues(state, [measure({ dueAt: '' }), p2Measure, measure({ problemId: 'p2', description: '另一条具体措施内容', dueAt: '十月底' })], NOW);
    expect(issues.map((i) => i.messageEn)).toEqual(['measure 1 has no valid due date', 'measure 3 has no valid due date']);
  });

  it('a due date now or in the past is refused, one second later is accepted', () => {
    expect(planIssues(state, [measure({ dueAt: at(9) }), p2Measure], NOW).map((i) => i.messageEn)).toEqual(['measure 1 is due in the past']);
    expect(planIssues(state, [measure({ dueAt: NOW }), p2Measure], NOW).map((i) => i.messageEn)).toEqual(['measure 1 is due in the past']);
    expect(planIssues(state, [measure({ dueAt: at(11) }), p2Measure], NOW)).toEqual([]);
  });

  it("a due date after the campaign's end (10月底) is refused, the end itself is accepted", () => {
    const after = new Date(Date.parse(CAMPAIGN.endsAt) + 1000).toISOString();
    expect(planIssues(state, [measure({ dueAt: after }), p2Measure], NOW).map((i) => i.messageEn)).toEqual([
      "measure 1 is due after the campaign's end date",
    ]);
    expect(planIssues(state, [measure({ dueAt: CAMPAIGN.endsAt }), p2Measure], NOW)).toEqual([]);
  });

  it('a village measure due after the committees’ re-election is refused (换届前整顿到位); a township with its own date is held to that one', () => {
    const reelectionAt = at(600);
    const later = { ...state, campaign: { ...state.campaign, reelection: { at: reelectionAt } } };
    const issues = planIssues(later, [measure({ dueAt: at(601) }), p2Measure], NOW);
    expect(issues.map((i) => i.messageEn)).toEqual([`measure 1 is due after the village committees' re-election on ${reelectionAt.slice(0, 10)}: rectification must be done before it`]);
    expect(issues[0].messageZh).toContain('须换届前整顿到位');
    expect(planIssues(later, [measure({ dueAt: reelectionAt }), p2Measure], NOW)).toEqual([]);
    const ownDate = { ...state, campaign: { ...state.campaign, reelection: { at: reelectionAt, byTownship: { [state.org.township]: at(550) } } } };
    expect(planIssues(ownDate, [measure({ dueAt: at(560) }), p2Measure], NOW).map((i) => i.field)).toEqual(['measures[0].dueAt']);
    // Not a village: the re-election does not bind it.
    const agency = { ...later, org: { ...state.org, domain: 'agency' as const } };
    expect(planIssues(agency, [measure({ dueAt: at(601) }), p2Measure], NOW)).toEqual([]);
  });

  it('a duplicate measure for the same problem is refused, even with different spacing or punctuation', () => {
    const issues = planIssues(
      state,
      [measure({ description: '召开专题组织生活会' }), measure({ description: ' 召开专题组织生活会。' }), p2Measure],
      NOW,
    );
    expect(issues.map((i) => i.messageEn)).toEqual(['measure 2 duplicates an earlier one']);
  });

  it('the same wording against two different problems is not a duplicate', () => {
    expect(
      planIssues(state, [measure({ description: '召开专题组织生活会' }), measure({ problemId: 'p2', description: '召开专题组织生活会' })], NOW),
    ).toEqual([]);
  });

  it('several faults in one measure are all reported', () => {
    const issues = planIssues(state, [measure({ description: '', ownerId: '', dueAt: at(1) }), p2Measure], NOW);
    expect(fields(issues)).toEqual(['measures[0].description', 'measures[0].owner', 'measures[0].dueAt']);
  });

  it('when added during remediation, measures need not cover every problem', () => {
    expect(planIssues(state, [measure()], NOW, { requireEveryProblem: false })).toEqual([]);
  });
});

describe('submitting, returning and approving the plan', () => {
  it('an invalid plan is refused with its issues and changes nothing', () => {
    const state = caseInAssigned();
    const before = snapshot(state);
    const error = expectViolation(() => act(state, { type: 'submitPlan', measures: [measure()] }, ACTORS.secretary, 10), 'invalid_plan');
    expect((error.details.issues as { messageEn: string }[]).map((i) => i.messageEn)).toEqual(['problem p2 has no measure']);
    expect(state).toEqual(before);
  });

  it('a valid plan moves the case to planning, stores pending measures and notifies the committee', () => {
    const state = caseInAssigned();
    const { state: after, notifications } = act(state, { type: 'submitPlan', measures: [measure(), p2Measure] }, ACTORS.secretary, 10);
    expect(after.stage).toBe('planning');
    expect(after.plan).toMatchObject({ version: 1, status: 'submitted', submittedAt: at(10) });
    expect(after.measures.map((m) => [m.id, m.problemId, m.status, m.round])).toEqual([
      ['m1', 'p1', 'pending', 1],
      ['m2', 'p2', 'pending', 1],
    ]);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: 'plan_submitted', recipients: [{ kind: 'role', role: 'township_committee' }] });
  });

  it('the plan says why each problem arose (深挖问题根源); a resubmission that leaves one out keeps its earlier cause', () => {
    const state = caseInAssigned();
    const first = act(state, { type: 'submitPlan', measures: [measure(), p2Measure], rootCauses: [{ problemId: 'p1', cause: ' 书记年龄偏大，长期不召集支委会 ' }] }, ACTORS.secretary, 10);
    expect(first.state.problems.map((problem) => [problem.id, problem.rootCause])).toEqual([
      ['p1', '书记年龄偏大，长期不召集支委会'],
      ['p2', undefined],
    ]);
    const returned = act(first.state, { type: 'returnPlan', reasons: ['p2 未分析根源'] }, ACTORS.committee, 11).state;
    const second = act(returned, { type: 'submitPlan', measures: [measure(), p2Measure], rootCauses: [{ problemId: 'p2', cause: '土地确权遗留问题未公开' }] }, ACTORS.secretary, 12);
    expect(second.state.problems.map((problem) => problem.rootCause)).toEqual(['书记年龄偏大，长期不召集支委会', '土地确权遗留问题未公开']);
  });

  it('a root cause for a problem the case does not have, or a blank one, is refused and changes nothing', () => {
    const state = caseInAssigned();
    const before = snapshot(state);
    const unknown = expectViolation(
      () => act(state, { type: 'submitPlan', measures: [measure(), p2Measure], rootCauses: [{ problemId: 'p1', cause: '原因' }, { problemId: 'p9', cause: '原因' }] }, ACTORS.secretary, 10),
      'unknown_problem',
    );
    expect(unknown.details.field).toBe('rootCauses[1].problemId');
    const blank = expectViolation(() => act(state, { type: 'submitPlan', measures: [measure(), p2Measure], rootCauses: [{ problemId: 'p2', cause: '  ' }] }, ACTORS.secretary, 10), 'reason_required');
    expect(blank.messageZh).toContain('问题根源为空');
    expect(state).toEqual(before);
  });

  it('a submitted plan cannot be submitted again while it awaits approval', () => {
    const { state } = walkTo('planning');
    expectViolation(() => act(state, { type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 11), 'wrong_stage');
  });

  it('returning a plan needs a reason', () => {
    const { state } = walkTo('planning');
    const before = snapshot(state);
    expectViolation(() => act(state, { type: 'returnPlan', reasons: [] }, ACTORS.committee, 11), 'reason_required');
    expectViolation(() => act(state, { type: 'returnPlan', reasons: ['  ', ''] }, ACTORS.committee, 11), 'reason_required');
    expect(state).toEqual(before);
  });

  it('a returned plan is resubmitted as a new version that replaces the earlier measures, then approved', () => {
    const { state: planning } = walkTo('planning');
    const returned = act(planning, { type: 'returnPlan', reasons: [' 措施不够具体 ', ''] }, ACTORS.committee, 11);
    expect(returned.state.stage).toBe('planning');
    expect(returned.state.plan).toMatchObject({ version: 1, status: 'returned', returnReasons: ['措施不够具体'] });
    expect(returned.notifications.map((n) => [n.kind, n.recipients])).toEqual([['plan_returned', [{ kind: 'person', ...SECRETARY }]]]);
    // A returned plan cannot be approved.
    expectViolation(() => act(returned.state, { type: 'approvePlan' }, ACTORS.committee, 12), 'wrong_stage');
    expectViolation(() => act(returned.state, { type: 'returnPlan', reasons: ['再退'] }, ACTORS.committee, 12), 'wrong_stage');

    const revised = [measure({ description: '选派后备干部跟班学习三个月' }), p2Measure, measure({ problemId: 'p2', description: '镇村干部包户化解矛盾' })];
    const resubmitted = act(returned.state, { type: 'submitPlan', measures: revised }, ACTORS.secretary, 13);
    expect(resubmitted.state.plan).toMatchObject({ version: 2, status: 'submitted', submittedAt: at(13) });
    expect(resubmitted.state.measures.map((m) => m.description)).toEqual(revised.map((m) => m.description));

    const approved = act(resubmitted.state, { type: 'approvePlan', comment: '同意实施' }, ACTORS.committee, 14);
    expect(approved.state.stage).toBe('remediating');
    expect(approved.state.plan).toMatchObject({ version: 2, status: 'approved', approvedAt: at(14), publicizedAt: at(14), returnReasons: [] });
    expect(approved.state.history.at(-1)).toMatchObject({ from: 'planning', to: 'remediating', reason: '同意实施' });
  });

  it('approval clears the plan deadline, sets the first report due and notifies the secretary and the team', () => {
    const { state: planning } = walkTo('planning');
    expect(planning.deadlines.planDueAt).toBe(at(100));
    const { state, notifications } = act(planning, { type: 'approvePlan' }, ACTORS.committee, 20);
    expect(state.deadlines.planDueAt).toBeUndefined();
    expect(state.deadlines.nextReportDueAt).toBe(at(320));
    expect(notifications).toHaveLength(1);
    expect(notifications[0].kind).toBe('plan_approved');
    expect(notifications[0].recipients.map((r) => (r.kind === 'person' ? r.personId : r.role))).toEqual([
      'sec-1',
      'lead-county',
      'lead-township',
      'lead-first',
      'lead-agency',
    ]);
  });

  it('measures added during remediation are validated and numbered after the plan', () => {
    const { state } = walkTo('remediating');
    expectViolation(() => act(state, { type: 'addMeasures', measures: [measure({ description: '抓' })] }, ACTORS.committee, 21), 'invalid_plan');
    const extra = measure({ description: '建立村务监督委员会定期报告制度', ownerId: 'lead-first', ownerName: '赵书记' });
    const { state: after } = act(state, { type: 'addMeasures', measures: [extra] }, ACTORS.committee, 21);
    expect(after.measures.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(after.measures[2]).toMatchObject({ problemId: 'p1', ownerId: 'lead-first', status: 'pending', round: 1 });
  });
});
