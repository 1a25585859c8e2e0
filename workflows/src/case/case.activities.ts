/** What the case workflow asks of the outside world. Implemented in libs/activities; all I/O. */
import type { Actor, CampaignPolicy, CaseNotification, CaseState, CaseSummary, DueDates, OpenCaseInput, TimelineEntry } from '@zhengdun/domain';

export interface CaseProjection {
  /** The case without its timeline (the timeline goes row by row into `events`). */
  state: Omit<CaseState, 'timeline'>;
  summary: CaseSummary;
  /** Timeline entries not yet projected. */
  events: TimelineEntry[];
  /** Monotonic per case across continue-as-new: an older write never overwrites a newer one. */
  revision: number;
}

export interface CaseActivities {
  /** Upserts the read model, idempotent under retry (keyed by case and revision / event seq). */
  projectCase(projection: CaseProjection): Promise<void>;
  /** Puts notifications into the outbox; a key already there is ignored. */
  enqueueNotifications(notifications: CaseNotification[]): Promise<void>;
  /** Both of the above in one transaction: the local activity every change ends with. */
  persistCaseChanges(changes: { projection: CaseProjection; notifications: CaseNotification[] }): Promise<void>;
}

export interface CalendarActivities {
  /** Due dates of every policy period counted from `now`, working days on the Chinese calendar. */
  dueDatesFrom(now: string, policy: CampaignPolicy): Promise<DueDates>;
}

export interface RolloverRequest {
  input: OpenCaseInput;
  openedBy: Actor;
}

export interface RolloverResult {
  caseId: string;
  /** false when the organization already had a case in that campaign (it is linked, not reopened). */
  created: boolean;
}

export interface RolloverActivities {
  /** Opens the next campaign's case of a rollover (滚动整顿); idempotent: a case already there is reported, not an error. */
  openRolloverCase(request: RolloverRequest): Promise<RolloverResult>;
}
