/**
 * Reminders and escalation (docs/domain.md "Deadlines, reminders and accountability"): before a due date the
 * responsible people are reminded; when missed the branch must explain (说明原因, one request per lapse);
 * a lapse still open one escalation interval later makes the system propose a talk (提请约谈) with the
 * branch secretary and the secretary above, which people hold and record (accountability.ts). A missed
 * progress report is reminded and asked about, never proposed for a talk (防止“纸上党建”).
 * Cases opened before the proposals model keep the timer ladder their histories replay: the timers
 * recorded two talks and flagged organizational handling (see `escalation.model`).
 * Pure: the workflow sleeps until the next event.
 */
import { chinaTime } from '../china-time';
import { currentMeasures, planBlockedByDeadline, verifiesMeasures, type CaseState, type Measure, type EscalationLevel, type EscalationStep, type Lapse, type TalkSubject } from '../case-state';
import type { Recipient } from '../notifications';
import { addPlainPeriod, subtractPlainPeriod } from '../policy';
import { committeeOf, countyOf, notify, record, secretaryOf, type Draft } from './draft';
import { publicityPeriodEnded } from './publicity';
import { reviewFallsDue } from './follow-up-review';

export interface DueItem {
  key: string;
  /**
   * `verification`: a reported measure the township committee has to verify; `review`: the 回头看
   * result the committee owes the county. Both are reminded, never a lapse of the branch.
   */
  kind: 'plan' | 'measure' | 'report' | 'rectification' | 'verification' | 'review';
  label: string;
  dueAt: string;
  responsible: Recipient[];
}

export function dueItems(state: CaseState): DueItem[] {
  const items: DueItem[] = [];
  const secretary = secretaryOf(state);
  const { deadlines } = state;
  // A plan deadline no valid plan can meet waits for the county's rectification deadline, unreminded (cases since planDeadline).
  const unattainable = state.planDeadline === 'attainable_only' && planBlockedByDeadline(state);
  if ((state.stage === 'assigned' || state.stage === 'planning') && deadlines.planDueAt && state.plan.status !== 'submitted' && !unattainable) {
    items.push({ key: `plan:r${state.round}`, kind: 'plan', label: '提交整顿方案', dueAt: deadlines.planDueAt, responsible: [secretary] });
  }
  if (state.stage === 'remediating') {
    for (const measure of currentMeasures(state)) {
      if (measure.status === 'done') continue;
      if (measure.status === 'reported' && measure.report) {
        const at = measure.report.at;
        items.push({ key: `verify:${measure.id}:${at}`, kind: 'verification', label: `核验整改措施：${measure.description}`, dueAt: measure.report.verifyDueAt, responsible: [committeeOf(state)] });
        continue;
      }
      const owner: Recipient = { kind: 'person', personId: measure.ownerId, name: measure.ownerName };
      const responsible = measure.ownerId === state.org.secretary.personId ? [secretary] : [owner, secretary];
      items.push({ key: measureItemKey(state, measure), kind: 'measure', label: `整改措施：${measure.description}`, dueAt: measure.dueAt, responsible });
    }
    if (deadlines.nextReportDueAt) {
      const countyLeader = state.team.find((member) => member.teamRole === 'county_leader');
      items.push({
        // Keyed by the deadline, like 限期整改: a new report deadline (after a report, or after a return
        // to remediation with no report in between) is a new item whose ladder has not fired yet.
        key: `report:${deadlines.nextReportDueAt}`,
        kind: 'report',
        label: countyLeader ? `向${countyLeader.name}汇报整顿进展` : '汇报整顿进展',
        dueAt: deadlines.nextReportDueAt,
        responsible: [secretary],
      });
    }
    if (deadlines.rectificationDueAt) {
      items.push({
        key: `rectification:${deadlines.rectificationDueAt}`,
        kind: 'rectification',
        label: '限期整改',
        dueAt: deadlines.rectificationDueAt,
        responsible: [secretary],
      });
    }
  }
  if (state.stage === 'follow_up_review' && deadlines.reviewReportDueAt) {
    items.push({ key: `review_report:${deadlines.reviewReportDueAt}`, kind: 'review', label: '报告回头看结果', dueAt: deadlines.reviewReportDueAt, responsible: [committeeOf(state)] });
  }
  return items;
}

/** Items the township committee owes, not the branch: reminded before and when they pass, never asked to explain. */
function owedByCommittee(item: DueItem): boolean {
  return item.kind === 'verification' || item.kind === 'review';
}

/**
 * A measure's due item. A report the committee returned sets a new date: on cases that verify
 * measures that is a new item (its own reminder and request), like a new 限期整改 deadline.
 */
