import { actionsFor, scheduledEvents, type CaseState, type Proposal } from '@zhengdun/domain';
import { act, ACTORS, at, expectViolation, planFor, runTimersUntil, SECRETARY, walkTo } from '../testing/fixtures';

/** A case in remediation on the proposals model, its two measures due at the same instant (s=500). */
function remediating(): CaseState {
  const { state } = walkTo('assigned');
  state.escalation.model = 'proposals';
  const plan = planFor(state).map((measure) => ({ ...measure, dueAt: at(500) }));
  const submitted = act(state, { type: 'submitPlan', measures: plan }, ACTORS.secretary, 10).state;
  return act(submitted, { type: 'approvePlan' }, ACTORS.committee, 20).state;
}

const timeline = (state: CaseState, type: string) => state.timeline.filter((entry) => entry.type === type);
/** Requests about the measures (the missed progress report at s=320 is asked about on its own). */
const measureRequests = (state: CaseState) => timeline(state, 'explanation_requested').filter((entry) => entry.summary.includes('整改措施'));
const talkProposal = (state: CaseState): Proposal => state.escalation.proposals!.find((p) => p.kind === 'talk' && p.status === 'proposed')!;

describe('lapses: one overdue episode, one request for explanation', () => {
  it('two measures due at the same instant open one lapse with one request listing both', () => {
    const { state, notifications } = runTimersUntil(remediating(), 500);
    expect(state.escalation.lapses).toEqual([
      { id: 'lapse-1', openedAt: at(500), items: [expect.objectContaining({ key: 'measure:m1' }), expect.objectContaining({ key: 'measure:m2' })] },
    ]);
    expect(measureRequests(state)).toHaveLength(1);
    expect(measureRequests(state)[0].summary).toMatch(/^逾期：整改措施：.+；整改措施：.+，要求逐支部说明原因$/);
    expect(notifications.filter((n) => n.kind === 'explanation_requested' && n.body.includes('整改措施'))).toHaveLength(1);
    expect(state.escalation.level).toBe(1);
  });

  it('an item falling overdue while the lapse is open joins it without a second request', () => {
    let state = remediating();
    state = act(state, { type: 'addMeasures', measures: [{ ...planFor(state)[0], description: '补充建立党员联系户制度并公示', dueAt: at(505) }] }, ACTORS.committee, 30).state;
    state = runTimersUntil(state, 506).state;
    expect(state.escalation.lapses).toHaveLength(1);
    expect(state.escalation.lapses![0].items.map((item) => item.key)).toEqual(['measure:m1', 'measure:m2', 'measure:m3']);
    expect(measureRequests(state)).toHaveLength(1);
    expect(timeline(state, 'lapse_extended')).toHaveLength(1);
  });
});

