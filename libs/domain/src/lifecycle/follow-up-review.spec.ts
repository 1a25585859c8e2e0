import {
  admission,
  isOverdue,
  scheduledEvents,
  todosFor,
  openProblems,
  problemStatus,
  ratingReceived,
  type CaseAction,
  type CaseState,
  type ProblemInput,
  type ReviewChecks,
} from '@zhengdun/domain';
import {
  act,
  ACTORS,
  ALL_CHECKS_PASS,
  at,
  ctxAt,
  expectViolation,
  findEvent,
  fireAt,
  planFor,
  REVIEW_ALL_PASS,
  snapshot,
  walkTo,
} from '../testing/fixtures';

const MEASURES_FAILED: ReviewChecks = { ...REVIEW_ALL_PASS, measuresCarriedOut: false };
const NEW_PROBLEM: ProblemInput = { category: 'irregular_dues', description: ' 党费收缴不及时 ' };

function review(state: CaseState, extra: Partial<Extract<CaseAction, { type: 'recordFollowUpReview' }>> = {}, s = 1120) {
  return act(
    state,
    { type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '回头看意见', reboundedProblemIds: [], newProblems: [], ...extra },
    ACTORS.committee,
    s,
  );
}

describe('the review falling due (回头看到期)', () => {
  it('moves a delisted case to follow-up review and notifies the committee', () => {
    const { state } = walkTo('delisted');
    const { state: after, notifications } = fireAt(state, findEvent(state, 'review_due'));
    expect(after.stage).toBe('follow_up_review');
    expect(after.deadlines.reviewDueAt).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ from: 'delisted', to: 'follow_up_review', at: at(1110), by: { userId: 'system' } });
    expect(notifications.map((n) => [n.kind, n.recipients])).toEqual([
      ['review_due', [{ kind: 'role', role: 'township_committee', scope: '城固县博望镇' }]],
    ]);
  });

  it('a case since the review-report rule owes its result by the review period: reminded before, the committee and county told when it passes, no lapse of the branch (004)', () => {
    const delisted = walkTo('delisted').state;
    const state: CaseState = { ...delisted, reviewReport: 'due_by_period', policy: { ...delisted.policy, reviewPeriod: { amount: 50, unit: 'seconds' } } };
    const due = fireAt(state, findEvent(state, 'review_due'));
    expect(due.state.deadlines.reviewReportDueAt).toBe(at(1160));
    expect(due.notifications[0].body).toContain('前在系统中记录结果');
    expect(todosFor(due.state, ACTORS.committee, at(1120)).find((todo) => todo.kind === 'follow_up_review_due')?.dueAt).toBe(at(1160));

    const reminder = fireAt(due.state, findEvent(due.state, 'escalation', 'review_report'));
    expect(reminder.notifications.map((n) => [n.kind, n.recipients.map((r) => (r.kind === 'role' ? r.role : r.personId))])).toEqual([['reminder', ['township_committee']]]);
    expect(isOverdue(reminder.state, at(1159))).toBe(false);

    const overdue = fireAt(reminder.state, findEvent(reminder.state, 'escalation', 'review_report'));
    expect(overdue.notifications.map((n) => [n.kind, n.title, n.recipients.map((r) => (r.kind === 'role' ? r.role : r.personId))])).toEqual([
      ['reminder', '【博望镇柳营村党支部】回头看逾期未报告', ['township_committee', 'county_department']],
    ]);
    expect(isOverdue(overdue.state, at(1161))).toBe(true);
    expect(overdue.state.escalation.lapses ?? []).toEqual([]);
    expect(scheduledEvents(overdue.state)).toEqual([]);

    const reviewed = review(overdue.state, {}, 1170).state;
    expect(reviewed.deadlines.reviewReportDueAt).toBeUndefined();
    expect(reviewed.stage).toBe('archived');
  });

  it('a case from before the review-report rule falls due without a report date', () => {
    const { state } = walkTo('delisted');
    const after = fireAt(state, findEvent(state, 'review_due')).state;
    expect(after.deadlines.reviewReportDueAt).toBeUndefined();
    expect(scheduledEvents(after)).toEqual([]);
  });

  it('does nothing when fired in any other stage', () => {
    const { state } = walkTo('follow_up_review');
    const event = { kind: 'review_due' as const, key: 'review:late', at: at(1115) };
    expect(fireAt(state, event).state).toEqual(state);
  });
});

