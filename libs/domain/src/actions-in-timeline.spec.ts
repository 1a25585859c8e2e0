import { actionsInCaseTimeline, objectionReceived, type Actor, type CaseAction, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, ALL_CHECKS_PASS, ctxAt, findEvent, fireAt, openTestCase, planFor, REVIEW_ALL_PASS } from './testing/fixtures';

/**
 * Drives a case through every kind of action, several by the same person at the same instant (one
 * workflow task can apply several Updates), and after each one checks that the timeline names it,
 * ending at the seq the workflow returned — and that every earlier action is still read the same.
 */
describe('actionsInCaseTimeline', () => {
  it('finds each action with the seq the case had right after it, however actions of one person at one instant follow each other', () => {
    let state: CaseState = openTestCase({ team: [] });
    const seen: { action: string; lastSeq: number }[] = [];
    const step = (action: CaseAction, actor: Actor, s: number) => {
      state = act(state, action, actor, s).state;
      seen.push({ action: action.type, lastSeq: state.seq });
      expect(actionsInCaseTimeline(state.timeline).map(({ action: a, lastSeq }) => ({ action: a, lastSeq }))).toEqual(seen);
    };
    const team = openTestCase().team;
    // identified → assigned after the primary entry, then at the same instant the secretary's plan
    // moves assigned → planning before its own.
    step({ type: 'assignTeam', members: team }, ACTORS.committee, 5);
    step({ type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 5);
    step({ type: 'returnPlan', reasons: ['措施不具体'] }, ACTORS.committee, 6);
    step({ type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 7);
    // Same person, same instant: a team change (no stage change) then an approval that leads with one.
    step({ type: 'assignTeam', members: team }, ACTORS.committee, 8);
    step({ type: 'approvePlan', comment: '同意' }, ACTORS.committee, 8);
    step({ type: 'addMeasures', measures: planFor(state, 600).slice(0, 1) }, ACTORS.committee, 8);
    step({ type: 'reportProgress', summary: '召开党员大会' }, ACTORS.secretary, 9);
    for (const measure of state.measures) step({ type: 'completeMeasure', measureId: measure.id, evidence: `已落实${measure.id}` }, ACTORS.secretary, 9);
    step({ type: 'startPublicity' }, ACTORS.committee, 10);
    state = objectionReceived(state, 'obj-1', '公示内容与实际不符', ctxAt(11)).state;
    // Upheld: publicizing → remediating and a new deadline after the primary entry.
    step({ type: 'resolveObjection', objectionId: 'obj-1', decision: 'upheld', reason: '情况属实' }, ACTORS.committee, 12);
    step({ type: 'startPublicity' }, ACTORS.committee, 12);
    state = objectionReceived(state, 'obj-2', '再提异议', ctxAt(13)).state;
    step({ type: 'resolveObjection', objectionId: 'obj-2', decision: 'dismissed', reason: '经核实不属实' }, ACTORS.committee, 14);
    state = fireAt(state, findEvent(state, 'publicity_period_ended')).state;
    step({ type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '台账齐全' }, ACTORS.committee, 200);
    step({ type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '验收合格', survey: { respondents: 10, satisfied: 10 } }, ACTORS.county, 210);
    state = fireAt(state, findEvent(state, 'review_due')).state;
    step({ type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] }, ACTORS.committee, 5000);
    expect(state.stage).toBe('archived');
    // Every entry not by the system or the public belongs to exactly one action.
    const covered = new Set<number>();
    const found = actionsInCaseTimeline(state.timeline);
    found.forEach((action, index) => {
      const from = index === 0 ? 1 : found[index - 1].lastSeq + 1;
      for (let seq = from; seq <= action.lastSeq; seq++) covered.add(seq);
    });
    const byPeople = state.timeline.filter((entry) => !['system', 'public'].includes(entry.actor.role) && entry.type !== 'case_opened').map((entry) => entry.seq);
    expect(byPeople.filter((seq) => !covered.has(seq))).toEqual([]);
  });
});
