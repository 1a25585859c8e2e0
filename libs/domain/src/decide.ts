/**
 * The one entry point that changes a case: authorize the actor, then apply the action's lifecycle
 * step (its definition in ./actions).
 * Pure and synchronous, so the workflow's update validators can run it to refuse an action before it
 * is recorded, and the API and UI can ask the same questions.
 */
import { actionDefinition, authorize, isCaseActionType, type CaseAction, type SatisfactionLevel } from './actions';
import type { ActorRef, CaseState } from './case-state';
import { fireScheduled, type ScheduledEvent } from './lifecycle/escalation';
import { receiveObjection, receiveRating } from './lifecycle/publicity';
import { rolloverSettled } from './lifecycle/follow-up-review';
import { campaignEndReached, type CampaignEndedSignal } from './lifecycle/campaign-end';
import type { ActionContext, Draft } from './lifecycle/draft';
import type { CaseNotification } from './notifications';
import { SYSTEM_ACTOR_ID, type Actor } from './roles';
import { violation } from './rule-violation';

export interface Outcome {
  state: CaseState;
  notifications: CaseNotification[];
}

function startDraft(state: CaseState, actor: ActorRef, ctx: ActionContext): Draft {
  return { state: JSON.parse(JSON.stringify(state)) as CaseState, now: ctx.now, due: ctx.due, actor, notifications: [] };
}

export function actorRef(actor: Actor): ActorRef {
  return { userId: actor.userId, name: actor.name, role: actor.role };
}

/** Applies a person's action. Throws RuleViolation and leaves `state` untouched when refused. */
export function decide(state: CaseState, action: CaseAction, actor: Actor, ctx: ActionContext): Outcome {
  const { type, ...body } = action;
  if (!isCaseActionType(type)) {
    throw violation('invalid_input', '未知的操作', `unknown action ${String(type)}`);
  }
  authorize(state, type, actor);
  const draft = startDraft(state, actorRef(actor), ctx);
  actionDefinition(type).apply(draft, body);
  return { state: draft.state, notifications: draft.notifications };
}

const SYSTEM: ActorRef = { userId: SYSTEM_ACTOR_ID, name: '系统', role: 'system' };
const PUBLIC: ActorRef = { userId: 'public', name: '群众', role: 'public' };

/** A durable timer fired. */
export function fire(state: CaseState, event: ScheduledEvent, ctx: ActionContext): Outcome {
  const draft = startDraft(state, SYSTEM, ctx);
  fireScheduled(draft, event);
  return { state: draft.state, notifications: draft.notifications };
}

/** Signals from the public need no answer; `changed` is false when one was not accepted. */
export function objectionReceived(state: CaseState, objectionId: string, content: string, ctx: ActionContext): Outcome & { changed: boolean } {
  const draft = startDraft(state, PUBLIC, ctx);
  const changed = receiveObjection(draft, objectionId, content);
  return { state: changed ? draft.state : state, notifications: draft.notifications, changed };
}

export function ratingReceived(state: CaseState, ratingId: string, level: SatisfactionLevel, ctx: ActionContext): Outcome & { changed: boolean } {
  const draft = startDraft(state, PUBLIC, ctx);
  const changed = receiveRating(draft, ratingId, level);
  return { state: changed ? draft.state : state, notifications: [], changed };
}


/** The campaign's end date passed (a signal from the campaign workflow); `changed` is false when it did not apply. */
export function campaignEnded(state: CaseState, signal: CampaignEndedSignal, ctx: ActionContext): Outcome & { changed: boolean } {
  const draft = startDraft(state, SYSTEM, ctx);
  const changed = campaignEndReached(draft, signal);
  return { state: changed ? draft.state : state, notifications: changed ? draft.notifications : [], changed };
}

/** The next campaign's case of a rollover has been opened (or found): recorded on this case. */
export function rolloverOpened(state: CaseState, result: { caseId: string; created: boolean }, ctx: ActionContext): Outcome & { changed: boolean } {
  const draft = startDraft(state, SYSTEM, ctx);
  const changed = rolloverSettled(draft, result);
  return { state: changed ? draft.state : state, notifications: changed ? draft.notifications : [], changed };
}
