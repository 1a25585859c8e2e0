import {
  dueItems,
  fire,
  isOverdue,
  nextScheduledEvent,
  objectionReceived,
  scheduledEvents,
  type CaseNotification,
  type CaseState,
  type ScheduledEvent,
} from '@zhengdun/domain';
import { act, ACTORS, at, ctxAt, expectViolation, fireAt, planFor, runTimersUntil, SECRETARY, walkTo } from '../testing/fixtures';

function fireAll(state: CaseState, events: ScheduledEvent[]): { state: CaseState; notifications: CaseNotification[] } {
  const notifications: CaseNotification[] = [];
  for (const event of events) {
    const outcome = fireAt(state, event);
    state = outcome.state;
    notifications.push(...outcome.notifications);
  }
  return { state, notifications };
}

describe('due items', () => {
  it('an assigned case owes its plan by the plan deadline', () => {
    const { state } = walkTo('assigned');
    expect(dueItems(state)).toEqual([
      { key: 'plan:r1', kind: 'plan', label: '提交整顿方案', dueAt: at(100), responsible: [{ kind: 'person', ...SECRETARY }] },
    ]);
  });

  it('a submitted plan is no longer owed; a returned plan is owed again', () => {
    const { state } = walkTo('planning');
    expect(dueItems(state)).toEqual([]);
    const returned = act(state, { type: 'returnPlan', reasons: ['不具体'] }, ACTORS.committee, 11).state;
    expect(dueItems(returned).map((i) => i.key)).toEqual(['plan:r1']);
  });

  it('in remediation every open measure, the next report and nothing else is due', () => {
    const { state } = walkTo('remediating');
    expect(dueItems(state).map((i) => [i.key, i.dueAt])).toEqual([
      ['measure:m1', at(500)],
      ['measure:m2', at(501)],
      [`report:${at(320)}`, at(320)],
    ]);
    const report = dueItems(state).find((i) => i.kind === 'report')!;
    expect(report.label).toBe('向李县长汇报整顿进展');
  });

  it('a measure owned by someone other than the secretary reminds the owner and the secretary', () => {
    const { state } = walkTo('remediating');
    const extra = { problemId: 'p1', description: '第一书记牵头建立议事规则', ownerId: 'lead-first', ownerName: '赵书记', dueAt: at(600) };
    const after = act(state, { type: 'addMeasures', measures: [extra] }, ACTORS.committee, 21).state;
    const item = dueItems(after).find((i) => i.key === 'measure:m3')!;
    expect(item.responsible).toEqual([
      { kind: 'person', personId: 'lead-first', name: '赵书记' },
      { kind: 'person', ...SECRETARY },
    ]);
  });

  it('a done measure is not due; a finished case owes nothing', () => {
    const { state } = walkTo('remediating');
    const done = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '已调整' }, ACTORS.secretary, 30).state;
    expect(dueItems(done).map((i) => i.key)).toEqual(['measure:m2', `report:${at(320)}`]);
    for (const stage of ['publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'archived'] as const) {
      expect(dueItems(walkTo(stage).state)).toEqual([]);
    }
  });
});

