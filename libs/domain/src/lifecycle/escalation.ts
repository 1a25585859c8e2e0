/**
 * Reminders and escalation (docs/domain.md "Deadlines, reminders and accountability"): before a due date the
 * responsible people are reminded; when missed the branch must explain (说明原因); still missed, the
 * branch secretary and the secretary above are summoned for a talk (约谈); the second talk flags the
 * case for organizational handling (组织处理, County speech). Pure: the workflow sleeps until the next event.
 */
import { currentMeasures, type CaseState, type EscalationLevel, type EscalationStep } from '../case-state';
import type { Recipient } from '../notifications';
import { addPlainPeriod, subtractPlainPeriod } from '../policy';
import { committeeOf, countyOf, notify, record, secretaryOf, type Draft } from './draft';
import { publicityPeriodEnded } from './publicity';
import { reviewFallsDue } from './follow-up-review';

export interface DueItem {
  key: string;
  kind: 'plan' | 'measure' | 'report' | 'rectification';
  label: string;
  dueAt: string;
  responsible: Recipient[];
}

export function dueItems(state: CaseState): DueItem[] {
  const items: DueItem[] = [];
  const secretary = secretaryOf(state);
  const { deadlines } = state;
  if ((state.stage === 'assigned' || state.stage === 'planning') && deadlines.planDueAt && state.plan.status !== 'submitted') {
    items.push({ key: `plan:r${state.round}`, kind: 'plan', label: '提交整顿方案', dueAt: deadlines.planDueAt, responsible: [secretary] });
  }
  if (state.stage === 'remediating') {
    for (const measure of currentMeasures(state)) {
      if (measure.status === 'done') continue;
      const owner: Recipient = { kind: 'person', personId: measure.ownerId, name: measure.ownerName };
      const responsible = measure.ownerId === state.org.secretary.personId ? [secretary] : [owner, secretary];
      items.push({ key: `measure:${measure.id}`, kind: 'measure', label: `整改措施：${measure.description}`, dueAt: measure.dueAt, responsible });
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
  return items;
}

export type ScheduledEvent =
  | { kind: 'escalation'; key: string; at: string; step: Exclude<EscalationStep, 'organizational_handling'>; talkNo?: 1 | 2; item: DueItem }
  | { kind: 'publicity_period_ended'; key: string; at: string }
  | { kind: 'review_due'; key: string; at: string };

function ladder(state: CaseState, item: DueItem): ScheduledEvent[] {
  const { reminderLead, escalationInterval } = state.policy;
  const talkAt = (n: number) => addPlainPeriod(item.dueAt, { amount: escalationInterval.amount * n, unit: escalationInterval.unit });
  return [
    { kind: 'escalation', key: `${item.key}:reminder`, at: subtractPlainPeriod(item.dueAt, reminderLead), step: 'reminder', item },
    { kind: 'escalation', key: `${item.key}:explanation`, at: item.dueAt, step: 'explanation_requested', item },
    { kind: 'escalation', key: `${item.key}:talk1`, at: talkAt(1), step: 'talk', talkNo: 1, item },
    { kind: 'escalation', key: `${item.key}:talk2`, at: talkAt(2), step: 'talk', talkNo: 2, item },
  ];
}

/** Every timer the case is waiting on that has not fired yet, earliest first. */
export function scheduledEvents(state: CaseState): ScheduledEvent[] {
  const fired = new Set(state.escalation.records.map((r) => r.key));
  const events: ScheduledEvent[] = dueItems(state)
    .flatMap((item) => ladder(state, item))
    .filter((event) => !fired.has(event.key));
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

function escalate(draft: Draft, event: Extract<ScheduledEvent, { kind: 'escalation' }>): void {
  const { state } = draft;
  const { item } = event;
  raise(draft, event.step, event.key, item);
  switch (event.step) {
    case 'reminder':
      record(draft, 'reminder_sent', `提醒：${item.label} 将于 ${item.dueAt} 到期`);
      notify(draft, 'reminder', item.responsible, '到期提醒', `${item.label}将于 ${item.dueAt} 到期，请按时完成。`, `${state.caseId}:${event.key}`);
      return;
    case 'explanation_requested':
      record(draft, 'explanation_requested', `逾期：${item.label}，要求逐支部说明原因`);
      notify(draft, 'explanation_requested', [secretaryOf(state), committeeOf(state)], '逾期未完成，请说明原因', `${item.label}已于 ${item.dueAt} 到期仍未完成，请书面说明原因。`, `${state.caseId}:${event.key}`);
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
    case 'publicity_period_ended':
      publicityPeriodEnded(draft);
      return;
    case 'review_due':
      reviewFallsDue(draft);
      return;
  }
}
