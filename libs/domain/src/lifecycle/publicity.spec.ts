import { chinaTime, MAX_OBJECTION_LENGTH, objectionReceived, ratingReceived, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, at, ctxAt, expectViolation, findEvent, fireAt, SECRETARY, snapshot, walkTo } from '../testing/fixtures';

function withObjections(ids: string[], s = 50): CaseState {
  let { state } = walkTo('publicizing');
  ids.forEach((id, index) => {
    state = objectionReceived(state, id, `群众反映问题 ${id}`, ctxAt(s + index)).state;
  });
  return state;
}

describe('remediation (整顿实施)', () => {
  it('a measure is closed with evidence by the secretary or a leader on the team', () => {
    const { state } = walkTo('remediating');
    const bySecretary = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: ' 新书记已到任 ' }, ACTORS.secretary, 30).state;
    expect(bySecretary.measures[0]).toMatchObject({ status: 'done', completedAt: at(30), evidence: '新书记已到任', completedBy: { userId: 'sec-1' } });
    const byLeader = act(bySecretary, { type: 'completeMeasure', measureId: 'm2', evidence: '纠纷已调解' }, ACTORS.leader, 31).state;
    expect(byLeader.measures[1]).toMatchObject({ status: 'done', completedBy: { userId: 'lead-first', role: 'assigned_leader' } });
  });

  it('closing needs evidence, an existing measure of this round, and may not be repeated', () => {
    const { state } = walkTo('remediating');
    expectViolation(() => act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '  ' }, ACTORS.secretary, 30), 'invalid_input');
    expectViolation(() => act(state, { type: 'completeMeasure', measureId: 'm9', evidence: '完成' }, ACTORS.secretary, 30), 'unknown_measure');
    const done = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '完成' }, ACTORS.secretary, 30).state;
    expectViolation(() => act(done, { type: 'completeMeasure', measureId: 'm1', evidence: '再次' }, ACTORS.secretary, 31), 'measure_already_done');
  });

  it('publicity of results cannot start while a measure is still open', () => {
    const { state } = walkTo('remediating');
    const oneDone = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '完成' }, ACTORS.secretary, 30).state;
    const error = expectViolation(() => act(oneDone, { type: 'startPublicity' }, ACTORS.committee, 31), 'measures_incomplete');
    expect(error.details).toEqual({ pendingMeasureIds: ['m2'] });
  });

  it('a progress report needs content and moves the next report date', () => {
    const { state } = walkTo('remediating');
    expectViolation(() => act(state, { type: 'reportProgress', summary: ' ' }, ACTORS.secretary, 25), 'invalid_input');
    const reported = act(state, { type: 'reportProgress', summary: '已召开党员大会通报整顿进展' }, ACTORS.secretary, 25).state;
    expect(reported.reports).toEqual([{ at: at(25), by: { userId: 'sec-1', name: SECRETARY.name, role: 'branch_secretary' }, summary: '已召开党员大会通报整顿进展' }]);
    expect(reported.deadlines.nextReportDueAt).toBe(at(325));
  });
});

