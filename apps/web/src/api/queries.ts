/**
 * Every read of the API as a TanStack Query: one cache, keyed by what was asked. Pages that show
 * live data poll with `refetchInterval` (paused while the tab is hidden, TanStack's default), a
 * failed poll keeps the last answer and reports the error, and an action refetches the case it
 * changed by invalidating its key.
 */
import { QueryClient, keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiProblem, apiGet, casePath, publicCasePath, queryString } from './http';
import type { CampaignView, CampaignListView, CaseDetailView, CaseListQuery, CaseListView, DashboardSummaryView, DevTokenListView, PublicNoticeView, TodoListView, NoticeListView, TownshipRankingView, CommitteeAccountabilityView, InboxView, PlanWarningListView, RobotsView, HolidayCalendarView, SpotCheckListView } from './views';

/** Poll intervals: what another supervisor did shows within one interval, without reloading. */
export const POLL_MS = { case: 2000, overview: 2000, caseList: 5000, townships: 60_000, publicNotice: 30_000, todos: 10_000, notifications: 10_000 } as const;

export const queryKeys = {
  case: (caseId: string) => ['case', caseId] as const,
  caseList: (query: CaseListQuery) => ['cases', query] as const,
  dashboard: (campaignId: string | undefined) => ['dashboard', campaignId ?? null] as const,
  campaigns: ['campaigns'] as const,
  publicNotice: (caseId: string) => ['public-case', caseId] as const,
  devTokens: ['dev-tokens'] as const,
  todos: ['todos'] as const,
  planWarnings: (caseId: string) => ['plan-warnings', caseId] as const,
  notices: (campaignId: string) => ['notices', campaignId] as const,
  spotChecks: (campaignId: string) => ['spot-checks', campaignId] as const,
  caseSpotChecks: (caseId: string) => ['case-spot-checks', caseId] as const,
  ranking: (campaignId: string) => ['ranking', campaignId] as const,
  committees: (campaignId: string) => ['committee-accountability', campaignId] as const,
  /** Every inbox query starts with this: marking read invalidates them all (the pages and the menu's count). */
  notifications: ['notifications'] as const,
  inbox: (page: number, pageSize: number) => ['notifications', page, pageSize] as const,
  robots: ['notification-robots'] as const,
  holidays: ['holiday-calendar'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (4xx) stays a refusal; a network failure or 5xx is tried again (polls retry anyway).
        retry: (failures, error) => failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
      },
    },
  });
}

export function useCaseDetail(caseId: string) {
  return useQuery({
    queryKey: queryKeys.case(caseId),
    queryFn: ({ signal }) => apiGet<CaseDetailView>(casePath(caseId), { signal }),
    refetchInterval: POLL_MS.case,
  });
}

/** What the approver should see before approving a plan (vague measures, a near-identical plan). */
export function usePlanWarnings(caseId: string) {
  return useQuery({
    queryKey: queryKeys.planWarnings(caseId),
    queryFn: ({ signal }) => apiGet<PlanWarningListView>(`${casePath(caseId)}/plan-warnings`, { signal }),
  });
}

/** 督查通报 of a campaign, the newest first. */
export function useNotices(campaignId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.notices(campaignId ?? ''),
    queryFn: ({ signal }) => apiGet<NoticeListView>(`/campaigns/${encodeURIComponent(campaignId!)}/notices`, { signal }),
    enabled: campaignId !== undefined,
  });
}

/** 抽查 of a campaign: the samples drawn of the townships' results and the county's re-checks. */
export function useSpotChecks(campaignId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.spotChecks(campaignId ?? ''),
    queryFn: ({ signal }) => apiGet<SpotCheckListView>(`/campaigns/${encodeURIComponent(campaignId!)}/spot-checks`, { signal }),
    enabled: campaignId !== undefined,
  });
}

