import { committeeTodos, objectionReceived, STAGES, todosFor, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, at, ctxAt, OUTSIDERS, planFor, runTimersUntil, walkTo } from './testing/fixtures';

const kinds = (state: CaseState, actor: (typeof ACTORS)[keyof typeof ACTORS], now = at(600)) => todosFor(state, actor, now).map((todo) => todo.kind);

describe('待办: what awaits each person', () => {
  it('the branch secretary owes the plan by its deadline; the committee reviews it once submitted', () => {
    const assigned = walkTo('assigned').state;
    expect(todosFor(assigned, ACTORS.secretary, at(600))).toEqual([{ kind: 'plan_owed', action: 'submitPlan', subject: '提交整顿方案', dueAt: assigned.deadlines.planDueAt }]);
    expect(kinds(assigned, ACTORS.committee)).toEqual([]);
    const planning = walkTo('planning').state;
    expect(kinds(planning, ACTORS.committee)).toEqual(['plan_to_review']);
    expect(kinds(planning, ACTORS.secretary)).toEqual([]);
  });

  it('offers nothing to a person the rules would refuse: another secretary, a leader off the team, the auditor', () => {
    for (const stage of ['assigned', 'planning', 'remediating', 'publicizing'] as const) {
      const { state } = walkTo(stage);
      expect(todosFor(state, OUTSIDERS.anotherSecretaryInScope, at(600))).toEqual([]);
      expect(todosFor(state, OUTSIDERS.leaderNotOnTeam, at(600))).toEqual([]);
      expect(todosFor(state, ACTORS.auditor, at(600))).toEqual([]);
    }
  });

  it('in remediation: the measures by due date to the branch, publicity to the committee once all are done', () => {
    const { state } = walkTo('assigned');
    const remediating = act(act(state, { type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 10).state, { type: 'approvePlan' }, ACTORS.committee, 20).state;
    const mine = todosFor(remediating, ACTORS.secretary, at(25)).filter((todo) => todo.kind === 'measure_due');
    // The report (due s=320, reminded 10 s before) is not a to-do a month ahead, only once reminded.
    expect(kinds(remediating, ACTORS.secretary, at(25))).not.toContain('report_due');
    expect(kinds(remediating, ACTORS.secretary, at(311))).toContain('report_due');
    expect(mine.map((todo) => todo.dueAt)).toEqual([at(500), at(501)]);
    expect(kinds(remediating, ACTORS.committee)).toEqual([]);
    let done = remediating;
    for (const measure of done.measures) done = act(done, { type: 'completeMeasure', measureId: measure.id, evidence: '已整改' }, ACTORS.secretary, 30).state;
    expect(kinds(done, ACTORS.committee)).toEqual(['publicity_to_start']);
  });

  it('an objection to the committee, acceptances to whoever holds them', () => {
    const publicizing = walkTo('publicizing').state;
    const objected = objectionReceived(publicizing, 'obj-1', '村务公开栏三个月未更新', ctxAt(50)).state;
    expect(kinds(objected, ACTORS.committee)).toEqual(['objection_to_resolve']);
    expect(kinds(walkTo('preliminary_acceptance').state, ACTORS.committee)).toEqual(['preliminary_acceptance_due']);
    expect(kinds(walkTo('county_acceptance').state, ACTORS.county)).toEqual(['county_acceptance_due']);
    expect(kinds(walkTo('county_acceptance').state, ACTORS.committee)).toEqual([]);
  });

  it('a lapse owes one explanation; a proposed talk awaits the committee and the county', () => {
    const { state } = walkTo('assigned');
    state.escalation.model = 'proposals';
    const plan = planFor(state).map((measure) => ({ ...measure, dueAt: at(500) }));
    let remediating = act(act(state, { type: 'submitPlan', measures: plan }, ACTORS.secretary, 10).state, { type: 'approvePlan' }, ACTORS.committee, 20).state;
    remediating = runTimersUntil(remediating, 520).state;
    const explanations = todosFor(remediating, ACTORS.secretary, at(600)).filter((todo) => todo.kind === 'explanation_owed');
    // The missed report (s=320) and the lapse (both measures, s=500): two requests, two answers owed.
    expect(explanations).toHaveLength(2);
    expect(kinds(remediating, ACTORS.committee)).toEqual(['talk_to_hold']);
    expect(kinds(remediating, ACTORS.county)).toEqual(['talk_to_hold']);
    const explained = act(remediating, { type: 'submitExplanation', dueItemKey: 'measure:m2', explanation: '书记住院两周' }, ACTORS.secretary, 530).state;
    expect(todosFor(explained, ACTORS.secretary, at(600)).filter((todo) => todo.kind === 'explanation_owed')).toHaveLength(1);
  });

  it('the committee’s to-dos are the same at any hour and for any member, so the read model can keep them', () => {
    const { state: assigned } = walkTo('assigned');
    assigned.escalation.model = 'proposals';
    const lapsed = runTimersUntil(
      act(act(assigned, { type: 'submitPlan', measures: planFor(assigned) }, ACTORS.secretary, 10).state, { type: 'approvePlan' }, ACTORS.committee, 20).state,
      520,
    ).state;
    const states = [
      ...STAGES.filter((stage) => stage !== 'identified').map((stage) => walkTo(stage).state),
      objectionReceived(walkTo('publicizing').state, 'obj-1', '村务公开栏三个月未更新', ctxAt(50)).state,
      lapsed,
    ];
    const kept = states.map((state) => {
      const atEveryHour = [at(0), at(600), at(10_000_000)].map((now) => committeeTodos(state, now));
      expect(atEveryHour[1]).toEqual(atEveryHour[0]);
      expect(atEveryHour[2]).toEqual(atEveryHour[0]);
      expect(atEveryHour[0]).toEqual(todosFor(state, ACTORS.committee, at(600)));
      return atEveryHour[0];
    });
    // Cases with something for the committee, and cases with nothing.
    expect(kept.some((todos) => todos.length > 0)).toBe(true);
    expect(kept.some((todos) => todos.length === 0)).toBe(true);
  });
});