describe('talks: proposed by the system, held and recorded by people', () => {
  it('no timer records a talk: an open lapse gets one proposal, and only a recorded talk counts', () => {
    const { state, notifications } = runTimersUntil(remediating(), 2000);
    expect(timeline(state, 'talk_recorded')).toEqual([]);
    expect(state.escalation.talks).toBe(0);
    expect(state.escalation.organizationalHandling).toBe(false);
    expect(state.escalation.proposals).toEqual([
      expect.objectContaining({ id: 'proposal-1', kind: 'talk', status: 'proposed', at: at(520), lapseId: 'lapse-1' }),
    ]);
    expect(talkProposal(state).subjects.map((s) => s.standing)).toEqual(['branch_secretary', 'secretary_above']);
    expect(notifications.filter((n) => n.kind === 'talk_proposed')).toHaveLength(1);
    expect(scheduledEvents(state).filter((e) => e.kind === 'talk_proposal')).toEqual([]);
    // Offered to the committee and the county only while a proposal waits; never to the branch.
    expect(actionsFor(remediating(), ACTORS.committee)).not.toContain('recordTalk');
    expect(actionsFor(state, ACTORS.committee)).toEqual(expect.arrayContaining(['recordTalk', 'declineTalk']));
    expect(actionsFor(state, ACTORS.county)).toEqual(expect.arrayContaining(['recordTalk', 'declineTalk']));
    expect(actionsFor(state, ACTORS.county)).not.toContain('decideHandling');
    expect(actionsFor(state, ACTORS.secretary)).not.toContain('recordTalk');

    const held = act(state, { type: 'recordTalk', proposalId: 'proposal-1', heldAt: at(600), talkedTo: ['branch_secretary'], record: '指出逾期问题，限一周内整改' }, ACTORS.committee, 610).state;
    expect(held.escalation.talks).toBe(1);
    expect(held.escalation.talkCounts).toEqual({ [SECRETARY.personId]: 1 });
    expect(held.escalation.level).toBe(2);
    expect(timeline(held, 'talk_recorded')).toHaveLength(1);
    expect(held.escalation.proposals![0]).toMatchObject({ status: 'held', talk: { heldAt: at(600), record: '指出逾期问题，限一周内整改', recordedBy: { userId: ACTORS.committee.userId } } });
  });

  it('a missed progress report is asked about, never proposed for a talk', () => {
    let state = remediating();
    for (const id of ['m1', 'm2']) state = act(state, { type: 'completeMeasure', measureId: id, evidence: '已完成并建立台账' }, ACTORS.secretary, 30).state;
    // Publicity not started: the report falls due at s=320 and stays missed.
    state = runTimersUntil(state, 5000).state;
    expect(timeline(state, 'explanation_requested').length).toBeGreaterThan(0);
    expect(state.escalation.lapses ?? []).toEqual([]);
    expect(state.escalation.proposals ?? []).toEqual([]);
  });

  it('the second recorded talk with the same person proposes organizational handling; the county decides it', () => {
    let state = runTimersUntil(remediating(), 520).state;
    state = act(state, { type: 'recordTalk', proposalId: 'proposal-1', heldAt: at(530), talkedTo: ['branch_secretary'], record: '第一次约谈' }, ACTORS.committee, 531).state;
    // The lapse closes (measures done); a later measure falls overdue: a second lapse, a second proposal.
    for (const id of ['m1', 'm2']) state = act(state, { type: 'completeMeasure', measureId: id, evidence: '已完成并建立台账' }, ACTORS.secretary, 540).state;
    state = act(state, { type: 'addMeasures', measures: [{ ...planFor(state)[0], description: '建立村务监督委员会例会制度', dueAt: at(700) }] }, ACTORS.committee, 550).state;
    state = runTimersUntil(state, 720).state;
    expect(state.escalation.lapses!.map((lapse) => lapse.id)).toEqual(['lapse-1', 'lapse-2']);
    const second = talkProposal(state);
    expect(second.lapseId).toBe('lapse-2');
    state = act(state, { type: 'recordTalk', proposalId: second.id, heldAt: at(725), talkedTo: ['branch_secretary'], record: '第二次约谈' }, ACTORS.county, 726).state;
    expect(state.escalation.talkCounts![SECRETARY.personId]).toBe(2);
    const handling = state.escalation.proposals!.find((p) => p.kind === 'organizational_handling')!;
    expect(handling).toMatchObject({ status: 'proposed', subjects: [{ personId: SECRETARY.personId }] });
    expect(state.escalation.organizationalHandling).toBe(false);
    expect(state.escalation.level).toBe(3);

    expectViolation(() => act(state, { type: 'decideHandling', proposalId: handling.id, decision: 'adjust_secretary', reason: '研究决定' }, ACTORS.committee, 730), 'role_not_permitted');
    const decided = act(state, { type: 'decideHandling', proposalId: handling.id, decision: 'adjust_secretary', reason: '累计约谈两次仍未整改到位，经部务会研究决定' }, ACTORS.county, 730).state;
    expect(decided.escalation.organizationalHandling).toBe(true);
    expect(timeline(decided, 'organizational_handling_decided')[0].summary).toContain('调整支部书记');
  });

  it('counts the talks the secretary above had about other branches: the second one proposes handling for him', () => {
    const state = runTimersUntil(remediating(), 520);
    const above = talkProposal(state.state).subjects.find((subject) => subject.standing === 'secretary_above')!;
    const talk = { type: 'recordTalk' as const, proposalId: 'proposal-1', heldAt: at(530), talkedTo: ['branch_secretary' as const, 'secretary_above' as const], record: '约谈' };
    const alone = act(state.state, talk, ACTORS.committee, 531).state;
    expect(alone.escalation.proposals!.filter((p) => p.kind === 'organizational_handling')).toEqual([]);
    const second = act(state.state, { ...talk, talksElsewhere: { [above.personId]: 1 } }, ACTORS.committee, 531).state;
    const handling = second.escalation.proposals!.filter((p) => p.kind === 'organizational_handling');
    expect(handling).toEqual([expect.objectContaining({ subjects: [above], reason: '累计已约谈2次（其中关于本组织1次）' })]);
  });

  it('refuses a talk on no proposal, twice on one, or without a record; a declined proposal counts nothing', () => {
    const state = runTimersUntil(remediating(), 520).state;
    const talk = (proposalId: string, talkedTo: ('branch_secretary' | 'secretary_above')[] = ['branch_secretary'], record = '约谈') => ({ type: 'recordTalk' as const, proposalId, heldAt: at(530), talkedTo, record });
    expectViolation(() => act(state, talk('proposal-9'), ACTORS.committee, 531), 'unknown_proposal');
        expectViolation(() => act(state, talk('proposal-1', ['branch_secretary'], '  '), ACTORS.committee, 531), 'reason_required');
    expectViolation(() => act(state, { ...talk('proposal-1'), heldAt: at(9999) }, ACTORS.committee, 531), 'invalid_input');
    const held = act(state, talk('proposal-1'), ACTORS.committee, 531).state;
    expectViolation(() => act(held, talk('proposal-1'), ACTORS.committee, 532), 'proposal_closed');

    const declined = act(state, { type: 'declineTalk', proposalId: 'proposal-1', reason: '逾期系汛期抢险，已书面说明' }, ACTORS.committee, 531).state;
    expect(declined.escalation.talks).toBe(0);
    expect(declined.escalation.proposals![0].status).toBe('declined');
  });
});