describe('follow-up review (回头看)', () => {
  it('with every check passed and nothing found, archives the case', () => {
    const { state } = walkTo('follow_up_review');
    const { state: after, notifications } = review(state);
    expect(after.stage).toBe('archived');
    expect(after.round).toBe(1);
    expect(after.reviews).toEqual([
      {
        at: at(1120),
        by: { userId: 'u-committee', name: '博望镇党委', role: 'township_committee' },
        checks: REVIEW_ALL_PASS,
        opinion: '回头看意见',
        reboundedProblemIds: [],
        newProblemIds: [],
        outcome: 'archived',
      },
    ]);
    // 004: the township's check does not stay with the township: the county is told each result.
    expect(notifications.map((n) => [n.kind, n.recipients, n.title])).toEqual([
      ['review_recorded', [{ kind: 'role', role: 'county_department', scope: '城固县全县' }], '【博望镇柳营村党支部】回头看结果：未发现反弹，整顿对象归档'],
    ]);
    expect(notifications[0].body).toBe('整改措施落实：合格；长效机制运行：合格；承诺实事兑现：合格；不合格党员处置：合格。意见：回头看意见');
  });

  it('needs an opinion, known problem ids and valid new problems', () => {
    const { state } = walkTo('follow_up_review');
    const before = snapshot(state);
    expectViolation(() => review(state, { opinion: ' ' }), 'reason_required');
    expectViolation(() => review(state, { reboundedProblemIds: ['p7'] }), 'unknown_problem');
    expectViolation(() => review(state, { newProblems: [{ category: 'no_such' as never, description: '某问题' }] }), 'invalid_input');
    expectViolation(() => review(state, { newProblems: [{ category: 'other', description: '  ' }] }), 'invalid_input');
    expect(state).toEqual(before);
  });

  it('a failed check must name the problems that came back or were found', () => {
    const { state } = walkTo('follow_up_review');
    const error = expectViolation(() => review(state, { checks: MEASURES_FAILED }), 'invalid_input');
    expect(error.messageZh).toContain('整改措施落实');
  });

  it('a rebound reopens the case for round 2: rebounded problems carried, new ones added, back to assigned', () => {
    const { state } = walkTo('follow_up_review');
    const { state: after, notifications } = review(state, { checks: MEASURES_FAILED, reboundedProblemIds: ['p1', 'p1'], newProblems: [NEW_PROBLEM] }, 1120);

    expect(after.stage).toBe('assigned');
    expect(after.history.at(-1)).toMatchObject({ from: 'follow_up_review', to: 'assigned', reason: '回头看发现问题反弹，转入第2轮整顿' });
    expect(after.round).toBe(2);
    expect(after.problems).toEqual([
      { id: 'p1', category: 'secretary_incompetent', description: '支部书记年龄偏大，工作不在状态', round: 2, reboundedInRound: 2 },
      { id: 'p2', category: 'petitions_and_conflicts', description: '土地流转纠纷长期信访', round: 1 },
      { id: 'p3', category: 'irregular_dues', description: '党费收缴不及时', round: 2 },
    ]);
    expect(after.problems.map((p) => problemStatus(after, p))).toEqual(['rebounded', 'resolved', 'open']);
    expect(openProblems(after).map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(after.reviews.at(-1)).toMatchObject({ outcome: 'rebound', reboundedProblemIds: ['p1'], newProblemIds: ['p3'] });
    // A fresh plan is owed for the new round, by the plan period from the review.
    expect(after.plan).toEqual({ version: 0, status: 'none', returnReasons: [] });
    expect(after.deadlines.planDueAt).toBe(at(1220));
    // The team stays; round 1's measures stay in the ledger but are not current.
    expect(after.team).toEqual(state.team);
    expect(after.measures.map((m) => [m.id, m.round, m.status])).toEqual([
      ['m1', 1, 'done'],
      ['m2', 1, 'done'],
    ]);
    expect(notifications.map((n) => [n.kind, n.recipients.map((r) => (r.kind === 'person' ? r.personId : r.role))])).toEqual([
      ['case_reopened', ['sec-1', 'township_committee']],
      ['review_recorded', ['county_department']],
    ]);
    expect(notifications[0].body).toContain('2个问题');
  });

  it('a new problem alone, with every check passed, is still a rebound', () => {
    const { state } = walkTo('follow_up_review');
    const { state: after } = review(state, { newProblems: [NEW_PROBLEM] });
    expect(after.stage).toBe('assigned');
    expect(openProblems(after).map((p) => p.id)).toEqual(['p3']);
  });

  it('round 2 plans against the open problems only, and its measures are numbered after round 1', () => {
    const { state } = walkTo('follow_up_review');
    const reopened = review(state, { checks: MEASURES_FAILED, reboundedProblemIds: ['p1'], newProblems: [NEW_PROBLEM] }).state;
    const measures = planFor(reopened, 1500);
    expect(measures.map((m) => m.problemId)).toEqual(['p1', 'p3']);
    const onlyP1 = measures.filter((m) => m.problemId === 'p1');
    const error = expectViolation(() => act(reopened, { type: 'submitPlan', measures: onlyP1 }, ACTORS.secretary, 1130), 'invalid_plan');
    expect((error.details.issues as { messageEn: string }[]).map((i) => i.messageEn)).toEqual(['problem p3 has no measure']);
    const planned = act(reopened, { type: 'submitPlan', measures }, ACTORS.secretary, 1130).state;
    expect(planned.stage).toBe('planning');
    expect(planned.measures.map((m) => [m.id, m.round])).toEqual([
      ['m1', 1],
      ['m2', 1],
      ['m3', 2],
      ['m4', 2],
    ]);
  });

  it('round 2 is accepted on its own satisfaction ratings, not those of round 1', () => {
    const { state } = walkTo('follow_up_review');
    let s = review(state, { checks: MEASURES_FAILED, reboundedProblemIds: ['p1'] }).state;
    s = act(s, { type: 'submitPlan', measures: planFor(s, 1500) }, ACTORS.secretary, 1130).state;
    s = act(s, { type: 'approvePlan' }, ACTORS.committee, 1131).state;
    s = act(s, { type: 'completeMeasure', measureId: 'm3', evidence: '新书记到任' }, ACTORS.secretary, 1132).state;
    s = act(s, { type: 'startPublicity' }, ACTORS.committee, 1133).state;
    // A rating of round 1 sent again is still counted only once.
    expect(ratingReceived(s, 'rating-1', 'satisfied', ctxAt(1134)).changed).toBe(false);
    s = fireAt(s, findEvent(s, 'publicity_period_ended')).state;
    s = act(s, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '通过' }, ACTORS.committee, 1190).state;
    const unrated = act(s, { type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '验收' }, ACTORS.county, 1200).state;
    expect(unrated.stage).toBe('remediating');
    expect(unrated.acceptances.at(-1)?.failedChecks).toEqual(['群众满意度：尚无测评数据']);
    // The round 1 acceptance keeps the rate it was judged on.
    expect(unrated.acceptances.find((a) => a.level === 'county')?.satisfactionRate).toBe(1);

    const rated = ratingReceived(s, 'round2-a', 'satisfied', ctxAt(1195)).state;
    expect(act(rated, { type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '验收' }, ACTORS.county, 1200).state.stage).toBe('delisted');
  });

  it('a second round can be delisted and archived, with both reviews kept', () => {
    const { state } = walkTo('follow_up_review');
    let s = review(state, { checks: MEASURES_FAILED, reboundedProblemIds: ['p1'] }).state;
    s = act(s, { type: 'submitPlan', measures: planFor(s, 1500) }, ACTORS.secretary, 1130).state;
    s = act(s, { type: 'approvePlan' }, ACTORS.committee, 1131).state;
    s = act(s, { type: 'completeMeasure', measureId: 'm3', evidence: '新书记到任' }, ACTORS.leader, 1132).state;
    s = act(s, { type: 'startPublicity' }, ACTORS.committee, 1133).state;
    s = ratingReceived(s, 'round2-a', 'satisfied', ctxAt(1134)).state;
    s = fireAt(s, findEvent(s, 'publicity_period_ended')).state;
    s = act(s, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '通过' }, ACTORS.committee, 1190).state;
    s = act(s, { type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '验收' }, ACTORS.county, 1200).state;
    expect(s.stage).toBe('delisted');
    expect(s.deadlines.reviewDueAt).toBe(at(2200));
    s = fireAt(s, findEvent(s, 'review_due')).state;
    s = act(
      s,
      { type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '巩固', reboundedProblemIds: [], newProblems: [] },
      ACTORS.county,
      2210,
    ).state;
    expect(s.stage).toBe('archived');
    expect(s.reviews.map((r) => r.outcome)).toEqual(['rebound', 'archived']);
    expect(openProblems(s)).toEqual([]);
  });
});

