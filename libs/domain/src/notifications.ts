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
  'problems_reopened',
  'measures_added',
  'measures_approved',
  'rectification_deadline_needed',
  'rectification_deadline_set',
  'supervision_recorded',
  'review_recorded',
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

/** What each notification is, as the inbox and the work-chat robots name it. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  reminder: '到期提醒',
  explanation_requested: '逾期说明要求',
  talk: '约谈通知',
  organizational_handling: '提请组织处理',
  talk_proposed: '提请约谈',
  talk_recorded: '约谈已记录',
  organizational_handling_proposed: '提请组织处理',
  organizational_handling_decided: '组织处理决定',
  plan_submitted: '整顿方案待审批',
  progress_reported: '整顿进展汇报',
  measure_reported: '整改措施待核验',
  measure_returned: '整改措施核验退回',
  secretary_replaced: '支部书记调整',
  problems_reopened: '限期整改问题',
  measures_added: '补充措施待批准',
  measures_approved: '补充措施已批准',
  rectification_deadline_needed: '待设定整改期限',
  rectification_deadline_set: '整改期限已设定',
  supervision_recorded: '督导检查情况',
  plan_returned: '整顿方案退回',
  plan_approved: '整顿方案通过',
  publicity_started: '公示开始',
  objection_received: '收到异议',
  acceptance_failed: '验收未通过',
  delisted: '销号',
  review_due: '回头看到期',
  review_recorded: '回头看结果',
  case_reopened: '整顿对象重新整顿',
  case_rolled_over: '转入下一批次',
  campaign_summary: '整顿进展汇总',
  campaign_ended: '整顿批次结束',
};
