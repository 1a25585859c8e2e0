import { actionsFor, campaignEnded, decide, publicNotice, summarize, todosFor, verificationPeriodOf, type CaseState } from '@zhengdun/domain';
import { ACTORS, act, at, CAMPAIGN, ctxAt, expectViolation, OUTSIDERS, runTimersUntil, snapshot, walkTo } from '../testing/fixtures';

/** A case opened under the verified-measures model (the workflow sets the flag on new cases), in remediation. */
function remediating(): CaseState {
  const { state } = walkTo('remediating');
  return { ...state, measureVerification: 'committee', policy: { ...state.policy, verificationPeriod: { amount: 30, unit: 'seconds' } } };
}

const EVIDENCE = '已召开党员大会通报整改情况，台账附后';

describe('measures verified, not self-certified (不能把说了当成做了)', () => {
  it('a measure the branch reports is reported, not done, until the committee verifies it', () => {
    let state = remediating();
    const reported = act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30);
    state = reported.state;
    expect(state.measures[0]).toMatchObject({ status: 'reported', report: { at: at(30), evidence: EVIDENCE, verifyDueAt: at(60) } });
    expect(reported.notifications).toEqual([expect.objectContaining({ kind: 'measure_reported', recipients: [expect.objectContaining({ kind: 'role', role: 'township_committee' })] })]);
    expect(summarize(state, at(31))).toMatchObject({ measuresDone: 0, measuresReported: 1 });
    expect(publicNotice(state)!.measures[0]).toMatchObject({ status: 'reported', reportedAt: at(30) });
    expect(todosFor(state, ACTORS.committee, at(31))).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'measure_to_verify', action: 'verifyMeasure', dueAt: at(60) })]));
    expect(actionsFor(state, ACTORS.committee)).toContain('verifyMeasure');

    const verified = act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: true, comment: '实地查看，记录齐全' }, ACTORS.committee, 40).state;
    expect(verified.measures[0]).toMatchObject({ status: 'done', completedAt: at(40), evidence: EVIDENCE, verified: { at: at(40), comment: '实地查看，记录齐全' } });
    expect(verified.timeline.at(-1)).toMatchObject({ type: 'measure_verified', actor: { userId: ACTORS.committee.userId } });
    expect(summarize(verified, at(41))).toMatchObject({ measuresDone: 1, measuresReported: 0 });
  });

  it('publicity starts only when every measure is verified', () => {
    let state = remediating();
    for (const id of ['m1', 'm2']) state = act(state, { type: 'reportMeasureDone', measureId: id, evidence: EVIDENCE }, ACTORS.secretary, 30).state;
    const refused = expectViolation(() => act(state, { type: 'startPublicity' }, ACTORS.committee, 31), 'measures_incomplete');
    expect(refused.messageZh).toContain('未经核验销项');
    for (const id of ['m1', 'm2']) state = act(state, { type: 'verifyMeasure', measureId: id, accepted: true, comment: '属实' }, ACTORS.committee, 32).state;
    expect(act(state, { type: 'startPublicity' }, ACTORS.committee, 33).state.stage).toBe('publicizing');
  });

  it('a returned report needs a reason and a new date within the campaign, and brings the measure back with that date', () => {
    let state = remediating();
    state = act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30).state;
    const before = snapshot(state);
    expectViolation(() => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: false, comment: '台账不全' }, ACTORS.committee, 40), 'invalid_input');
    expectViolation(() => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: false, comment: '  ', newDueAt: at(400) }, ACTORS.committee, 40), 'reason_required');
    const late = expectViolation(
      () => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: false, comment: '台账不全', newDueAt: '2026-01-01T00:00:00.000Z' }, ACTORS.committee, 40),
      'invalid_date',
    );
    expect(late.details).toMatchObject({ field: 'newDueAt', latest: CAMPAIGN.endsAt });
    expectViolation(() => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: false, comment: '台账不全', newDueAt: at(39) }, ACTORS.committee, 40), 'invalid_date');
    expect(state).toEqual(before);

    const returned = act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: false, comment: '台账不全，补充会议记录', newDueAt: at(400) }, ACTORS.committee, 40);
    expect(returned.state.measures[0]).toMatchObject({ status: 'pending', dueAt: at(400), returns: [expect.objectContaining({ reason: '台账不全，补充会议记录', newDueAt: at(400), evidence: EVIDENCE })] });
    expect(returned.state.measures[0].report).toBeUndefined();
    expect(returned.notifications).toEqual([expect.objectContaining({ kind: 'measure_returned', recipients: [expect.objectContaining({ personId: 'sec-1' })] })]);
    // The new date is a new due item: its reminder and request come again.
    const timers = runTimersUntil(returned.state, 400);
    expect(timers.fired.map((event) => event.key)).toEqual(expect.arrayContaining(['measure:m1:r1:reminder', 'measure:m1:r1:explanation']));
  });

  it('refuses verifying a measure not reported, reporting twice, and completing directly; nothing changes', () => {
    const state = remediating();
    expectViolation(() => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: true, comment: '属实' }, ACTORS.committee, 30), 'measure_not_reported');
    expectViolation(() => act(state, { type: 'completeMeasure', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30), 'measure_needs_verification');
    expect(actionsFor(state, ACTORS.secretary)).not.toContain('completeMeasure');
    const reported = act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30).state;
    expectViolation(() => act(reported, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 31), 'measure_already_reported');
    expectViolation(() => act(reported, { type: 'reportMeasureDone', measureId: 'm2', evidence: ' ' }, ACTORS.secretary, 31), 'invalid_input');
  });

  it('an assigned leader supervises and reports progress, but never marks the branch’s measures done', () => {
    const state = remediating();
    expect(actionsFor(state, ACTORS.leader).sort()).toEqual(['reportProgress']);
    expectViolation(() => act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.leader, 30), 'wrong_person');
    expectViolation(() => act(state, { type: 'verifyMeasure', measureId: 'm1', accepted: true, comment: '属实' }, ACTORS.leader, 30), 'role_not_permitted');
    expectViolation(() => act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, OUTSIDERS.otherVillageSecretary, 30), 'out_of_scope');
  });

  it('a leader who owns a measure may report that one', () => {
    const base = remediating();
    const state = { ...base, measures: base.measures.map((m) => (m.id === 'm2' ? { ...m, ownerId: ACTORS.leader.userId, ownerName: ACTORS.leader.name } : m)) };
    expect(actionsFor(state, ACTORS.leader)).toContain('reportMeasureDone');
    expectViolation(() => act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.leader, 30), 'wrong_person');
    expect(act(state, { type: 'reportMeasureDone', measureId: 'm2', evidence: EVIDENCE }, ACTORS.leader, 30).state.measures[1].status).toBe('reported');
  });

  it('verification is due within the policy’s period: the committee is reminded before and when it passes; nobody is asked to explain', () => {
    let state = remediating();
    state = act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30).state;
    const { fired, notifications, state: after } = runTimersUntil(state, 61);
    const verification = fired.filter((event) => event.key.startsWith('verify:m1'));
    expect(verification.map((event) => [event.key.split(':').at(-1), event.at])).toEqual([
      ['reminder', at(50)],
      ['overdue', at(60)],
    ]);
    const toCommittee = notifications.filter((n) => n.body.includes('核验整改措施'));
    expect(toCommittee.map((n) => n.recipients)).toEqual([[expect.objectContaining({ role: 'township_committee' })], [expect.objectContaining({ role: 'township_committee' })]]);
    expect(after.escalation.records.filter((r) => r.dueItemKey.startsWith('verify:')).every((r) => r.step === 'reminder')).toBe(true);
    expect(after.escalation.lapses ?? []).toEqual([]);
  });

  it('the verification period defaults to seven days', () => {
    expect(verificationPeriodOf({})).toEqual({ amount: 7, unit: 'days' });
  });

  it('older cases keep completing measures directly', () => {
    const { state } = walkTo('remediating');
    expect(actionsFor(state, ACTORS.secretary)).toContain('completeMeasure');
    expect(actionsFor(state, ACTORS.secretary)).not.toContain('reportMeasureDone');
    expectViolation(() => act(state, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 30), 'measure_verification_not_used');
  });
});

