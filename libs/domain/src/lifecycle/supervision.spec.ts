/** 督导检查: visits by the county or the committee are recorded, attributed, and a finding can add a problem to rectify. */
import { admission, authorize, problemStatus, todosFor, type CaseAction } from '@zhengdun/domain';
import { act, ACTORS, at, expectViolation, walkTo } from '../testing/fixtures';

const visit = (extra: Record<string, unknown> = {}) =>
  ({ type: 'recordSupervision', kind: 'covert', visitedAt: at(25), visitors: '县委组织部 张科长、李干事', findings: '党员活动室被占作仓库', ...extra }) as CaseAction;

describe('督导检查', () => {
  it('records a covert visit by the county, tells the committee and the branch, and keeps it in the timeline', () => {
    const { state } = walkTo('remediating');
    const outcome = act(state, visit(), ACTORS.county, 30);
    expect(outcome.state.supervisions).toEqual([
      expect.objectContaining({ kind: 'covert', visitors: '县委组织部 张科长、李干事', findings: '党员活动室被占作仓库', recordedBy: expect.objectContaining({ userId: ACTORS.county.userId }) }),
    ]);
    expect(outcome.state.timeline.at(-1)).toMatchObject({ type: 'supervision_recorded', summary: expect.stringContaining('暗访') });
    expect(outcome.notifications.map((n) => [n.kind, n.recipients.map((r) => (r.kind === 'role' ? r.role : 'person'))])).toEqual([['supervision_recorded', ['township_committee', 'person']]]);
  });

  it('adds the problem a visit finds during remediation, reopened for measures the committee approves', () => {
    const { state } = walkTo('remediating');
    const after = act(state, visit({ newProblem: { category: 'irregular_organizational_life', description: '组织生活记录造假' } }), ACTORS.committee, 30).state;
    const added = after.problems.at(-1)!;
    expect(added).toMatchObject({ id: 'p3', round: 1, reopened: { source: 'supervision' } });
    expect(after.supervisions?.[0].addedProblemId).toBe('p3');
    expect(problemStatus(after, added)).toBe('open');
    expect(todosFor(after, ACTORS.secretary, at(31)).map((todo) => todo.kind)).toContain('amendment_owed');
  });

  it('refuses a new problem outside remediation, a category of another domain, a visit to come, and a secretary recording one', () => {
    const { state: publicizing } = walkTo('publicizing');
    expectViolation(() => act(publicizing, visit({ newProblem: { category: 'other', description: '新问题' } }), ACTORS.county, 50), 'wrong_stage');
    expect(act(publicizing, visit(), ACTORS.county, 50).state.supervisions).toHaveLength(1);
    const { state } = walkTo('remediating');
    expect(admission(state, visit({ newProblem: { category: 'two_skins', description: '两张皮' } }), ACTORS.county)?.code).toBe('category_not_for_domain');
    expectViolation(() => act(state, visit({ visitedAt: at(500) }), ACTORS.county, 30), 'invalid_date');
    expect(() => authorize(state, 'recordSupervision', ACTORS.secretary)).toThrow();
  });
});