describe('the escalation ladder (提醒 → 说明原因 → 约谈 → 组织处理)', () => {
  it('is reminder, explanation at the due date, then talk 1 and talk 2 one interval apart each', () => {
    const { state } = walkTo('assigned');
    // planDueAt = 100 s; reminderLead = 10 s; escalationInterval = 20 s.
    expect(scheduledEvents(state).map((e) => [e.key, e.at])).toEqual([
      ['plan:r1:reminder', at(90)],
      ['plan:r1:explanation', at(100)],
      ['plan:r1:talk1', at(120)],
      ['plan:r1:talk2', at(140)],
    ]);
    expect(nextScheduledEvent(state)?.key).toBe('plan:r1:reminder');
  });

  it('events of several items are ordered by time, ties by key', () => {
    const { state } = walkTo('remediating');
    const tied = act(
      state,
      { type: 'addMeasures', measures: [{ problemId: 'p2', description: '同一时刻到期的另一条措施', ownerId: 'sec-1', ownerName: '王建国', dueAt: at(500) }] },
      ACTORS.secretary,
      21,
    ).state;
    const events = scheduledEvents(tied);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const report = `report:${at(320)}`;
    expect(events.slice(0, 4).map((e) => e.key)).toEqual([`${report}:reminder`, `${report}:explanation`, `${report}:talk1`, `${report}:talk2`]);
    expect(events.filter((e) => e.at === at(490)).map((e) => e.key)).toEqual(['measure:m1:reminder', 'measure:m3:reminder']);
    expect(events).toHaveLength(16);
  });

  it('firing the steps in order raises the level, counts talks and flags organizational handling with the second talk', () => {
    let { state } = walkTo('assigned');
    const seen: { level: number; talks: number; handling: boolean; kinds: string[] }[] = [];
    for (const key of ['reminder', 'explanation', 'talk1', 'talk2']) {
      const event = nextScheduledEvent(state)!;
      expect(event.key).toBe(`plan:r1:${key}`);
      const outcome = fireAt(state, event);
      state = outcome.state;
      seen.push({
        level: state.escalation.level,
        talks: state.escalation.talks,
        handling: state.escalation.organizationalHandling,
        kinds: outcome.notifications.map((n) => n.kind),
      });
      // A fired event is never offered again.
      expect(scheduledEvents(state).map((e) => e.key)).not.toContain(event.key);
    }
    expect(seen).toEqual([
      { level: 0, talks: 0, handling: false, kinds: ['reminder'] },
      { level: 1, talks: 0, handling: false, kinds: ['explanation_requested'] },
      { level: 2, talks: 1, handling: false, kinds: ['talk'] },
      { level: 3, talks: 2, handling: true, kinds: ['talk', 'organizational_handling'] },
    ]);
    expect(state.escalation.records.map((r) => [r.step, r.dueItemKey])).toEqual([
      ['reminder', 'plan:r1'],
      ['explanation_requested', 'plan:r1'],
      ['talk', 'plan:r1'],
      ['talk', 'plan:r1'],
      ['organizational_handling', 'plan:r1'],
    ]);
    expect(scheduledEvents(state)).toEqual([]);
    expect(state.timeline.map((t) => t.type).slice(-5)).toEqual([
      'reminder_sent',
      'explanation_requested',
      'talk_recorded',
      'talk_recorded',
      'organizational_handling_flagged',
    ]);
  });

  it('notifies the right people at each step', () => {
    const { state } = walkTo('assigned');
    const { notifications } = fireAll(state, scheduledEvents(state));
    const to = (n: CaseNotification) => n.recipients.map((r) => (r.kind === 'person' ? r.personId : r.role));
    expect(notifications.map((n) => [n.kind, to(n)])).toEqual([
      ['reminder', ['sec-1']],
      ['explanation_requested', ['sec-1', 'township_committee']],
      ['talk', ['sec-1', 'township_committee', 'county_department']],
      ['talk', ['sec-1', 'township_committee', 'county_department']],
      ['organizational_handling', ['county_department', 'township_committee']],
    ]);
    expect(notifications[3].title).toContain('累计第2次');
  });

  it('in a key village the talk summons the township Party secretary in person', () => {
    const { state } = walkTo('assigned', { org: { isKeyVillage: true } });
    const talk = scheduledEvents(state).find((e) => e.key === 'plan:r1:talk1')!;
    const { notifications } = fireAt(state, talk);
    expect(notifications[0].recipients).toContainEqual({ kind: 'person', personId: 'lead-party-sec', name: '陈书记' });
    expect(notifications[0].recipients).not.toContainEqual(expect.objectContaining({ role: 'township_committee' }));
  });

  it('organizational handling is flagged exactly once, however many talks follow', () => {
    const { state: remediating } = walkTo('remediating');
    // Nothing is done: the report and both measures run through their whole ladders.
    const { state, notifications } = runTimersUntil(remediating, 10_000);
    expect(state.escalation.talks).toBe(6);
    expect(state.escalation.level).toBe(3);
    expect(state.escalation.organizationalHandling).toBe(true);
    expect(state.escalation.records.filter((r) => r.step === 'organizational_handling')).toHaveLength(1);
    expect(notifications.filter((n) => n.kind === 'organizational_handling')).toHaveLength(1);
    expect(notifications.filter((n) => n.kind === 'talk')).toHaveLength(6);
    expect(scheduledEvents(state)).toEqual([]);
  });

  it('the level never goes down when a later reminder fires', () => {
    const { state: remediating } = walkTo('remediating');
    const { state } = runTimersUntil(remediating, 340); // report: reminder, explanation, talk 1
    expect(state.escalation.level).toBe(2);
    const { state: after } = runTimersUntil(state, 490); // m1 reminder at 490 after report talk 2 at 360
    expect(after.escalation.records.at(-1)).toMatchObject({ step: 'reminder', dueItemKey: 'measure:m1' });
    expect(after.escalation.level).toBe(3);
  });

  it('completing a measure removes its remaining steps, fired ones stay recorded', () => {
    const { state: remediating } = walkTo('remediating');
    const { state } = runTimersUntil(remediating, 500);
    expect(state.escalation.records.filter((r) => r.dueItemKey === 'measure:m1').map((r) => r.step)).toEqual(['reminder', 'explanation_requested']);
    const done = act(state, { type: 'completeMeasure', measureId: 'm1', evidence: '已完成' }, ACTORS.secretary, 505).state;
    expect(scheduledEvents(done).some((e) => e.key.startsWith('measure:m1:'))).toBe(false);
    expect(done.escalation.records.filter((r) => r.dueItemKey === 'measure:m1')).toHaveLength(2);
  });

  it('a report resets the report ladder to the next report', () => {
    const { state: remediating } = walkTo('remediating');
    const reported = act(remediating, { type: 'reportProgress', summary: '完成支部班子调整' }, ACTORS.secretary, 200).state;
    expect(reported.deadlines.nextReportDueAt).toBe(at(500));
    expect(dueItems(reported).find((i) => i.kind === 'report')).toMatchObject({ key: `report:${at(500)}`, dueAt: at(500) });
  });

  it('a new report deadline after returning to remediation gets its own reminders', () => {
    const { state: remediating } = walkTo('remediating');
    // The first report is missed and fully escalated (310 … 360).
    let { state } = runTimersUntil(remediating, 400);
    expect(state.escalation.records.filter((r) => r.dueItemKey.startsWith('report:')).map((r) => r.step)).toEqual([
      'reminder',
      'explanation_requested',
      'talk',
      'talk',
      'organizational_handling',
    ]);
    for (const id of ['m1', 'm2']) state = act(state, { type: 'completeMeasure', measureId: id, evidence: '已完成' }, ACTORS.secretary, 401).state;
    state = act(state, { type: 'startPublicity' }, ACTORS.committee, 402).state;
    state = objectionReceived(state, 'o1', '书记调整只是走过场', ctxAt(403)).state;
    state = act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'upheld', reason: '经核实属实' }, ACTORS.committee, 404).state;
    expect(state.stage).toBe('remediating');
    expect(state.deadlines.nextReportDueAt).toBe(at(704));
    const reportEvents = scheduledEvents(state).filter((e) => e.kind === 'escalation' && e.item.kind === 'report');
    expect(reportEvents.map((e) => [e.kind === 'escalation' && e.step, e.at])).toEqual([
      ['reminder', at(694)],
      ['explanation_requested', at(704)],
      ['talk', at(724)],
      ['talk', at(744)],
    ]);
  });

  it('an explanation can be given once requested, for that item only', () => {
    const { state: assigned } = walkTo('assigned');
    expectViolation(
      () => act(assigned, { type: 'submitExplanation', dueItemKey: 'plan:r1', explanation: '书记住院' }, ACTORS.secretary, 95),
      'invalid_input',
    );
    const { state } = runTimersUntil(assigned, 100);
    expectViolation(() => act(state, { type: 'submitExplanation', dueItemKey: 'plan:r1', explanation: ' ' }, ACTORS.secretary, 101), 'reason_required');
    expectViolation(
      () => act(state, { type: 'submitExplanation', dueItemKey: 'measure:m1', explanation: '书记住院' }, ACTORS.secretary, 101),
      'invalid_input',
    );
    const after = act(state, { type: 'submitExplanation', dueItemKey: 'plan:r1', explanation: ' 书记住院两周 ' }, ACTORS.secretary, 101).state;
    expect(after.escalation.explanations).toEqual([
      { dueItemKey: 'plan:r1', text: '书记住院两周', at: at(101), by: { userId: 'sec-1', name: '王建国', role: 'branch_secretary' } },
    ]);
  });

  it('submitting the plan after the explanation stops the rest of the plan ladder', () => {
    const { state: assigned } = walkTo('assigned');
    const { state } = runTimersUntil(assigned, 100);
    const planned = act(state, { type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 105).state;
    expect(scheduledEvents(planned)).toEqual([]);
    expect(planned.escalation.talks).toBe(0);
  });
});

