import type { ActorRef, CaseState } from '../case-state';
import type { CaseNotification, NotificationKind, Recipient } from '../notifications';
import type { DueDates } from '../policy';
import { describeScope } from '../roles';
import { canTransition, STAGE_LABELS, type Stage } from '../stages';

/** What an action needs besides the case: the instant it happens and the policy's due dates from then. */
export interface ActionContext {
  now: string;
  due: DueDates;
}

/** A case being changed by one action. Stage modules mutate `state`, a private copy. */
export interface Draft {
  state: CaseState;
  now: string;
  due: DueDates;
  actor: ActorRef;
  notifications: CaseNotification[];
}

export function record(draft: Draft, type: string, summary: string): void {
  const { state } = draft;
  state.seq += 1;
  state.timeline.push({ seq: state.seq, at: draft.now, type, actor: draft.actor, summary });
  state.updatedAt = draft.now;
}

/**
 * How a `stage_changed` entry's summary is written: `<from label> → <to label>[：<reason>]`. Readers of
 * the timeline rows (the campaign's progress over time) take the stage reached from between the arrow and
 * the first full-width colon, so labels must contain neither (stages.spec pins it).
 */
export const STAGE_CHANGE_ARROW = ' → ';
export const STAGE_CHANGE_REASON = '：';

export function moveTo(draft: Draft, to: Stage, reason?: string): void {
  const { state } = draft;
  if (!canTransition(state.stage, to)) {
    // A bug, not a user error: the action rules should have refused first.
    throw new Error(`illegal transition ${state.stage} → ${to}`);
  }
  state.history.push({ from: state.stage, to, at: draft.now, by: draft.actor, ...(reason ? { reason } : {}) });
  const summary = `${STAGE_LABELS[state.stage]}${STAGE_CHANGE_ARROW}${STAGE_LABELS[to]}${reason ? `${STAGE_CHANGE_REASON}${reason}` : ''}`;
  state.stage = to;
  record(draft, 'stage_changed', summary);
}

export function notify(draft: Draft, kind: NotificationKind, recipients: Recipient[], title: string, body: string, key?: string): void {
  const { state } = draft;
  draft.notifications.push({
    key: key ?? `${state.caseId}:${state.seq}:${kind}`,
    caseId: state.caseId,
    kind,
    recipients,
    title: `【${state.org.name}】${title}`,
    body,
    at: draft.now,
  });
}

export function secretaryOf(state: CaseState): Recipient {
  return { kind: 'person', ...state.org.secretary };
}

export function committeeOf(state: CaseState): Recipient {
  return {
    kind: 'role',
    role: 'township_committee',
    scope: describeScope({ level: 'township', county: state.org.county, township: state.org.township }),
  };
}

export function countyOf(state: CaseState): Recipient {
  return { kind: 'role', role: 'county_department', scope: describeScope({ level: 'county', county: state.org.county }) };
}

export function teamRecipients(state: CaseState): Recipient[] {
  return state.team.map((member) => ({ kind: 'person', personId: member.personId, name: member.name }));
}

export function trimmed(text: string | undefined): string {
  return (text ?? '').trim();
}
