import type { CaseState } from '@zhengdun/domain';
import type { CaseEventEntity, CaseRecordEntity } from '@zhengdun/persistence';
import type { CaseStateView, CaseSummaryView, TimelineRowView } from './dto/case-view.dto';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/** The state as the API shows it: without the timeline, which is served from the read model. */
export function toCaseStateView(state: CaseState | Omit<CaseState, 'timeline'>): CaseStateView {
  const { timeline: _timeline, ...rest } = state as CaseState;
  return rest as CaseStateView;
}

export function toCaseSummaryView(row: CaseRecordEntity): CaseSummaryView {
  return {
    caseId: row.caseId,
    campaignId: row.campaignId,
    county: row.county,
    orgCode: row.orgCode,
    orgName: row.orgName,
    domain: row.domain,
    township: row.township,
    isKeyVillage: row.isKeyVillage,
    stage: row.stage,
    round: row.round,
    overdue: row.overdue,
    escalationLevel: Number(row.escalationLevel),
    talks: row.talks,
    organizationalHandling: row.organizationalHandling,
    problemCount: row.problemCount,
    openProblemCount: row.openProblemCount,
    measureCount: row.measureCount,
    measuresDone: row.measuresDone,
    measuresReported: row.measuresReported,
    satisfactionRate: row.satisfactionRate,
    nextDueAt: iso(row.nextDueAt),
    stageEnteredAt: iso(row.stageEnteredAt)!,
    delistedAt: iso(row.delistedAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    seq: row.seq,
  };
}

export function toTimelineRowView(row: CaseEventEntity): TimelineRowView {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    type: row.type,
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    summary: row.summary,
  };
}