/** 抽查复核 of one case: the spot-checks whose sample holds it (asked only by the roles that see spot-checks). */
export function useCaseSpotChecks(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.caseSpotChecks(caseId),
    queryFn: ({ signal }) => apiGet<SpotCheckListView>(`${casePath(caseId)}/spot-checks`, { signal }),
    enabled,
  });
}

/** The townships of a campaign ranked (as a notice would rank them now). */
export function useTownshipRanking(campaignId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.ranking(campaignId ?? ''),
    queryFn: ({ signal }) => apiGet<TownshipRankingView>(`/campaigns/${encodeURIComponent(campaignId!)}/ranking`, { signal }),
    enabled: campaignId !== undefined,
    refetchInterval: POLL_MS.townships,
  });
}

/** 乡镇党委分级问责: grades reached, the one proposed, the county's decisions. */
export function useCommitteeAccountability(campaignId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.committees(campaignId ?? ''),
    queryFn: ({ signal }) => apiGet<CommitteeAccountabilityView>(`/campaigns/${encodeURIComponent(campaignId!)}/committee-accountability`, { signal }),
    enabled: campaignId !== undefined,
    refetchInterval: POLL_MS.townships,
  });
}

/** 我的待办: also behind the menu's count, so one poll serves both. */
export function useTodos(enabled = true) {
  return useQuery({
    queryKey: queryKeys.todos,
    queryFn: ({ signal }) => apiGet<TodoListView>('/me/todos', { signal }),
    enabled,
    refetchInterval: POLL_MS.todos,
  });
}

export function useCaseList(query: CaseListQuery, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: ({ signal }) => apiGet<CaseListView>(`/cases${queryString({ ...query })}`, { signal }),
    enabled,
    refetchInterval: POLL_MS.caseList,
    // Another page or filter keeps the table filled until its rows arrive.
    placeholderData: keepPreviousData,
  });
}

export function useDashboardSummary(campaignId: string | undefined, enabled: boolean, refetchInterval: number) {
  return useQuery({
    queryKey: queryKeys.dashboard(campaignId),
    queryFn: ({ signal }) => apiGet<DashboardSummaryView>(`/dashboard/summary${queryString({ campaignId })}`, { signal }),
    enabled,
    refetchInterval,
  });
}

export function useCampaignList() {
  return useQuery({
    queryKey: queryKeys.campaigns,
    queryFn: ({ signal }) => apiGet<CampaignListView>('/campaigns', { signal }),
    select: (list): CampaignView[] => list.items,
  });
}

export function usePublicNotice(caseId: string) {
  return useQuery({
    queryKey: queryKeys.publicNotice(caseId),
    queryFn: ({ signal }) => apiGet<PublicNoticeView>(publicCasePath(caseId), { anonymous: true, signal }),
    refetchInterval: POLL_MS.publicNotice,
  });
}

/** The development identities (GET /dev/tokens): absent (404) outside development mode. */
export function useDevTokens() {
  return useQuery({
    queryKey: queryKeys.devTokens,
    queryFn: ({ signal }) => apiGet<DevTokenListView>('/dev/tokens', { anonymous: true, signal }),
    retry: false,
    staleTime: Infinity,
  });
}

/** 我的通知, one page, newest first; the menu's unread count reads the same answer (`unread`). */
export function useInbox(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.inbox(page, pageSize),
    queryFn: ({ signal }) => apiGet<InboxView>(`/me/notifications${queryString({ page, pageSize })}`, { signal }),
    enabled,
    refetchInterval: POLL_MS.notifications,
    placeholderData: keepPreviousData,
  });
}

/** The county's work-chat robots (tokens masked, no secrets). */
export function useRobots(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.robots,
    queryFn: ({ signal }) => apiGet<RobotsView>('/notifications/robots', { signal }),
    enabled,
  });
}

/** 节假日安排: where each year's working days come from, and the years deadlines need that have none. */
export function useHolidayCalendar() {
  return useQuery({
    queryKey: queryKeys.holidays,
    queryFn: ({ signal }) => apiGet<HolidayCalendarView>('/calendar/holidays', { signal }),
    staleTime: 60_000,
  });
}
