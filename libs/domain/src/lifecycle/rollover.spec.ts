import { caseIdFor, isValidPolicy, openCase, plainDueDates, rolloverInput, rolloverOpened, type CaseAction, type NextCampaign } from '@zhengdun/domain';
import { act, ACTORS, at, COUNTY, ctxAt, expectViolation, REVIEW_ALL_PASS, TEST_POLICY, walkTo } from '../testing/fixtures';

const NEXT: NextCampaign = {
  campaign: { id: 'c2026', name: '2026年软弱涣散基层党组织整顿', county: COUNTY, endsAt: '2026-10-31T16:00:00.000Z' },
  policy: TEST_POLICY,
};

function review(extra: Partial<Extract<CaseAction, { type: 'recordFollowUpReview' }>>) {
  const { state } = walkTo('follow_up_review');
  return act(
    state,
    { type: 'recordFollowUpReview', checks: { ...REVIEW_ALL_PASS, mechanismsWorking: false }, opinion: '旧问题反弹', reboundedProblemIds: ['p2'], newProblems: [], ...extra },
    ACTORS.committee,
    1120,
  );
}

describe('rollover into the next campaign (滚动整顿)', () => {
  it('archives the case, linked to the next campaign’s case, with the open problems pending to carry', () => {
    const { state, notifications } = review({ nextCampaign: NEXT, newProblems: [{ category: 'irregular_dues', description: ' 党费未按月收缴 ' }] });
    const toCaseId = caseIdFor('c2026', state.org.code);
    expect(state.stage).toBe('archived');
    expect(state.round).toBe(1);
    expect(state.rolledOverToCaseId).toBe(toCaseId);
    expect(state.reviews.at(-1)).toMatchObject({ outcome: 'rolled_over', reboundedProblemIds: ['p2'], newProblemIds: [], rolledOverToCaseId: toCaseId });
    expect(state.rollover).toMatchObject({
      status: 'pending',
      toCaseId,
      campaign: NEXT.campaign,
      problems: [
        { category: 'petitions_and_conflicts', description: '土地流转纠纷长期信访' },
        { category: 'irregular_dues', description: '党费未按月收缴' },
      ],
      requestedAt: at(1120),
      requestedBy: { userId: ACTORS.committee.userId },
    });
    expect(state.problems).toHaveLength(2);
    expect(state.history.at(-1)).toMatchObject({ from: 'follow_up_review', to: 'archived' });
    expect(notifications.map((n) => n.kind)).toEqual(['case_rolled_over']);
  });

  it('builds the new case’s input: same organization and team, source rollover, linked back', () => {
    const { state } = review({ nextCampaign: NEXT });
    const next = rolloverInput(state)!;
    expect(next.input).toMatchObject({ campaign: NEXT.campaign, policy: NEXT.policy, org: state.org, source: 'rollover', team: state.team, carriedFromCaseId: state.caseId });
    expect(next.openedBy).toMatchObject({ userId: ACTORS.committee.userId, role: 'township_committee', scope: { level: 'county', county: COUNTY } });
    const opened = openCase(next.input, { userId: next.openedBy.userId, name: next.openedBy.name, role: next.openedBy.role }, at(2000), plainDueDates(at(2000), TEST_POLICY));
    expect(opened.caseId).toBe(state.rolledOverToCaseId);
    expect(opened.stage).toBe('assigned');
    expect(opened.problems).toEqual([expect.objectContaining({ id: 'p1', category: 'petitions_and_conflicts', carriedFrom: state.caseId })]);
    expect(opened.carriedFromCaseId).toBe(state.caseId);
  });

  it('records the opened case once', () => {
    const { state } = review({ nextCampaign: NEXT });
    const toCaseId = state.rolledOverToCaseId!;
    const settled = rolloverOpened(state, { caseId: toCaseId, created: true }, ctxAt(1121));
    expect(settled.changed).toBe(true);
    expect(settled.state.rollover).toMatchObject({ status: 'opened', settledAt: at(1121) });
    expect(settled.state.timeline.at(-1)).toMatchObject({ type: 'rolled_over' });
    expect(rolloverInput(settled.state)).toBeUndefined();
    expect(rolloverOpened(settled.state, { caseId: toCaseId, created: true }, ctxAt(1122)).changed).toBe(false);
    const linked = rolloverOpened(state, { caseId: toCaseId, created: false }, ctxAt(1121)).state;
    expect(linked.rollover?.status).toBe('linked_existing');
  });

  it('without problems found, archives as before and ignores the next campaign', () => {
    const { state } = walkTo('follow_up_review');
    const after = act(
      state,
      { type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '巩固', reboundedProblemIds: [], newProblems: [], nextCampaign: NEXT },
      ACTORS.committee,
      1120,
    ).state;
    expect(after.stage).toBe('archived');
    expect(after.rollover).toBeUndefined();
    expect(after.reviews.at(-1)?.outcome).toBe('archived');
  });

  it('without a next campaign, reopens the same case (the existing behaviour)', () => {
    const { state } = review({});
    expect(state.stage).toBe('assigned');
    expect(state.round).toBe(2);
    expect(state.rollover).toBeUndefined();
  });

  it.each<[string, NextCampaign]>([
    ['the same campaign', { ...NEXT, campaign: { ...NEXT.campaign, id: 'c2025' } }],
    ['another county', { ...NEXT, campaign: { ...NEXT.campaign, county: '洋县' } }],
    ['no name', { ...NEXT, campaign: { ...NEXT.campaign, name: ' ' } }],
    ['a bad end date', { ...NEXT, campaign: { ...NEXT.campaign, endsAt: 'soon' } }],
    ['an invalid policy', { ...NEXT, policy: { ...TEST_POLICY, satisfactionThreshold: 2 } }],
  ])('refuses %s', (_label, nextCampaign) => {
    expect(isValidPolicy(NEXT.policy)).toBe(true);
    expectViolation(() => review({ nextCampaign }), 'invalid_input');
  });
});
