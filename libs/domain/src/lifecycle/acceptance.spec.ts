import { ratingReceived, type AcceptanceChecks, type CaseState, type SatisfactionLevel } from '@zhengdun/domain';
import { act, ACTORS, ALL_CHECKS_PASS, at, ctxAt, expectViolation, findEvent, fireAt, snapshot, walkTo } from '../testing/fixtures';

/** A case in county acceptance whose ratings are exactly `levels` (none from the walk). */
function countyAcceptanceWith(levels: SatisfactionLevel[]): CaseState {
  let { state } = walkTo('county_acceptance');
  state = { ...state, satisfaction: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, ratingIds: [] } };
  levels.forEach((level, index) => {
    state = ratingReceived(state, `r${index}`, level, ctxAt(105)).state;
  });
  return state;
}

function countyAccept(state: CaseState, extra: { checks?: AcceptanceChecks; survey?: { respondents: number; satisfied: number } } = {}) {
  return act(state, { type: 'recordCountyAcceptance', checks: extra.checks ?? ALL_CHECKS_PASS, opinion: '县级验收意见', ...(extra.survey ? { survey: extra.survey } : {}) }, ACTORS.county, 110);
}

describe('preliminary acceptance (党（工）委初验)', () => {
  it('passing all three checks moves the case to county acceptance', () => {
    const { state } = walkTo('preliminary_acceptance');
    const { state: after, notifications } = act(state, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: ' 三看均达标 ' }, ACTORS.committee, 100);
    expect(after.stage).toBe('county_acceptance');
    expect(after.acceptances).toEqual([
      { level: 'preliminary', at: at(100), by: { userId: 'u-committee', name: '博望镇党委', role: 'township_committee' }, checks: ALL_CHECKS_PASS, opinion: '三看均达标', passed: true, failedChecks: [] },
    ]);
    expect(notifications).toEqual([]);
  });

  it.each([
    ['ledger', { ledger: false, plan: true, results: true }, ['台账（措施是否扎实具体）']],
    ['plan', { ledger: true, plan: false, results: true }, ['方案（是否严格落实）']],
    ['results', { ledger: true, plan: true, results: false }, ['成效（群众是否知晓满意）']],
    ['all three', { ledger: false, plan: false, results: false }, ['台账（措施是否扎实具体）', '方案（是否严格落实）', '成效（群众是否知晓满意）']],
  ] as const)('failing the %s check sends the case back to remediation with a deadline', (_label, checks, failed) => {
    const { state } = walkTo('preliminary_acceptance');
    const { state: after, notifications } = act(state, { type: 'recordPreliminaryAcceptance', checks, opinion: '未达标' }, ACTORS.committee, 100);
    expect(after.stage).toBe('remediating');
    expect(after.acceptances[0]).toMatchObject({ level: 'preliminary', passed: false, failedChecks: [...failed] });
    expect(after.deadlines.rectificationDueAt).toBe(at(300));
    expect(after.history.at(-1)).toMatchObject({ from: 'preliminary_acceptance', to: 'remediating', reason: `初验未通过：${failed.join('；')}` });
    expect(notifications.map((n) => [n.kind, n.recipients.map((r) => (r.kind === 'person' ? r.personId : r.role))])).toEqual([
      ['acceptance_failed', ['sec-1', 'township_committee']],
    ]);
  });

  it('needs a written opinion', () => {
    const { state } = walkTo('preliminary_acceptance');
    const before = snapshot(state);
    const error = expectViolation(() => act(state, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '  ' }, ACTORS.committee, 100), 'reason_required');
    expect(error.details).toEqual({ field: 'opinion' });
    expect(state).toEqual(before);
  });
});