describe('回头看, check by check (004, 002)', () => {
  const reviewOf = (checks: ReviewChecks, findings = {}) =>
    ({ type: 'recordFollowUpReview', checks, findings, opinion: '意见', reboundedProblemIds: ['p1'], newProblems: [] }) as Extract<CaseAction, { type: 'recordFollowUpReview' }>;

  it('a check answered 不合格 must say what was found; the findings are kept and reach the county', () => {
    const { state } = walkTo('follow_up_review');
    expect(admission(state, reviewOf(MEASURES_FAILED), ACTORS.committee)).toMatchObject({ code: 'reason_required', details: { field: 'findings.measuresCarriedOut' } });
    expect(admission(state, reviewOf(MEASURES_FAILED, { measuresCarriedOut: '   ' }), ACTORS.committee)?.code).toBe('reason_required');
    const findings = { measuresCarriedOut: '村务公开栏三个月未更新', mechanismsWorking: '  ' };
    expect(admission(state, reviewOf(MEASURES_FAILED, findings), ACTORS.committee)).toBeUndefined();

    const { state: after, notifications } = act(state, reviewOf(MEASURES_FAILED, findings), ACTORS.committee, 1120);
    expect(after.reviews.at(-1)?.findings).toEqual({ measuresCarriedOut: '村务公开栏三个月未更新' });
    const toCounty = notifications.find((n) => n.kind === 'review_recorded');
    expect(toCounty?.body).toContain('整改措施落实：不合格（村务公开栏三个月未更新）');
    expect(toCounty?.title).toContain('发现1个问题，转入第2轮整顿');
  });

  it('a case that had problems given a deadline (限期整改) must answer whether they stayed solved', () => {
    const { state } = walkTo('follow_up_review');
    // A case none of whose problems was given a deadline is not asked.
    expect(admission(state, reviewOf(REVIEW_ALL_PASS), ACTORS.committee)).toBeUndefined();
    const reopened: CaseState = { ...state, problems: state.problems.map((p, i) => (i === 0 ? { ...p, reopened: { at: at(900), by: ACTORS.committee, source: 'county_acceptance', reason: '未整改到位', measureIds: [] } } : p)) } as CaseState;
    expect(admission(reopened, reviewOf(REVIEW_ALL_PASS), ACTORS.committee)).toMatchObject({ code: 'review_check_required', details: { field: 'checks.deadlineProblemsSolved' } });
    const notSolved = { ...REVIEW_ALL_PASS, deadlineProblemsSolved: false };
    expect(admission(reopened, reviewOf(notSolved), ACTORS.committee)).toMatchObject({ code: 'reason_required', details: { field: 'findings.deadlineProblemsSolved' } });
    expect(admission(reopened, reviewOf(notSolved, { deadlineProblemsSolved: '验收时指出的党费问题又出现' }), ACTORS.committee)).toBeUndefined();
    // Answered 不合格, it is a failed check like the others: problems must be named.
    expectViolation(() => act(reopened, { ...reviewOf(notSolved, { deadlineProblemsSolved: '又出现' }), reboundedProblemIds: [] }, ACTORS.committee, 1120), 'invalid_input');
  });
});
