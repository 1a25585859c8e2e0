/**
 * How the outside talks to a case: one Update per supervisor action (validated before it is
 * recorded), Signals for the public's objections and ratings, and a Query for the whole state.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CASE_ACTION_TYPES,
  type Actor,
  type CampaignEndedSignal,
  type CaseAction,
  type CaseActionType,
  type CaseNotification,
  type CaseState,
  type OpenCaseInput,
  type PublicNotice,
  type SatisfactionLevel,
} from '@zhengdun/domain';
import type { ActorSignature } from './actor-signature';

export interface ActionCommand<T extends CaseActionType = CaseActionType> {
  actor: Actor;
  action: Extract<CaseAction, { type: T }>;
  /** The API's signature over actor and action; the workflow refuses a command without a valid one. */
  signature?: ActorSignature;
}

/**
 * What an accepted action answers: the new state without its timeline. The timeline only grows, it
 * is in the read model and the caseState query, and every Update's result is kept in the history.
 */
export type CaseSnapshot = Omit<CaseState, 'timeline'>;

export type CaseUpdate<T extends CaseActionType = CaseActionType> = UpdateDefinition<CaseSnapshot, [ActionCommand<T>], T>;

export const caseUpdates = Object.fromEntries(CASE_ACTION_TYPES.map((type) => [type, defineUpdate<CaseSnapshot, [ActionCommand]>(type)])) as {
  [T in CaseActionType]: CaseUpdate<T>;
};

export interface ObjectionSignal {
  objectionId: string;
  content: string;
}
export interface RatingSignal {
  ratingId: string;
  level: SatisfactionLevel;
}

export const raiseObjectionSignal = defineSignal<[ObjectionSignal]>('raiseObjection');
export const rateSatisfactionSignal = defineSignal<[RatingSignal]>('rateSatisfaction');
/** From the campaign workflow at its end date: an unfinished case must explain why (once per campaign). */
export const campaignEndedSignal = defineSignal<[CampaignEndedSignal]>('campaignEnded');
export type { CampaignEndedSignal };

export const caseStateQuery = defineQuery<CaseState>('caseState');
export const publicNoticeQuery = defineQuery<PublicNotice | null>('publicNotice');

/** Error type of a refused action: details[0] is { code, messageZh, messageEn, details }. */
export const RULE_VIOLATION_FAILURE = 'RuleViolation';

export interface CaseWorkflowInput {
  /** A new case: opened by this actor. */
  open?: { input: OpenCaseInput; openedBy: Actor };
  /**
   * Carried across continue-as-new. `projectedRevision` and `outbox` when a run ended with its changes
   * not yet written (Postgres down): the next run writes them; absent, everything was written.
   */
  resume?: { state: CaseState; revision: number; projectedSeq: number; deadlineClock?: number; projectedRevision?: number; outbox?: CaseNotification[] };
  /** Continue-as-new after this many history events (tests lower it). */
  maxHistoryEvents?: number;
  /** While Postgres is unreachable: how long one write is retried, then how long the case pauses before the next (tests shorten both). */
  outage?: { writeWindowMs: number; firstPauseMs: number; maxPauseMs: number };
}
