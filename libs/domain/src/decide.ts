/**
 * The one entry point that changes a case: authorize the actor, then hand the action to its stage.
 * Pure and synchronous, so the workflow's update validators can run it to refuse an action before it
 * is recorded, and the API and UI can ask the same questions.
 */
import { ACTION_RULES, type CaseAction, type SatisfactionLevel } from './actions';
import type { ActorRef, CaseState } from './case-state';
import { addMeasures, completeMeasure, reportProgress, startPublicity, submitExplanation } from './lifecycle/remediation';
import { approvePlan, returnPlan, submitPlan } from './lifecycle/planning';
import { assignTeam } from './lifecycle/identification';
import { fireScheduled, type ScheduledEvent } from './lifecycle/escalation';
import { recordCountyAcceptance, recordPreliminaryAcceptance } from './lifecycle/acceptance';
import { receiveObjection, receiveRating, resolveObjection } from './lifecycle/publicity';
import { recordFollowUpReview, rolloverSettled } from './lifecycle/follow-up-review';
import { campaignEndReached, type CampaignEndedSignal } from './lifecycle/campaign-end';
import type { ActionContext, Draft } from './lifecycle/draft';
import type { CaseNotification } from './notifications';
import { describeScope, isInScope, SYSTEM_ACTOR_ID, USER_ROLE_LABELS, type Actor } from './roles';
import { violation } from './rule-violation';
import { STAGE_LABELS } from './stages';

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

/** Refuses an actor who may not take this action on this case now, with the rule that refuses. */
export function authorize(state: CaseState, action: CaseAction, actor: Actor): void {
  const rule = ACTION_RULES[action.type];
  if (state.stage === 'archived') {
    throw violation('case_closed', '该案件已归档，不能再操作', 'the case is archived');
  }
  if (!rule.roles.includes(actor.role)) {
    throw violation('role_not_permitted', `${USER_ROLE_LABELS[actor.role]}无权“${rule.label}”`, `role ${actor.role} may not ${action.type}`, {
      allowedRoles: rule.roles,
    });
  }
  if (!isInScope(actor.scope, state.org)) {
    throw violation('out_of_scope', `${state.org.name}不在您的管辖范围（${describeScope(actor.scope)}）内`, 'the case is outside your scope');
  }
  if (!rule.stages.includes(state.stage)) {
    throw violation('wrong_stage', `当前处于“${STAGE_LABELS[state.stage]}”阶段，不能“${rule.label}”`, `${action.type} is not allowed in stage ${state.stage}`, {
      stage: state.stage,
      allowedStages: rule.stages,
    });
  }
  if (actor.role === 'branch_secretary' && actor.userId !== state.org.secretary.personId) {
    throw violation('wrong_person', `只有本支部书记${state.org.secretary.name}可以“${rule.label}”`, 'only this branch’s own secretary may do this');
  }
  if (actor.role === 'assigned_leader' && !state.team.some((member) => member.personId === actor.userId)) {
    throw violation('wrong_person', '您不是该组织的包抓责任人', 'you are not on this case’s assigned team');
  }
}

/** Applies a person's action. Throws RuleViolation and leaves `state` untouched when refused. */
export function decide(state: CaseState, action: CaseAction, actor: Actor, ctx: ActionContext): Outcome {
  authorize(state, action, actor);
  const draft = startDraft(state, actorRef(actor), ctx);
  switch (action.type) {
    case 'assignTeam':
      assignTeam(draft, action.members);
      break;
    case 'submitPlan':
      submitPlan(draft, action.measures);
      break;
    case 'returnPlan':
      returnPlan(draft, action.reasons);
      break;
    case 'approvePlan':
      approvePlan(draft, action.comment);
      break;
    case 'addMeasures':
      addMeasures(draft, action.measures);
      break;
    case 'completeMeasure':
      completeMeasure(draft, action.measureId, action.evidence);
      break;
    case 'reportProgress':
      reportProgress(draft, action.summary);
      break;
    case 'submitExplanation':
      submitExplanation(draft, action.dueItemKey, action.explanation);
      break;
    case 'startPublicity':
      startPublicity(draft);
      break;
    case 'resolveObjection':
      resolveObjection(draft, action.objectionId, action.decision, action.reason);
      break;
    case 'recordPreliminaryAcceptance':
      recordPreliminaryAcceptance(draft, action.checks, action.opinion);
      break;
    case 'recordCountyAcceptance':
      recordCountyAcceptance(draft, action.checks, action.opinion, action.survey);
      break;
    case 'recordFollowUpReview':
      recordFollowUpReview(draft, action.checks, action.opinion, action.reboundedProblemIds ?? [], action.newProblems ?? [], action.nextCampaign);
      break;
    default: {
      const unknown: never = action;
      throw violation('invalid_input', '未知的操作', `unknown action ${(unknown as { type: string }).type}`);
    }
  }
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