describe('replacing the branch secretary (调整书记)', () => {
  const NEW = { personId: 'sec-new', name: '李选派', sentFrom: '县农业农村局', reason: '原书记不胜任，经组织处理决定调整' };
  const newSecretary = { ...ACTORS.secretary, userId: 'sec-new', name: '李选派' };

  it('the new secretary holds the rights and the notifications; the old one is refused; the holders are kept', () => {
    const state = remediating();
    const outcome = act(state, { type: 'replaceSecretary', ...NEW, effectiveAt: at(25) }, ACTORS.committee, 30);
    const after = outcome.state;
    expect(after.org.secretary).toEqual({ personId: 'sec-new', name: '李选派' });
    expect(after.secretaries).toEqual([
      { personId: 'sec-1', name: '王建国', from: at(0), until: at(25) },
      expect.objectContaining({ personId: 'sec-new', name: '李选派', from: at(25), sentFrom: '县农业农村局', reason: NEW.reason }),
    ]);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'secretary_replaced' });
    expect(after.timeline.at(-1)!.summary).toContain('王建国 → 李选派（选派自县农业农村局）');
    expect(outcome.notifications[0].recipients).toEqual(expect.arrayContaining([{ kind: 'person', personId: 'sec-new', name: '李选派' }]));
    // The measures the old secretary answered for are the new one's.
    expect(after.measures.map((m) => m.ownerId)).toEqual(['sec-new', 'sec-new']);

    const refused = expectViolation(() => act(after, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, ACTORS.secretary, 31), 'wrong_person');
    expect(refused.messageZh).toContain('李选派');
    expect(act(after, { type: 'reportMeasureDone', measureId: 'm1', evidence: EVIDENCE }, newSecretary, 31).state.measures[0].status).toBe('reported');
    // Reminders and requests go to the new secretary.
    const { notifications } = runTimersUntil(after, 500);
    const people = notifications.flatMap((n) => n.recipients).filter((r) => r.kind === 'person').map((r) => (r.kind === 'person' ? r.personId : ''));
    expect(people).toContain('sec-new');
    expect(people).not.toContain('sec-1');
  });

  it('refuses a role that may not, the same person, a future date or no reason; nothing changes', () => {
    const state = remediating();
    const before = snapshot(state);
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, effectiveAt: at(25) }, ACTORS.secretary, 30), 'role_not_permitted');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, effectiveAt: at(25) }, ACTORS.leader, 30), 'role_not_permitted');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, effectiveAt: at(25) }, OUTSIDERS.otherTownshipCommittee, 30), 'out_of_scope');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, personId: 'sec-1', effectiveAt: at(25) }, ACTORS.committee, 30), 'same_secretary');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, effectiveAt: at(99) }, ACTORS.committee, 30), 'invalid_date');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, reason: ' ', effectiveAt: at(25) }, ACTORS.county, 30), 'reason_required');
    expectViolation(() => act(state, { type: 'replaceSecretary', ...NEW, sentFrom: ' ', effectiveAt: at(25) }, ACTORS.county, 30), 'invalid_input');
    expect(state).toEqual(before);
  });
});

describe('an explanation can be answered in whatever stage it was asked', () => {
  it.each(['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance'] as const)('%s', (stage) => {
    const { state } = walkTo(stage);
    expect(actionsFor(state, ACTORS.secretary)).not.toContain('submitExplanation');
    const asked = campaignEnded(state, { campaignId: CAMPAIGN.id, endsAt: CAMPAIGN.endsAt }, ctxAt(5000)).state;
    expect(actionsFor(asked, ACTORS.secretary)).toContain('submitExplanation');
    const answered = decide(asked, { type: 'submitExplanation', dueItemKey: `campaign_end:${CAMPAIGN.id}`, explanation: '换届调整影响进度，已制定补救计划' }, ACTORS.secretary, ctxAt(5001)).state;
    expect(answered.escalation.explanations).toEqual([expect.objectContaining({ dueItemKey: `campaign_end:${CAMPAIGN.id}` })]);
    expect(actionsFor(answered, ACTORS.secretary)).not.toContain('submitExplanation');
  });
});
