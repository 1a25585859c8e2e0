import type { UserRole } from './roles';

export type Recipient =
  | { kind: 'person'; personId: string; name: string }
  | { kind: 'role'; role: UserRole; scope: string };

export const NOTIFICATION_KINDS = [
  'reminder',
  'explanation_requested',
  'talk',
  'organizational_handling',
  'talk_proposed',
  'talk_recorded',
  'organizational_handling_proposed',
  'organizational_handling_decided',
  'plan_submitted',
  'progress_reported',
  'plan_returned',
  'plan_approved',
  'publicity_started',
  'objection_received',
  'acceptance_failed',
  'delisted',
  'review_due',
  'case_reopened',
  'case_rolled_over',
  'campaign_summary',
  'campaign_ended',
  'measure_reported',
  'measure_returned',
  'secretary_replaced',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A message the case owes someone. `key` is unique per event: the outbox sends each key once.
 * Campaign-level messages (summaries, the end-date list) carry the campaign's workflow id,
 * `campaign:<id>`, as `caseId`.
 */
export interface CaseNotification {
  key: string;
  caseId: string;
  kind: NotificationKind;
  recipients: Recipient[];
  title: string;
  body: string;
  at: string;
}