describe('other timers', () => {
  it('publicity waits for the end of the publicity period, once', () => {
    const { state } = walkTo('publicizing');
    expect(scheduledEvents(state)).toEqual([{ kind: 'publicity_period_ended', key: `publicity:${at(40)}`, at: at(90) }]);
    const ended = fire(state, scheduledEvents(state)[0], ctxAt(90)).state;
    expect(ended.stage).toBe('preliminary_acceptance');
    expect(scheduledEvents(ended)).toEqual([]);
  });

  it('a delisted case waits for its follow-up review, once', () => {
    const { state } = walkTo('delisted');
    expect(scheduledEvents(state)).toEqual([{ kind: 'review_due', key: `review:${at(1110)}`, at: at(1110) }]);
    const due = fire(state, scheduledEvents(state)[0], ctxAt(1110)).state;
    expect(due.stage).toBe('follow_up_review');
    expect(scheduledEvents(due)).toEqual([]);
  });

  it('an identified case without a team and an archived case wait on nothing', () => {
    expect(scheduledEvents(walkTo('identified').state)).toEqual([]);
    expect(scheduledEvents(walkTo('archived').state)).toEqual([]);
    expect(nextScheduledEvent(walkTo('archived').state)).toBeUndefined();
  });
});

describe('isOverdue', () => {
  it('is false before the plan deadline and true from the deadline on', () => {
    const { state } = walkTo('assigned');
    expect(isOverdue(state, at(99))).toBe(false);
    expect(isOverdue(state, at(100))).toBe(true);
    expect(isOverdue(state, at(5000))).toBe(true);
  });

  it('is false once the plan is submitted, whatever the time', () => {
    expect(isOverdue(walkTo('planning').state, at(5000))).toBe(false);
  });

  it('in remediation, is true when the report or a measure is late, false when all are on time', () => {
    const { state } = walkTo('remediating');
    expect(isOverdue(state, at(319))).toBe(false);
    expect(isOverdue(state, at(320))).toBe(true);
    const reported = act(state, { type: 'reportProgress', summary: '按计划推进' }, ACTORS.leader, 319).state; // next report at 619
    expect(isOverdue(reported, at(499))).toBe(false);
    expect(isOverdue(reported, at(500))).toBe(true); // m1 is late
  });

  it('a case past the campaign timeline but with nothing owed is not overdue', () => {
    expect(isOverdue(walkTo('delisted').state, at(100_000))).toBe(false);
  });
});

