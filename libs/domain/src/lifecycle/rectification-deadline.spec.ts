/**
 * 限期整改 with content: a failed 初验 or 验收, or an upheld objection, names the problems that are not
 * resolved; exactly those reopen; the branch adds measures for each, the township committee approves
 * them, and only then can publicity start again (不能把说了当成做了).
 */
import { admission, objectionReceived, problemStatus, todosFor, type CaseAction, type CaseState } from '@zhengdun/domain';
import { act, ACTORS, at, ctxAt, walkTo } from '../testing/fixtures';

const failing: CaseAction = { type: 'recordPreliminaryAcceptance', checks: { ledger: true, plan: true, results: false }, opinion: '群众反映问题仍在' };

function failedOnBoth(): CaseState {
  const { state } = walkTo('preliminary_acceptance');
  return act(
    state,
    { ...failing, unresolvedProblems: [{ problemId: 'p1', reason: '书记仍未调整' }, { problemId: 'p2', reason: '纠纷未化解' }] } as CaseAction,
    ACTORS.committee,
    100,
  ).state;
}

describe('限期整改 with content', () => {
  it('refuses a failed 初验 that names no problem, with the rule', () => {
    const { state } = walkTo('preliminary_acceptance');
    expect(admission(state, failing, ACTORS.committee)?.code).toBe('unresolved_problems_required');
    // A passing one needs none.
    expect(admission(state, { ...failing, checks: { ledger: true, plan: true, results: true } } as CaseAction, ACTORS.committee)).toBeUndefined();
  });

  it('reopens exactly the problems named, back in remediation', () => {
    const state = failedOnBoth();
    expect(state.stage).toBe('remediating');
    expect(state.problems.map((p) => [p.id, p.reopened?.reason, problemStatus(state, p)])).toEqual([
      ['p1', '书记仍未调整', 'open'],
      ['p2', '纠纷未化解', 'open'],
    ]);
    expect(state.timeline.at(-1)).toMatchObject({ type: 'problems_reopened' });
  });

  it('keeps publicity shut until the committee approves new measures for each, and they are done', () => {
    let state = failedOnBoth();
    const publicity: CaseAction = { type: 'startPublicity' };
    expect(admission(state, publicity, ACTORS.committee)?.code).toBe('amendment_required');

    state = act(state, { type: 'addMeasures', measures: [{ problemId: 'p1', description: '按程序调整支部书记', ownerId: 'sec-1', ownerName: '王建国', dueAt: state.campaign.endsAt }] }, ACTORS.secretary, 110).state;
    expect(state.measures.at(-1)?.awaitsApproval).toBe(true);
    expect(admission(state, publicity, ACTORS.committee)?.messageZh).toContain('土地流转纠纷长期信访');

    state = act(state, { type: 'addMeasures', measures: [{ problemId: 'p2', description: '包案化解土地流转纠纷', ownerId: 'sec-1', ownerName: '王建国', dueAt: state.campaign.endsAt }] }, ACTORS.secretary, 111).state;
    expect(admission(state, publicity, ACTORS.committee)?.code).toBe('amendment_required');
    state = act(state, { type: 'approveMeasures', comment: '同意，限期落实' }, ACTORS.committee, 120).state;
    expect(admission(state, publicity, ACTORS.committee)).toBeUndefined();
    expect(state.problems.every((p) => problemStatus(state, p) === 'open')).toBe(true);

    for (const measure of state.measures.filter((m) => m.status !== 'done')) {
      state = act(state, { type: 'completeMeasure', measureId: measure.id, evidence: '已落实' }, ACTORS.secretary, 130).state;
    }
    expect(state.problems.every((p) => problemStatus(state, p) === 'resolved')).toBe(true);
    state = act(state, publicity, ACTORS.committee, 140).state;
    expect(state.stage).toBe('publicizing');
  });

  it('reopens the problem an upheld objection concerns, and refuses one that names none', () => {
    let { state } = walkTo('publicizing');
    state = objectionReceived(state, 'obj-1', '换届没有完成', ctxAt(50)).state;
    const upheld: CaseAction = { type: 'resolveObjection', objectionId: 'obj-1', decision: 'upheld', reason: '经核实属实' };
    expect(admission(state, upheld, ACTORS.committee)?.code).toBe('unresolved_problems_required');
    state = act(state, { ...upheld, problemId: 'p1' } as CaseAction, ACTORS.committee, 60).state;
    expect(state.problems.map((p) => p.reopened?.source)).toEqual(['objection', undefined]);
  });

  it('adds the new problem an upheld objection brings up, reopened in this round; a category of another domain is refused', () => {
    let { state } = walkTo('publicizing');
    state = objectionReceived(state, 'obj-1', '村务公开栏半年没更新', ctxAt(50)).state;
    const upheld = { type: 'resolveObjection', objectionId: 'obj-1', decision: 'upheld', reason: '经核实，村务公开不及时' } as const;
    const outOfDomain = { ...upheld, newProblem: { category: 'two_skins', description: '党建与生产经营“两张皮”' } } as unknown as CaseAction;
    expect(admission(state, outOfDomain, ACTORS.committee)?.code).toBe('category_not_for_domain');
    const added = act(state, { ...upheld, newProblem: { category: 'work_style_unchanged', description: ' 村务公开不及时 ' } } as CaseAction, ACTORS.committee, 60).state;
    expect(added.stage).toBe('remediating');
    expect(added.problems.at(-1)).toMatchObject({ id: 'p3', description: '村务公开不及时', round: 1, reopened: { source: 'objection', reason: '经核实，村务公开不及时' } });
    expect(problemStatus(added, added.problems.at(-1)!)).toBe('open');
    expect(todosFor(added, ACTORS.secretary, at(61)).filter((todo) => todo.kind === 'amendment_owed').map((todo) => todo.subject)).toEqual([expect.stringContaining('村务公开不及时')]);
  });
});

describe('限期整改 in the to-dos', () => {
  it('asks the branch for new measures, then the committee to approve them, and offers publicity only after', () => {
    let state = failedOnBoth();
    const kinds = (actor: typeof ACTORS.committee | typeof ACTORS.secretary) => todosFor(state, actor, at(105)).map((todo) => todo.kind);
    expect(kinds(ACTORS.secretary).filter((k) => k === 'amendment_owed')).toHaveLength(2);
    expect(kinds(ACTORS.committee)).not.toContain('publicity_to_start');
    state = act(state, { type: 'addMeasures', measures: [{ problemId: 'p1', description: '按程序调整支部书记', ownerId: 'sec-1', ownerName: '王建国', dueAt: state.campaign.endsAt }] }, ACTORS.secretary, 110).state;
    expect(kinds(ACTORS.committee)).toContain('measures_to_approve');
    expect(kinds(ACTORS.secretary).filter((k) => k === 'amendment_owed')).toHaveLength(1);
  });
});