describe('the committee reviews the branch’s explanation of a lapse', () => {
  function explained(): CaseState {
    const overdue = runTimersUntil(remediating(), 510).state;
    return act(overdue, { type: 'submitExplanation', dueItemKey: 'measure:m1', explanation: '汛期抢险，工作推迟两周' }, ACTORS.secretary, 512).state;
  }

  it('accepted with a new date: no talk is proposed before it, and none if the items are done by then', () => {
    const state = explained();
    expect(actionsFor(state, ACTORS.committee)).toContain('reviewExplanation');
    const accepted = act(state, { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: true, newDueAt: at(900), comment: '情况属实，同意延期' }, ACTORS.committee, 515).state;
    expect(scheduledEvents(accepted).find((event) => event.kind === 'talk_proposal')).toMatchObject({ at: at(900) });
    expect(runTimersUntil(accepted, 899).state.escalation.proposals ?? []).toEqual([]);
    expect(runTimersUntil(accepted, 900).state.escalation.proposals).toHaveLength(1);
    let done = accepted;
    for (const id of ['m1', 'm2']) done = act(done, { type: 'completeMeasure', measureId: id, evidence: '已完成并建立台账' }, ACTORS.secretary, 800).state;
    expect(runTimersUntil(done, 2000).state.escalation.proposals ?? []).toEqual([]);
  });

  it('not accepted: the talk is proposed at once; a second review is refused', () => {
    const refused = act(explained(), { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: false, comment: '理由不成立' }, ACTORS.committee, 513).state;
    expect(scheduledEvents(refused).find((event) => event.kind === 'talk_proposal')).toMatchObject({ at: at(513) });
    expect(runTimersUntil(refused, 513).state.escalation.proposals).toEqual([expect.objectContaining({ kind: 'talk', at: at(513) })]);
    expectViolation(() => act(refused, { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: true, newDueAt: at(900), comment: '改为认可' }, ACTORS.committee, 514), 'proposal_closed');
  });

  it('refuses a review before the branch explained, an acceptance without a new date, and a branch reviewing itself', () => {
    const overdue = runTimersUntil(remediating(), 510).state;
    expectViolation(() => act(overdue, { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: false, comment: '不认可' }, ACTORS.committee, 511), 'invalid_input');
    const state = explained();
    expectViolation(() => act(state, { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: true, comment: '认可' }, ACTORS.committee, 515), 'invalid_input');
    expectViolation(() => act(state, { type: 'reviewExplanation', lapseId: 'lapse-1', accepted: true, newDueAt: at(900), comment: '认可' }, ACTORS.secretary, 515), 'role_not_permitted');
  });
});

describe('progress reports', () => {
  it('reach the county leader they are addressed to, whoever of the branch, the team or the committee reports', () => {
    const state = remediating();
    const countyLeader = state.team.find((member) => member.teamRole === 'county_leader')!;
    for (const actor of [ACTORS.secretary, ACTORS.leader, ACTORS.committee]) {
      const { notifications } = act(state, { type: 'reportProgress', summary: '本月召开党员大会1次' }, actor, 40);
      expect(notifications).toEqual([expect.objectContaining({ kind: 'progress_reported', recipients: [{ kind: 'person', personId: countyLeader.personId, name: countyLeader.name }] })]);
    }
  });
});

describe('cases opened before the proposals model', () => {
  it('keep the timer ladder their histories replay', () => {
    const { state } = walkTo('remediating');
    expect(state.escalation.model).toBeUndefined();
    expect(scheduledEvents(state).some((event) => event.key.endsWith(':talk1'))).toBe(true);
  });
});
