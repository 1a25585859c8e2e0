/**
 * Every action a person takes on a case, by name: the one list the workflow's Updates, the API's
 * endpoints and the UI's forms are generated from. Adding an action: a definition file beside this
 * one, its line here, and its form in the web app.
 */
import type { z } from 'zod';
import { addMeasuresAction } from './add-measures';
import { approveMeasuresAction } from './approve-measures';
import { approvePlanAction } from './approve-plan';
import { assignTeamAction } from './assign-team';
import { completeMeasureAction } from './complete-measure';
import { decideHandlingAction } from './decide-handling';
import { declineTalkAction } from './decline-talk';
import type { ActionDefinition } from './definition';
import { recordCountyAcceptanceAction } from './record-county-acceptance';
import { recordFollowUpReviewAction } from './record-follow-up-review';
import { recordPreliminaryAcceptanceAction } from './record-preliminary-acceptance';
import { recordSupervisionAction } from './record-supervision';
import { recordTalkAction } from './record-talk';
import { replaceSecretaryAction } from './replace-secretary';
import { reportMeasureDoneAction } from './report-measure-done';
import { reportProgressAction } from './report-progress';
import { resolveObjectionAction } from './resolve-objection';
import { returnPlanAction } from './return-plan';
import { setRectificationDeadlineAction } from './set-rectification-deadline';
import { reviewExplanationAction } from './review-explanation';
import { startPublicityAction } from './start-publicity';
import { submitExplanationAction } from './submit-explanation';
import { submitPlanAction } from './submit-plan';
import { verifyMeasureAction } from './verify-measure';

export const CASE_ACTIONS = {
  assignTeam: assignTeamAction,
  submitPlan: submitPlanAction,
  returnPlan: returnPlanAction,
  approvePlan: approvePlanAction,
  addMeasures: addMeasuresAction,
  approveMeasures: approveMeasuresAction,
  completeMeasure: completeMeasureAction,
  reportMeasureDone: reportMeasureDoneAction,
  verifyMeasure: verifyMeasureAction,
  reportProgress: reportProgressAction,
  submitExplanation: submitExplanationAction,
  startPublicity: startPublicityAction,
  resolveObjection: resolveObjectionAction,
  recordPreliminaryAcceptance: recordPreliminaryAcceptanceAction,
  recordCountyAcceptance: recordCountyAcceptanceAction,
  recordFollowUpReview: recordFollowUpReviewAction,
  recordTalk: recordTalkAction,
  declineTalk: declineTalkAction,
  decideHandling: decideHandlingAction,
  reviewExplanation: reviewExplanationAction,
  replaceSecretary: replaceSecretaryAction,
  setRectificationDeadline: setRectificationDeadlineAction,
  recordSupervision: recordSupervisionAction,
} as const satisfies { [T in string]: ActionDefinition<T> };

export type CaseActionType = keyof typeof CASE_ACTIONS;

type SchemaOutput<T extends CaseActionType> = z.output<(typeof CASE_ACTIONS)[T]['body']>;

/** What action T carries besides its type, as the workflow receives it (zod types an empty object as a string record). */
export type ActionBody<T extends CaseActionType> = string extends keyof SchemaOutput<T> ? Record<never, never> : SchemaOutput<T>;

/** Every action a person takes on a case. The workflow receives them as Updates. */
export type CaseAction = { [T in CaseActionType]: { type: T } & ActionBody<T> }[CaseActionType];

export const CASE_ACTION_TYPES = Object.keys(CASE_ACTIONS) as CaseActionType[];

export function isCaseActionType(value: unknown): value is CaseActionType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CASE_ACTIONS, value);
}

/** The definition of an action, typed loosely for code that handles every action alike. */
export function actionDefinition(type: CaseActionType): ActionDefinition<CaseActionType> {
  return CASE_ACTIONS[type] as unknown as ActionDefinition<CaseActionType>;
}

/** What a person sends for an action: its request when the API resolves part of it, else its body. */
export function requestSchema(type: CaseActionType): z.ZodObject {
  const definition = actionDefinition(type);
  return definition.request ?? definition.body;
}
