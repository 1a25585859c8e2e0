/** What the campaign workflow asks of the outside world. Implemented in libs/activities. */
import type { CampaignRef, Period } from '@zhengdun/domain';
import type { CampaignSummary } from './campaign.messages';

export interface CampaignSummaryRequest {
  campaign: CampaignRef;
  periodNo: number;
}

export interface UnfinishedPageRequest {
  campaign: CampaignRef;
  /** Exclusive: the last case id of the previous page, or null for the first page. */
  afterCaseId: string | null;
  limit: number;
}

export interface UnfinishedPageResult {
  /** Cases on this page (stage before 已销号). */
  listed: number;
  /** Of them, signalled (a case whose workflow has closed cannot be). */
  signalled: number;
  /** Null when there are no more pages. */
  lastCaseId: string | null;
}

export interface CampaignActivities {
  /** Reads the campaign's figures from the read model and writes the county's summary into the outbox (key per campaign and period). */
  sendCampaignSummary(request: CampaignSummaryRequest): Promise<CampaignSummary>;
  /** Signals `campaignEnded` to one page of unfinished cases; idempotent (a case records it once). */
  escalateUnfinishedCases(request: UnfinishedPageRequest): Promise<UnfinishedPageResult>;
  /** Writes the county's end-date notice listing every unfinished case; once per campaign. */
  sendCampaignEndNotice(request: { campaign: CampaignRef; escalated: number }): Promise<{ unfinished: number; notificationKey: string }>;
  /** `from` plus a period; working days on the Chinese statutory calendar. */
  addCampaignPeriod(from: string, period: Period): Promise<string>;
}