describe('publicity of results (结果公示)', () => {
  it('starts for the publicity period and notifies the committee', () => {
    const { state, notifications } = walkTo('publicizing');
    expect(state.publicity).toEqual({ round: 1, startedAt: at(40), endsAt: at(90), periodEnded: false });
    expect(state.deadlines.nextReportDueAt).toBeUndefined();
    expect(state.deadlines.rectificationDueAt).toBeUndefined();
    expect(notifications.at(-1)).toMatchObject({
      kind: 'publicity_started',
      at: at(40),
      recipients: [{ kind: 'role', role: 'township_committee', scope: '城固县博望镇' }],
    });
    // In Beijing time, as the committee reads it.
    expect(notifications.at(-1)?.body).toContain(`公示期至 ${chinaTime(at(90))}`);
  });

  it('accepts objections only while publicizing, once per id, trimmed and capped in length', () => {
    const { state } = walkTo('publicizing');
    const first = objectionReceived(state, 'o1', '  书记调整走过场  ', ctxAt(50));
    expect(first.changed).toBe(true);
    expect(first.state.objections).toEqual([{ id: 'o1', content: '书记调整走过场', receivedAt: at(50), status: 'open' }]);
    expect(first.notifications.map((n) => [n.kind, n.recipients[0]])).toEqual([
      ['objection_received', { kind: 'role', role: 'township_committee', scope: '城固县博望镇' }],
    ]);
    const repeat = objectionReceived(first.state, 'o1', '另一条', ctxAt(51));
    expect(repeat.changed).toBe(false);
    expect(repeat.state.objections).toHaveLength(1);
    expect(objectionReceived(first.state, 'o2', '   ', ctxAt(51)).changed).toBe(false);
    const long = objectionReceived(state, 'o3', '长'.repeat(MAX_OBJECTION_LENGTH + 50), ctxAt(52)).state;
    expect(long.objections[0].content).toHaveLength(MAX_OBJECTION_LENGTH);
  });

  it('an upheld objection returns the case to remediation with a rectification deadline (限期整改)', () => {
    const state = withObjections(['o1']);
    const { state: after } = act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'upheld', reason: '经核实，纠纷未化解' }, ACTORS.committee, 60);
    expect(after.stage).toBe('remediating');
    expect(after.deadlines.rectificationDueAt).toBe(at(260));
    expect(after.deadlines.nextReportDueAt).toBe(at(360));
    expect(after.publicity).toBeUndefined();
    expect(after.objections[0]).toMatchObject({ status: 'upheld', reason: '经核实，纠纷未化解', resolvedAt: at(60), resolvedBy: { userId: 'u-committee' } });
    expect(after.history.at(-1)).toMatchObject({ from: 'publicizing', to: 'remediating', reason: '公示异议属实：经核实，纠纷未化解' });
    expect(after.timeline.map((t) => t.type).slice(-3)).toEqual(['objection_upheld', 'stage_changed', 'rectification_deadline_set']);
  });

  it('the rectification deadline is then a due item with its own escalation ladder', () => {
    const state = withObjections(['o1']);
    const { state: after } = act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'upheld', reason: '属实' }, ACTORS.committee, 60);
    const event = findEvent(after, 'escalation', 'rectification');
    expect(event).toMatchObject({ key: `rectification:${at(260)}:reminder`, at: at(250) });
  });

  it('dismissing an objection needs a reason, and a refusal changes nothing', () => {
    const state = withObjections(['o1']);
    const before = snapshot(state);
    expectViolation(() => act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '' }, ACTORS.committee, 60), 'reason_required');
    expectViolation(() => act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '   ' }, ACTORS.committee, 60), 'reason_required');
    expectViolation(() => act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'upheld', reason: '' }, ACTORS.committee, 60), 'reason_required');
    expect(state).toEqual(before);
  });

  it('an objection is resolved once; an unknown one cannot be resolved', () => {
    const state = withObjections(['o1', 'o2']);
    const dismissed = act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '反映不实' }, ACTORS.committee, 60).state;
    expect(dismissed.objections[0]).toMatchObject({ status: 'dismissed', reason: '反映不实' });
    expectViolation(() => act(dismissed, { type: 'resolveObjection', objectionId: 'o1', decision: 'upheld', reason: '改判' }, ACTORS.committee, 61), 'objection_already_resolved');
    expectViolation(() => act(dismissed, { type: 'resolveObjection', objectionId: 'o9', decision: 'dismissed', reason: '无' }, ACTORS.committee, 61), 'unknown_objection');
  });

  it('ends when the period has ended and there are no objections', () => {
    const { state } = walkTo('publicizing');
    const { state: after } = fireAt(state, findEvent(state, 'publicity_period_ended'));
    expect(after.stage).toBe('preliminary_acceptance');
    expect(after.publicity?.periodEnded).toBe(true);
    expect(after.history.at(-1)).toMatchObject({ from: 'publicizing', to: 'preliminary_acceptance', at: at(90) });
  });

  it('does not end with the period while an objection is open; dismissing the last one ends it', () => {
    const state = withObjections(['o1', 'o2']);
    const periodOver = fireAt(state, findEvent(state, 'publicity_period_ended')).state;
    expect(periodOver.stage).toBe('publicizing');
    expect(periodOver.publicity?.periodEnded).toBe(true);
    const one = act(periodOver, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '不属实' }, ACTORS.committee, 95).state;
    expect(one.stage).toBe('publicizing');
    const both = act(one, { type: 'resolveObjection', objectionId: 'o2', decision: 'dismissed', reason: '已解释' }, ACTORS.committee, 96).state;
    expect(both.stage).toBe('preliminary_acceptance');
  });

  it('does not end when every objection is resolved before the period is over', () => {
    const state = withObjections(['o1']);
    const dismissed = act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '不属实' }, ACTORS.committee, 60).state;
    expect(dismissed.stage).toBe('publicizing');
    expect(fireAt(dismissed, findEvent(dismissed, 'publicity_period_ended')).state.stage).toBe('preliminary_acceptance');
  });

  it('the period ending a second time changes nothing', () => {
    const state = withObjections(['o1']);
    const event = findEvent(state, 'publicity_period_ended');
    const once = fireAt(state, event).state;
    const twice = fireAt(once, event, 95).state;
    expect(twice).toEqual(once);
  });
});

describe('satisfaction ratings (群众满意度)', () => {
  it('count each rating id once, while publicizing and until county acceptance', () => {
    let { state } = walkTo('publicizing');
    expect(state.satisfaction).toMatchObject({ satisfied: 5, basicallySatisfied: 0, dissatisfied: 0 });
    state = ratingReceived(state, 'r-b', 'basically_satisfied', ctxAt(60)).state;
    state = ratingReceived(state, 'r-d', 'dissatisfied', ctxAt(61)).state;
    const retry = ratingReceived(state, 'r-d', 'dissatisfied', ctxAt(62));
    expect(retry.changed).toBe(false);
    expect(retry.state.satisfaction).toMatchObject({ satisfied: 5, basicallySatisfied: 1, dissatisfied: 1 });
    const bogus = ratingReceived(state, 'r-x', 'very_happy' as never, ctxAt(63));
    expect(bogus.changed).toBe(false);

    for (const stage of ['preliminary_acceptance', 'county_acceptance'] as const) {
      expect(ratingReceived(walkTo(stage).state, 'late', 'satisfied', ctxAt(105)).changed).toBe(true);
    }
    for (const stage of ['remediating', 'delisted'] as const) {
      expect(ratingReceived(walkTo(stage).state, 'late', 'satisfied', ctxAt(105)).changed).toBe(false);
    }
  });
});
