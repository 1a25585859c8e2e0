/**
 * 测评 and 知晓率 (群众是否知晓满意, 000): county acceptance is judged on the assessment held among Party
 * members and representatives, against the campaign's thresholds; public ratings are a signal beside it.
 */
import { admission, isValidPolicy, RATING_IDS_KEPT, ratingReceived, type Assessment, type CaseAction, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, ALL_CHECKS_PASS, at, ctxAt, expectViolation, walkTo } from '../testing/fixtures';

const ASSESSMENT: Assessment = { heldAt: at(105), participants: '党员、村民代表', respondents: 20, satisfied: 12, basicallySatisfied: 5, dissatisfied: 3, aware: 18 };

/** A case waiting for 县级验收, judged on its 测评 (cases since the assessment patch). */
function awaitingCountyAcceptance(): CaseState {
  return { ...walkTo('county_acceptance').state, acceptanceBasis: 'assessment' };
}

const accept = (assessment?: Partial<Assessment>, extra: Record<string, unknown> = {}) =>
  ({ type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '同意销号', ...(assessment ? { assessment: { ...ASSESSMENT, ...assessment } } : {}), ...extra }) as CaseAction;

describe('县级验收 on the 测评', () => {
  it('asks for the 测评, and refuses the old survey, before anything changes', () => {
    const state = awaitingCountyAcceptance();
    expect(admission(state, accept(), ACTORS.county)?.code).toBe('assessment_required');
    expect(admission(state, accept(undefined, { survey: { respondents: 10, satisfied: 10 } }), ACTORS.county)?.code).toBe('assessment_required');
    expect(admission(state, accept({}), ACTORS.county)).toBeUndefined();
  });

  it('delists on a 测评 above both thresholds, recording the rates and the public ratings beside them', () => {
    const { state } = act(awaitingCountyAcceptance(), accept({}), ACTORS.county, 110);
    expect(state.stage).toBe('delisted');
    expect(state.acceptances.at(-1)).toMatchObject({
      passed: true,
      satisfactionRate: 17 / 20,
      awarenessRate: 18 / 20,
      publicRatingRate: 1,
      assessment: { participants: '党员、村民代表', respondents: 20 },
    });
    expect(state.timeline.find((entry) => entry.type === 'county_acceptance_recorded')?.summary).toContain('知晓率 90.0%');
  });

  it('fails on 知晓率 below the campaign’s setting even when everyone is satisfied, and names the problems to reopen', () => {
    const state = awaitingCountyAcceptance();
    const unaware = accept({ satisfied: 20, basicallySatisfied: 0, dissatisfied: 0, aware: 10 });
    expect(admission(state, unaware, ACTORS.county)?.code).toBe('unresolved_problems_required');
    const failed = act(state, { ...unaware, unresolvedProblems: [{ problemId: 'p1', reason: '群众不知道整改了什么' }] } as CaseAction, ACTORS.county, 110).state;
    expect(failed.stage).toBe('remediating');
    expect(failed.acceptances.at(-1)?.failedChecks).toEqual(['群众知晓率 50.0% 低于本批次要求 80.0%']);
    // The threshold is the campaign's: at 50% the same 测评 passes.
    const lenient: CaseState = { ...state, policy: { ...state.policy, awarenessThreshold: 0.5 } };
    expect(act(lenient, unaware, ACTORS.county, 110).state.stage).toBe('delisted');
  });

  it('is not swayed by public ratings: 500 “satisfied” ratings leave a failing 测评 failing', () => {
    let state = awaitingCountyAcceptance();
    for (let i = 0; i < 500; i += 1) state = ratingReceived(state, `flood-${i}`, 'satisfied', ctxAt(106)).state;
    const poor = accept({ satisfied: 5, basicallySatisfied: 5, dissatisfied: 10 });
    const failed = act(state, { ...poor, unresolvedProblems: [{ problemId: 'p2', reason: '群众不满意' }] } as CaseAction, ACTORS.county, 110).state;
    expect(failed.acceptances.at(-1)).toMatchObject({ passed: false, satisfactionRate: 0.5, publicRatingRate: 1 });
  });

  it('keeps the state bounded under a flood of ratings: the tally counts them all, the ids kept are the latest 200', () => {
    let state = awaitingCountyAcceptance();
    for (let i = 0; i < 2_000; i += 1) state = ratingReceived(state, `flood-${i}`, 'satisfied', ctxAt(106)).state;
    expect(state.satisfaction.satisfied).toBe(2_005);
    expect(state.satisfaction.ratingIds).toHaveLength(RATING_IDS_KEPT);
    // A retried signal among the latest still counts once.
    expect(ratingReceived(state, 'flood-1999', 'satisfied', ctxAt(107)).changed).toBe(false);
  });

  it('refuses counts that cannot be, a count past the ceiling and a date to come, changing nothing', () => {
    const state = awaitingCountyAcceptance();
    const refusedFor = (assessment: Partial<Assessment>, policy: Partial<CaseState['policy']> = {}) =>
      expectViolation(() => act({ ...state, policy: { ...state.policy, ...policy } }, accept(assessment), ACTORS.county, 110), 'invalid_assessment');
    expect(refusedFor({ satisfied: 19, basicallySatisfied: 2 }).messageZh).toContain('超过参加测评人数');
    expect(refusedFor({ aware: 21 }).messageZh).toContain('知晓人数');
    expect(refusedFor({}, { assessmentMaxRespondents: 10 }).messageZh).toContain('超过本批次上限 10 人');
    expect(refusedFor({ heldAt: at(500) }).messageZh).toContain('测评日期不能晚于今天');
    expect(state.stage).toBe('county_acceptance');
  });

  it('records a 测评 with 初验 too, as information for the county', () => {
    const { state } = walkTo('preliminary_acceptance');
    const after = act(state, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '初验合格', assessment: { ...ASSESSMENT, heldAt: at(95) } } as CaseAction, ACTORS.committee, 100).state;
    expect(after.acceptances.at(-1)).toMatchObject({ level: 'preliminary', awarenessRate: 0.9, assessment: { aware: 18 } });
  });

  it('keeps the thresholds as campaign settings within bounds', () => {
    const { state } = walkTo('assigned');
    expect(isValidPolicy({ ...state.policy, awarenessThreshold: 0.9, assessmentMaxRespondents: 500 })).toBe(true);
    expect(isValidPolicy({ ...state.policy, awarenessThreshold: 1.5 })).toBe(false);
    expect(isValidPolicy({ ...state.policy, assessmentMaxRespondents: 0 })).toBe(false);
  });
});