function measureItemKey(state: CaseState, measure: Measure): string {
  const returned = verifiesMeasures(state) ? (measure.returns?.length ?? 0) : 0;
  return returned > 0 ? `measure:${measure.id}:r${returned}` : `measure:${measure.id}`;
}

export type ScheduledEvent =
  | { kind: 'escalation'; key: string; at: string; step: Exclude<EscalationStep, 'organizational_handling'>; talkNo?: 1 | 2; item: DueItem }
  | { kind: 'talk_proposal'; key: string; at: string; lapseId: string }
  | { kind: 'publicity_period_ended'; key: string; at: string }
  | { kind: 'review_due'; key: string; at: string };

/** Whether the case runs on proposals (people record talks) rather than the timer ladder of older cases. */
export function proposesTalks(state: CaseState): boolean {
  return state.escalation.model === 'proposals';
}

function ladder(state: CaseState, item: DueItem): ScheduledEvent[] {
  const { reminderLead, escalationInterval } = state.policy;
  if (owedByCommittee(item)) {
    // The committee is reminded before the date and again when it passes; nobody is asked to explain.
    return [
      { kind: 'escalation', key: `${item.key}:reminder`, at: subtractPlainPeriod(item.dueAt, reminderLead), step: 'reminder', item },
      { kind: 'escalation', key: `${item.key}:overdue`, at: item.dueAt, step: 'reminder', item },
    ];
  }
  const talkAt = (n: number) => addPlainPeriod(item.dueAt, { amount: escalationInterval.amount * n, unit: escalationInterval.unit });
  const reminderAndRequest: ScheduledEvent[] = [
    { kind: 'escalation', key: `${item.key}:reminder`, at: subtractPlainPeriod(item.dueAt, reminderLead), step: 'reminder', item },
    { kind: 'escalation', key: `${item.key}:explanation`, at: item.dueAt, step: 'explanation_requested', item },
  ];
  if (proposesTalks(state)) return reminderAndRequest;
  return [
    ...reminderAndRequest,
    { kind: 'escalation', key: `${item.key}:talk1`, at: talkAt(1), step: 'talk', talkNo: 1, item },
    { kind: 'escalation', key: `${item.key}:talk2`, at: talkAt(2), step: 'talk', talkNo: 2, item },
  ];
}

/** Whether a lapse is still open: some of its items is still due (not done, the stage not moved on). */
export function lapseIsOpen(state: CaseState, lapse: Lapse): boolean {
  return lapseOpenAmong(dueKeys(dueItems(state)), lapse);
}

/** Callers that look at several lapses compute the due items once and ask with their keys. */
function dueKeys(items: readonly DueItem[]): ReadonlySet<string> {
  return new Set(items.map((item) => item.key));
}

function lapseOpenAmong(due: ReadonlySet<string>, lapse: Lapse): boolean {
  return lapse.items.some((item) => due.has(item.key));
}

/** When the talk for a lapse is due to be proposed: one interval after it opened, at the new date an accepted explanation set, or at once after one not accepted. */
function talkProposalAt(state: CaseState, lapse: Lapse): string {
  if (lapse.review?.accepted && lapse.review.newDueAt) return lapse.review.newDueAt;
  const afterInterval = addPlainPeriod(lapse.openedAt, state.policy.escalationInterval);
  return lapse.review && !lapse.review.accepted && Date.parse(lapse.review.at) < Date.parse(afterInterval) ? lapse.review.at : afterInterval;
}

/** A talk is proposed once per lapse still open when its time comes (talkProposalAt). */
function talkProposals(state: CaseState, due: ReadonlySet<string>): ScheduledEvent[] {
  if (!proposesTalks(state)) return [];
  return (state.escalation.lapses ?? [])
    .filter((lapse) => !lapse.talkProposalId && lapseOpenAmong(due, lapse))
    .map((lapse) => ({ kind: 'talk_proposal', key: `${lapse.id}:talk_proposal`, at: talkProposalAt(state, lapse), lapseId: lapse.id }));
}

