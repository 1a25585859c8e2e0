/**
 * How the outside talks to a campaign (整顿批次) workflow: its input and its queries. Workflow-safe.
 * One workflow per campaign, id `campaign:<id>`: it counts down to the hard end date on durable
 * timers, sends the county a progress summary on the policy's `summaryCadence`, and at the end date
 * escalates every case that is still not delisted.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CampaignPolicy, CampaignRef, Stage } from '@zhengdun/domain';

export function campaignWorkflowId(campaignId: string): string {
  return `campaign:${campaignId}`;
}

export interface CampaignWorkflowInput {
  campaign: CampaignRef;
  /** The campaign's policy; `summaryCadence` (optional) sets how often the county gets a summary, default monthly. */
  policy: CampaignPolicy;
  /** Carried across continue-as-new. */
  resume?: CampaignProgress;
}

/** Progress figures of one campaign, as the county receives them (进展汇总). */
export interface CampaignSummary {
  campaignId: string;
  /** 1 for the first cadence period after the start, 2 for the next … */
  periodNo: number;
  /** When the figures were read. */
  at: string;
  total: number;
  byStage: Record<Stage, number>;
  /** Not yet delisted (stage before 已销号). */
  unfinished: number;
  overdue: number;
  /** Cases at each escalation level: 1 说明原因, 2 约谈, 3 组织处理. */
  escalations: { explanationRequested: number; talk: number; organizationalHandling: number };
  /** Admonishment talks held, summed over the cases. */
  talks: number;
  /** Delisted or later (转化). */
  converted: number;
  /** converted / total; null with no cases. */
  conversionRate: number | null;
  daysLeft: number;
  /** The outbox key of the notification: `campaign:<id>:summary:<periodNo>`. */
  notificationKey: string;
}

export interface CampaignEndReport {
  endedAt: string;
  /** Cases not delisted at the end date, as the read model listed them. */
  unfinished: number;
  /** Cases signalled `campaignEnded` (each raises its escalation once). */
  escalated: number;
  notificationKey: string;
}

export interface CampaignProgress {
  startedAt: string;
  summariesSent: number;
  /** The next summary due, or null when none falls before the end date. */
  nextSummary: { periodNo: number; at: string } | null;
  lastSummary: CampaignSummary | null;
  /** Paging through the unfinished cases at the end date (resumable across continue-as-new). */
  escalation: { afterCaseId: string | null; escalated: number } | null;
  end: CampaignEndReport | null;
}

export interface CampaignStatus {
  campaign: CampaignRef;
  startedAt: string;
  /** Whole days until the end date (0 once passed), as of `asOf`. */
  daysLeft: number;
  /** The workflow's clock at its last activation: it wakes at least daily. */
  asOf: string;
  summariesSent: number;
  nextSummaryAt: string | null;
  lastSummary: CampaignSummary | null;
  ended: boolean;
  end: CampaignEndReport | null;
}

export type CampaignResult = CampaignEndReport & { campaignId: string; summariesSent: number };

export const campaignDaysLeftQuery = defineQuery<number>('daysLeft');
export const campaignLastSummaryQuery = defineQuery<CampaignSummary | null>('lastSummary');
export const campaignStatusQuery = defineQuery<CampaignStatus>('campaignStatus');