describe('notification keys', () => {
  it('are unique over a case that runs through escalation, a failed acceptance, a rebound and a second round', () => {
    const all: CaseNotification[] = [];
    const push = (outcome: { state: CaseState; notifications: CaseNotification[] }) => {
      all.push(...outcome.notifications);
      return outcome.state;
    };
    const walk = walkTo('assigned');
    all.push(...walk.notifications);
    let state = push(runTimersUntil(walk.state, 200));
    state = push(act(state, { type: 'submitPlan', measures: planFor(state, 900) }, ACTORS.secretary, 210));
    state = push(act(state, { type: 'returnPlan', reasons: ['措施不具体'] }, ACTORS.committee, 211));
    state = push(act(state, { type: 'submitPlan', measures: planFor(state, 900) }, ACTORS.secretary, 212));
    state = push(act(state, { type: 'approvePlan' }, ACTORS.committee, 213));
    state = push(runTimersUntil(state, 950));
    for (const m of state.measures) state = push(act(state, { type: 'completeMeasure', measureId: m.id, evidence: '完成' }, ACTORS.secretary, 960));
    state = push(act(state, { type: 'startPublicity' }, ACTORS.committee, 961));
    state = push(objectionReceived(state, 'o1', '有问题', ctxAt(962)));
    state = push(act(state, { type: 'resolveObjection', objectionId: 'o1', decision: 'dismissed', reason: '不属实' }, ACTORS.committee, 963));
    state = push(runTimersUntil(state, 1011));
    expect(state.stage).toBe('preliminary_acceptance');
    state = push(act(state, { type: 'recordPreliminaryAcceptance', checks: { ledger: false, plan: true, results: true }, opinion: '台账不全' }, ACTORS.committee, 1020));
    state = push(runTimersUntil(state, 1300));
    state = push(act(state, { type: 'startPublicity' }, ACTORS.committee, 1310));
    state = push(runTimersUntil(state, 1360));
    state = push(act(state, { type: 'recordPreliminaryAcceptance', checks: { ledger: true, plan: true, results: true }, opinion: '通过' }, ACTORS.committee, 1370));
    state = push(act(state, { type: 'recordCountyAcceptance', checks: { ledger: true, plan: true, results: true }, opinion: '通过', survey: { respondents: 10, satisfied: 9 } }, ACTORS.county, 1380));
    state = push(runTimersUntil(state, 2380));
    state = push(act(state, { type: 'recordFollowUpReview', checks: { measuresCarriedOut: false, mechanismsWorking: true, promisesDelivered: true, unqualifiedMembersHandled: true }, opinion: '反弹', reboundedProblemIds: ['p1'], newProblems: [] }, ACTORS.county, 2390));
    expect(state.round).toBe(2);
    state = push(runTimersUntil(state, 2600));
    expect(state.escalation.records.some((r) => r.dueItemKey === 'plan:r2')).toBe(true);

    expect(all.length).toBeGreaterThan(20);
    const keys = all.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const n of all) expect(n.key.startsWith(`${state.caseId}:`)).toBe(true);
    expect(new Set(all.map((n) => n.kind))).toEqual(
      new Set(['plan_submitted', 'plan_returned', 'plan_approved', 'reminder', 'explanation_requested', 'talk', 'organizational_handling', 'publicity_started', 'objection_received', 'acceptance_failed', 'delisted', 'review_due', 'case_reopened', 'review_recorded']),
    );
  });

  it('firing an escalation step produces the same notification key on a retry', () => {
    const { state } = walkTo('assigned');
    const event = nextScheduledEvent(state)!;
    const first = fireAt(state, event).notifications[0].key;
    const again = fireAt(state, event, 91).notifications[0].key;
    expect(first).toBe(`${state.caseId}:plan:r1:reminder`);
    expect(again).toBe(first);
  });
});
