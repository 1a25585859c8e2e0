/**
 * Shapes of the API's answers (the DTOs under apps/api/src/modules), on the domain's types where the API returns
 * them as they are. Fields marked "requested" are not served yet: the UI copes when they are missing.
 */
import type { Actor, CampaignPolicy, CaseActionType, CaseState, CaseSummary, PublicNotice, Scope, UserRole } from '@zhengdun/domain';

export interface CampaignView {
  id: string;
  name: string;
  county: string;
  endsAt: string;
  policy: CampaignPolicy;
  createdBy: string;
  createdAt: string;
}

export interface CampaignListView {
  items: CampaignView[];
}

/** A row of GET /cases (CaseSummary without the person ids). */
export type CaseSummaryView = Omit<CaseSummary, 'personIds'>;

export interface CaseListView {
  items: CaseSummaryView[];
  total: number;
  page: number;
  pageSize: number;
}

export type CaseSortKey = 'updatedAt' | 'createdAt' | 'stageEnteredAt' | 'nextDueAt' | 'orgName' | 'escalationLevel' | 'stage';

export interface CaseListQuery {
  campaignId?: string;
  stage?: string;
  domain?: string;
  township?: string;
  overdue?: boolean;
  escalationLevel?: number;
  personId?: string;
  page?: number;
  pageSize?: number;
  sort?: CaseSortKey;
  order?: 'asc' | 'desc';
}

/** The case as its workflow holds it, without the timeline (GET /cases/:id → case). */
export type CaseStateView = Omit<CaseState, 'timeline'>;

export interface TimelineRowView {
  seq: number;
  at: string;
  type: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  summary: string;
}

export interface CaseDetailView {
  case: CaseStateView;
  timeline: TimelineRowView[];
  availableActions: CaseActionType[];
}

/** Requested addition to GET /dashboard/summary: ratings over the cases in scope. */
export interface DashboardSatisfaction {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basicallySatisfied) / all ratings, null with no ratings. */
  rate: number | null;
  /** Cases with at least one rating. */
  ratedCases: number;
  /** Rated cases below their campaign's satisfactionThreshold. */
  belowThreshold: number;
}

export interface DashboardSummaryView {
  total: number;
  byStage: Record<string, number>;
  byDomain: Record<string, number>;
  byTownship: Record<string, number>;
  overdue: number;
  escalationsByLevel: Record<string, number>;
  converted: number;
  conversionRate: number | null;
  averageDaysPerStage: Record<string, number>;
  generatedAt: string;
  /** Requested (not served yet). */
  satisfaction?: DashboardSatisfaction;
}

export type PublicNoticeView = PublicNotice;

export interface SignalReceivedView {
  id: string;
  status: 'received';
}

/** Requested: GET /dev/tokens and POST /dev/tokens (development sign-in). */
export interface DevTokenView {
  actor: Actor;
  token: string;
}

export interface DevTokenListView {
  items: DevTokenView[];
}

export interface DevTokenRequest {
  userId: string;
  name: string;
  role: UserRole;
  scope: Scope;
}
