/**
 * After the end date, never a dead end: a 回头看 that finds a rebound once the campaign has ended
 * reopens the case, the county sets a rectification deadline, and the branch plans against it; the
 * plan deadline that no valid plan could meet is never reminded or escalated.
 */
import { authorize, dueItems, measureDueLimit, planBlockedByDeadline, todosFor, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, at, expectViolation, planFor, REVIEW_ALL_PASS, runTimersUntil, walkTo } from '../testing/fixtures';

/** A case in 回头看 whose campaign ended at s=1000, on the rules of cases since the patch (or before it). */
function reboundAfterEnd(rules: 'since the patch' | 'before it' = 'since the patch') {
  const { state } = walkTo('follow_up_review');
  const ended: CaseState = { ...state, campaign: { ...state.campaign, endsAt: at(1000) }, ...(rules === 'since the patch' ? { planDeadline: 'attainable_only' } : {}) };
  return act(
    ended,
    { type: 'recordFollowUpReview', checks: { ...REVIEW_ALL_PASS, mechanismsWorking: false }, opinion: '旧问题反弹', reboundedProblemIds: ['p2'], newProblems: [] },
    ACTORS.committee,
    1120,
  );
}

describe('after the campaign’s end date', () => {
  it('reopens the case and asks the county for a deadline, since no measure could be due in time', () => {
    const { state, notifications } = reboundAfterEnd();
    expect(state.stage).toBe('assigned');
    expect(planBlockedByDeadline(state, at(1120))).toBe(true);
    expect(notifications.find((n) => n.kind === 'rectification_deadline_needed')?.recipients).toEqual([expect.objectContaining({ kind: 'role', role: 'county_department' })]);
    expect(state.timeline.at(-1)).toMatchObject({ type: 'deadline_needed' });
    expect(todosFor(state, ACTORS.county, at(1121)).map((todo) => todo.kind)).toEqual(['deadline_to_set']);
    expect(todosFor(state, ACTORS.secretary, at(1121)).map((todo) => todo.kind)).not.toContain('plan_owed');
  });

  it('never reminds or escalates the plan deadline no valid plan can meet', () => {
    const { state } = reboundAfterEnd();
    expect(dueItems(state).map((item) => item.kind)).not.toContain('plan');
    const later = runTimersUntil(state, 5000).state;
    expect(later.escalation.records).toEqual(state.escalation.records);
    expect(later.escalation.level).toBe(state.escalation.level);
  });

  it('refuses a plan with a message that says the county must set the deadline (once, not per measure)', () => {
    const { state } = reboundAfterEnd();
    const refusal = expectViolation(() => act(state, { type: 'submitPlan', measures: planFor(state, 1500) }, ACTORS.secretary, 1130), 'invalid_plan');
    expect(refusal.messageZh.match(/须由县委组织部设定整改期限/g)).toHaveLength(1);
  });

  it('lets only the county set a deadline, which must leave room after the new plan period', () => {
    const { state } = reboundAfterEnd();
    expect(() => authorize(state, 'setRectificationDeadline', ACTORS.committee)).toThrow();
    const tooSoon = expectViolation(() => act(state, { type: 'setRectificationDeadline', dueAt: at(1200), reason: '限期整改' }, ACTORS.county, 1130), 'invalid_date');
    expect(tooSoon.messageZh).toContain('须晚于新的方案提交期限');
  });

  it('plans against the county’s deadline: the plan deadline is escalated again, the plan is valid, remediation runs to the deadline', () => {
    const reopened = reboundAfterEnd().state;
    const set = act(reopened, { type: 'setRectificationDeadline', dueAt: at(5000), reason: '回头看发现反弹，限期三个月整改到位' }, ACTORS.county, 1130);
    let state = set.state;
    expect(measureDueLimit(state)).toEqual({ at: at(5000), source: 'rectification_deadline' });
    expect(state.deadlines.planDueAt).toBe(at(1230));
    expect(set.notifications.map((n) => n.kind)).toEqual(['rectification_deadline_set']);
    expect(state.timeline.at(-1)).toMatchObject({ type: 'county_deadline_set' });
    expect(dueItems(state).map((item) => [item.kind, item.dueAt])).toEqual([['plan', at(1230)]]);
    expect(todosFor(state, ACTORS.secretary, at(1131)).map((todo) => todo.kind)).toContain('plan_owed');
    expect(todosFor(state, ACTORS.county, at(1131)).map((todo) => todo.kind)).not.toContain('deadline_to_set');

    const tooLate = expectViolation(() => act(state, { type: 'submitPlan', measures: planFor(state, 6000) }, ACTORS.secretary, 1140), 'invalid_plan');
    expect(tooLate.messageZh).toContain('晚于整改期限');
    state = act(state, { type: 'submitPlan', measures: planFor(state, 1500) }, ACTORS.secretary, 1140).state;
    state = act(state, { type: 'approvePlan', comment: '同意' }, ACTORS.committee, 1150).state;
    expect(state.stage).toBe('remediating');
    expect(dueItems(state).find((item) => item.kind === 'rectification')?.dueAt).toBe(at(5000));
  });

  it('keeps escalating the plan deadline on cases opened before the rule (their histories replay)', () => {
    const { state } = reboundAfterEnd('before it');
    expect(dueItems(state).map((item) => item.kind)).toContain('plan');
    expect(state.timeline.at(-1)?.type).not.toBe('deadline_needed');
  });
});