/** Every timer the case is waiting on that has not fired yet, earliest first. */
export function scheduledEvents(state: CaseState): ScheduledEvent[] {
  const fired = new Set(state.escalation.records.map((r) => r.key));
  const due = dueItems(state);
  const events: ScheduledEvent[] = due.flatMap((item) => ladder(state, item)).filter((event) => !fired.has(event.key));
  events.push(...talkProposals(state, dueKeys(due)));
  if (state.stage === 'publicizing' && state.publicity && !state.publicity.periodEnded) {
    events.push({ kind: 'publicity_period_ended', key: `publicity:${state.publicity.startedAt}`, at: state.publicity.endsAt });
  }
  if (state.stage === 'delisted' && state.deadlines.reviewDueAt) {
    events.push({ kind: 'review_due', key: `review:${state.deadlines.reviewDueAt}`, at: state.deadlines.reviewDueAt });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
}

export function nextScheduledEvent(state: CaseState): ScheduledEvent | undefined {
  return scheduledEvents(state)[0];
}

/** Overdue: some due item of the current stage is past its date and not done. */
export function isOverdue(state: CaseState, now: string): boolean {
  const at = Date.parse(now);
  return dueItems(state).some((item) => Date.parse(item.dueAt) <= at);
}

const STEP_LEVEL: Record<EscalationStep, EscalationLevel> = {
  reminder: 0,
  explanation_requested: 1,
  talk: 2,
  organizational_handling: 3,
};

function raise(draft: Draft, step: EscalationStep, key: string, item: DueItem): void {
  const { escalation } = draft.state;
  escalation.records.push({ key, step, dueItemKey: item.key, dueItemLabel: item.label, at: draft.now });
  escalation.level = Math.max(escalation.level, STEP_LEVEL[step]) as EscalationLevel;
}

/** The secretary of the Party organization above: for a key village, the township Party secretary. */
function secretaryAbove(state: CaseState): Recipient {
  const partySecretary = state.team.find((member) => member.teamRole === 'township_leader' && member.isTownshipPartySecretary);
  return partySecretary && state.org.isKeyVillage ? { kind: 'person', personId: partySecretary.personId, name: partySecretary.name } : committeeOf(state);
}

/**
 * Whom a talk is with (对支部书记及上级党组织书记进行约谈, County speech): the branch secretary, and the
 * secretary above — a named person for a key village, else the township committee's secretary, known
 * by the township (one identity per township, so that talks about its branches add up).
 */
export function talkSubjects(state: CaseState): TalkSubject[] {
  const above = secretaryAbove(state);
  return [
    { personId: state.org.secretary.personId, name: state.org.secretary.name, standing: 'branch_secretary' },
    above.kind === 'person'
      ? { personId: above.personId, name: above.name, standing: 'secretary_above' }
      : { personId: `township-secretary:${state.org.county}:${state.org.township}`, name: `${state.org.township}党（工）委书记`, standing: 'secretary_above' },
  ];
}

/** An item fell overdue: it opens a lapse (with every item overdue by now), or joins the open one. */
function lapseOverdue(draft: Draft, event: Extract<ScheduledEvent, { kind: 'escalation' }>): void {
  const { state } = draft;
  const lapses = (state.escalation.lapses ??= []);
  const due = dueItems(state);
  const dueNow = dueKeys(due);
  const open = lapses.find((lapse) => lapseOpenAmong(dueNow, lapse));
  const entry = (item: DueItem) => ({ key: item.key, label: item.label, dueAt: item.dueAt });
  if (open) {
    open.items.push(entry(event.item));
    raise(draft, 'explanation_requested', event.key, event.item);
    record(draft, 'lapse_extended', `逾期事项并入本次逾期，一并说明原因：${event.item.label}`);
    return;
  }
  const inLapses = new Set(lapses.flatMap((lapse) => lapse.items.map((item) => item.key)));
  const now = Date.parse(draft.now);
  const overdue = due.filter((item) => item.kind !== 'report' && !owedByCommittee(item) && !inLapses.has(item.key) && (item.key === event.item.key || Date.parse(item.dueAt) <= now));
  const lapse: Lapse = { id: `lapse-${lapses.length + 1}`, openedAt: draft.now, items: overdue.map(entry) };
  lapses.push(lapse);
  for (const item of overdue) raise(draft, 'explanation_requested', `${item.key}:explanation`, item);
  const labels = overdue.map((item) => item.label).join('；');
  record(draft, 'explanation_requested', `逾期：${labels}，要求逐支部说明原因`);
  notify(
    draft,
    'explanation_requested',
    [secretaryOf(state), committeeOf(state)],
    '逾期未完成，请说明原因',
    `以下事项已到期仍未完成，请就本次逾期书面说明原因：${labels}。`,
    `${state.caseId}:${lapse.id}:explanation`,
  );
}

/** A lapse stayed open one escalation interval: the system proposes a talk; people hold and record it. */
function proposeTalk(draft: Draft, lapseId: string): void {
  const { state } = draft;
  const lapse = state.escalation.lapses?.find((candidate) => candidate.id === lapseId);
  if (!lapse || lapse.talkProposalId || !lapseIsOpen(state, lapse)) return;
  const proposals = (state.escalation.proposals ??= []);
  const subjects = talkSubjects(state);
  const id = `proposal-${proposals.length + 1}`;
  const labels = lapse.items.map((item) => item.label).join('；');
  proposals.push({ id, kind: 'talk', at: draft.now, status: 'proposed', subjects, reason: `逾期仍未完成：${labels}`, lapseId });
  lapse.talkProposalId = id;
  const names = subjects.map((subject) => subject.name).join('、');
  record(draft, 'talk_proposed', `提请约谈：${labels}逾期仍未完成，建议约谈${names}（待乡镇党委或县委组织部约谈后记录）`);
  notify(draft, 'talk_proposed', [committeeOf(state), countyOf(state)], '提请约谈', `${state.org.name}：${labels}逾期仍未完成，建议约谈${names}。约谈后请在系统中记录。`, `${state.caseId}:${id}`);
}

function escalate(draft: Draft, event: Extract<ScheduledEvent, { kind: 'escalation' }>): void {
  const { state } = draft;
  const { item } = event;
  if (proposesTalks(state) && event.step === 'explanation_requested' && item.kind !== 'report') {
    lapseOverdue(draft, event);
    return;
  }
  raise(draft, event.step, event.key, item);
  switch (event.step) {
    case 'reminder':
      if (item.kind === 'verification' && event.key.endsWith(':overdue')) {
        record(draft, 'reminder_sent', `提醒：${item.label} 已于 ${chinaTime(item.dueAt)} 到期，尚未核验`);
        notify(draft, 'reminder', item.responsible, '核验逾期提醒', `${item.label}已于 ${chinaTime(item.dueAt)} 到期，请尽快核验。`, `${state.caseId}:${event.key}`);
        return;
      }
      if (item.kind === 'review' && event.key.endsWith(':overdue')) {
        // 004: the county sees a 回头看 not reported on time, not only the township.
        record(draft, 'reminder_sent', `提醒：回头看结果应于 ${chinaTime(item.dueAt)} 前报告，尚未记录`);
        notify(
          draft,
          'reminder',
          [...item.responsible, countyOf(state)],
          '回头看逾期未报告',
          `回头看结果应于 ${chinaTime(item.dueAt)} 前报告，至今未记录，请尽快开展回头看并记录结果。`,
          `${state.caseId}:${event.key}`,
        );
        return;
      }
      record(draft, 'reminder_sent', `提醒：${item.label} 将于 ${chinaTime(item.dueAt)} 到期`);
      notify(draft, 'reminder', item.responsible, '到期提醒', `${item.label}将于 ${chinaTime(item.dueAt)} 到期，请按时完成。`, `${state.caseId}:${event.key}`);
      return;
    case 'explanation_requested':
      record(draft, 'explanation_requested', `逾期：${item.label}，要求逐支部说明原因`);
      notify(draft, 'explanation_requested', [secretaryOf(state), committeeOf(state)], '逾期未完成，请说明原因', `${item.label}已于 ${chinaTime(item.dueAt)} 到期仍未完成，请书面说明原因。`, `${state.caseId}:${event.key}`);
      return;
    case 'talk': {
      state.escalation.talks += 1;
      const above = secretaryAbove(state);
      record(draft, 'talk_recorded', `第${state.escalation.talks}次约谈：${item.label}逾期，约谈支部书记${state.org.secretary.name}及上级党组织书记`);
      notify(draft, 'talk', [secretaryOf(state), above, countyOf(state)], `约谈通知（累计第${state.escalation.talks}次）`, `${item.label}逾期仍未完成，约谈支部书记及上级党组织书记。`, `${state.caseId}:${event.key}`);
      if (state.escalation.talks >= 2 && !state.escalation.organizationalHandling) {
        state.escalation.organizationalHandling = true;
        raise(draft, 'organizational_handling', `${event.key}:organizational_handling`, item);
        record(draft, 'organizational_handling_flagged', '累计约谈两次以上，进行组织处理');
        notify(draft, 'organizational_handling', [countyOf(state), above], '累计约谈两次，提请组织处理', `${state.org.name}累计约谈${state.escalation.talks}次，按规定进行组织处理。`, `${state.caseId}:organizational_handling`);
      }
      return;
    }
  }
}

export function fireScheduled(draft: Draft, event: ScheduledEvent): void {
  switch (event.kind) {
    case 'escalation':
      escalate(draft, event);
      return;
    case 'talk_proposal':
      proposeTalk(draft, event.lapseId);
      return;
    case 'publicity_period_ended':
      publicityPeriodEnded(draft);
      return;
    case 'review_due':
      reviewFallsDue(draft);
      return;
  }
}