describe('county acceptance (县级验收) and delisting (销号)', () => {
  it('passes with all checks and satisfaction at or above the threshold, delists and schedules the review', () => {
    const state = countyAcceptanceWith(['satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'dissatisfied']); // 80 %
    const { state: after, notifications } = countyAccept(state);
    expect(after.stage).toBe('delisted');
    expect(after.acceptances.at(-1)).toMatchObject({ level: 'county', passed: true, failedChecks: [], satisfactionRate: 0.8 });
    // reviewDelay is 1000 s from the acceptance at s=110.
    expect(after.deadlines.reviewDueAt).toBe(at(1110));
    expect(after.history.at(-1)).toMatchObject({ from: 'county_acceptance', to: 'delisted', at: at(110) });
    expect(notifications.map((n) => [n.kind, n.recipients.map((r) => (r.kind === 'person' ? r.personId : r.role))])).toEqual([
      ['delisted', ['sec-1', 'township_committee', 'county_department']],
    ]);
  });

  it('fails below the threshold and says by how much, returning to remediation', () => {
    const state = countyAcceptanceWith(['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'dissatisfied']); // 60 %
    const { state: after } = countyAccept(state);
    expect(after.stage).toBe('remediating');
    expect(after.acceptances.at(-1)).toMatchObject({ level: 'county', passed: false, satisfactionRate: 0.6, failedChecks: ['群众满意度 60.0% 低于 80%'] });
    expect(after.deadlines.rectificationDueAt).toBe(at(310));
    expect(after.deadlines.reviewDueAt).toBeUndefined();
  });

  it('fails when nobody has rated the results, with no rate recorded', () => {
    const state = countyAcceptanceWith([]);
    const { state: after } = countyAccept(state);
    expect(after.stage).toBe('remediating');
    const record = after.acceptances.at(-1)!;
    expect(record).toMatchObject({ passed: false, failedChecks: ['群众满意度：尚无测评数据'] });
    expect(record).not.toHaveProperty('satisfactionRate');
  });

  it('fails on a failed check even when the public is satisfied', () => {
    const state = countyAcceptanceWith(['satisfied']);
    const { state: after } = countyAccept(state, { checks: { ledger: true, plan: false, results: true } });
    expect(after.stage).toBe('remediating');
    expect(after.acceptances.at(-1)?.failedChecks).toEqual(['方案（是否严格落实）']);
  });

  it('a satisfaction survey held for the acceptance counts together with the public ratings', () => {
    expect(countyAccept(countyAcceptanceWith([]), { survey: { respondents: 10, satisfied: 9 } }).state.stage).toBe('delisted');
    // 1 dissatisfied + 10 of which 7 satisfied = 7 / 11 < 80 %.
    const mixed = countyAccept(countyAcceptanceWith(['dissatisfied']), { survey: { respondents: 10, satisfied: 7 } }).state;
    expect(mixed.stage).toBe('remediating');
    expect(mixed.acceptances.at(-1)?.satisfactionRate).toBeCloseTo(7 / 11);
  });

  it.each([
    [{ respondents: 5, satisfied: 6 }],
    [{ respondents: 5, satisfied: -1 }],
    [{ respondents: 2.5, satisfied: 1 }],
  ])('refuses an inconsistent survey %j', (survey) => {
    const state = countyAcceptanceWith(['satisfied']);
    const before = snapshot(state);
    expectViolation(() => countyAccept(state, { survey }), 'invalid_input');
    expect(state).toEqual(before);
  });

  it('uses the campaign threshold from the policy', () => {
    let { state } = walkTo('county_acceptance');
    state = { ...state, policy: { ...state.policy, satisfactionThreshold: 1 } };
    state = ratingReceived(state, 'one-basic', 'basically_satisfied', ctxAt(105)).state; // 5 satisfied + 1 basic: 100 %
    expect(countyAccept(state).state.stage).toBe('delisted');
    state = ratingReceived(state, 'one-no', 'dissatisfied', ctxAt(106)).state;
    expect(countyAccept(state).state.stage).toBe('remediating');
  });
});

describe('a failed acceptance keeps its history', () => {
  it('fail at county, rectify, publicize again, pass: both records and every stage change are kept', () => {
    let state = countyAcceptanceWith(['dissatisfied']);
    state = countyAccept(state).state;
    expect(state.stage).toBe('remediating');
    // The measures are all done already; the committee may publicize the rectified result again.
    state = act(state, { type: 'startPublicity' }, ACTORS.committee, 200).state;
    for (let i = 0; i < 8; i++) state = ratingReceived(state, `again-${i}`, 'satisfied', ctxAt(201)).state;
    state = fireAt(state, findEvent(state, 'publicity_period_ended')).state;
    state = act(state, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '整改到位' }, ACTORS.committee, 260).state;
    state = act(state, { type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '复验合格' }, ACTORS.county, 270).state;

    expect(state.stage).toBe('delisted');
    expect(state.acceptances.map((a) => [a.level, a.passed])).toEqual([
      ['preliminary', true],
      ['county', false],
      ['preliminary', true],
      ['county', true],
    ]);
    expect(state.history.map((h) => h.to)).toEqual([
      'identified',
      'assigned',
      'planning',
      'remediating',
      'publicizing',
      'preliminary_acceptance',
      'county_acceptance',
      'remediating',
      'publicizing',
      'preliminary_acceptance',
      'county_acceptance',
      'delisted',
    ]);
    expect(state.acceptances[3].satisfactionRate).toBeCloseTo(8 / 9);
  });
});
