/**
 * Names for the API's answers and requests, all taken from schema.gen.ts (generated from the API's
 * OpenAPI document): when a DTO changes, the UI stops compiling where it no longer fits.
 */
import type { CaseActionType, CaseState, CommitteeDecisionRecord, CommitteeGrade, CommitteeThresholds, NoticeContent, TownshipRank } from '@zhengdun/domain';
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];

export type CampaignView = Schemas['CampaignView'];
export type CampaignListView = Schemas['CampaignListView'];
export type CampaignStatusView = Schemas['CampaignStatusView'];
export type CampaignProgressView = Schemas['CampaignProgressView'];
export type AuditVerifyView = Schemas['AuditVerifyView'];
export type AuditEntryView = Schemas['AuditEntryView'];
export type AuditEntryPageView = Schemas['AuditEntryPageView'];
export type ScreeningUploadView = Schemas['ScreeningUploadView'];
export type ImportProgressView = Schemas['ImportProgressView'];
export type CreateCampaignRequest = Schemas['CreateCampaignDto'];
export type OpenCaseRequest = Schemas['OpenCaseDto'];
export type OpenedCaseView = Schemas['OpenedCaseView'];

export type CaseSummaryView = Schemas['CaseSummaryView'];
export type CaseListView = Schemas['CaseListView'];
export type CaseListQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type CaseSortKey = NonNullable<CaseListQuery['sort']>;

/**
 * The case as GET /cases/:caseId and the actions answer it. The OpenAPI document describes its
 * nested objects (org, plan, measures …) only as free-form objects, so the domain's CaseState
 * types every field they share; what only the API adds keeps its generated type.
 */
export type CaseStateView = Omit<Schemas['CaseStateView'], keyof CaseState> & Omit<CaseState, 'timeline'>;

/** The case for the domain's helpers (currentMeasures, problemStatus …), which do not read the timeline. */
export function asCaseState(view: CaseStateView): CaseState {
  return { ...view, timeline: [] };
}
export type TimelineRowView = Schemas['TimelineRowView'];
export type CaseDetailView = Omit<Schemas['CaseDetailView'], 'case'> & { case: CaseStateView };

/** The body POST /cases/:caseId/actions/<type> takes. */
export type ActionRequestBody<T extends CaseActionType> = NonNullable<
  paths[`/cases/{caseId}/actions/${T}`]['post']['requestBody']
>['content']['application/json'];

export type DashboardSummaryView = Schemas['DashboardSummaryView'];
export type TodoListView = Schemas['TodoListView'];
export type PlanWarningListView = Schemas['PlanWarningListView'];
export type TodoView = Schemas['TodoView'];
export type NoticeView = Omit<Schemas['NoticeView'], 'content'> & { content: NoticeContent };
export type NoticeListView = { items: NoticeView[] };
export type TownshipRankingView = { ranking: TownshipRank[] };
export type IssueNoticeRequest = Schemas['IssueNoticeDto'];
export type SpotCheckView = Schemas['SpotCheckView'];
export type SpotCheckItemView = Schemas['SpotCheckItemView'];
export type SpotCheckListView = Schemas['SpotCheckListView'];
export type DrawSpotCheckRequest = Schemas['DrawSpotCheckDto'];
export type RecordSpotCheckResultRequest = Schemas['RecordSpotCheckResultDto'];
export type DecideCommitteeRequest = Schemas['DecideCommitteeDto'];
export interface CommitteeAccountabilityRow {
  figures: TownshipRank;
  reached: CommitteeGrade[];
  proposed?: CommitteeGrade;
  decisions: CommitteeDecisionRecord[];
}
export interface CommitteeAccountabilityView {
  thresholds: CommitteeThresholds;
  townships: CommitteeAccountabilityRow[];
}

export type PublicNoticeView = Schemas['PublicNoticeView'];
export type SignalReceivedView = Schemas['SignalReceivedView'];

export type DevTokenView = Schemas['DevTokenView'];
export type DevTokenListView = Schemas['DevTokenListView'];
export type DevTokenRequest = Schemas['DevTokenRequestDto'];

export type InboxView = Schemas['InboxView'];
export type InboxItemView = Schemas['InboxItemView'];
export type MarkReadRequest = Schemas['MarkReadDto'];
export type MarkReadView = Schemas['MarkReadView'];
export type RobotsView = Schemas['RobotsView'];
export type SaveRobotsRequest = Schemas['SaveRobotsDto'];
export type HolidayCalendarView = Schemas['HolidayCalendarView'];
export type HolidayYearView = Schemas['HolidayYearView'];
export type SaveHolidayArrangementRequest = Schemas['SaveHolidayArrangementDto'];
