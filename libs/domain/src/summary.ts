/** Flat views of a case: for the read model, search attributes, dashboards and the public notice. */
import { currentMeasures, openProblems, problemStatus, satisfactionRate, type CaseState } from './case-state';
import { dueItems, isOverdue } from './lifecycle/escalation';
import { publicAudienceOf, type OrgDomain, type PublicAudience } from './organization';
import type { EscalationLevel } from './case-state';
import { STAGES, type Stage } from './stages';

export interface CaseSummary {
  caseId: string;
  campaignId: string;
  county: string;
  orgCode: string;
  orgName: string;
  domain: OrgDomain;
  township: string;
  isKeyVillage: boolean;
  stage: Stage;
  round: number;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  talks: number;
  organizationalHandling: boolean;
  problemCount: number;
  openProblemCount: number;
  measureCount: number;
  /** Verified (or, on older cases, completed): what counts as done. */
  measuresDone: number;
  /** 已报告待核验: reported done by the branch, not yet verified by the committee. */
  measuresReported: number;
  /** Everyone named on the case: the secretary, the team and measure owners. */
  personIds: string[];
  satisfactionRate: number | null;
  nextDueAt: string | null;
  stageEnteredAt: string;
  delistedAt: string | null;
  createdAt: string;
  updatedAt: string;
  seq: number;
}

export function summarize(state: CaseState, now: string): CaseSummary {
  const measures = currentMeasures(state);
  const due = dueItems(state).map((item) => item.dueAt).sort();
  const lastChange = state.history[state.history.length - 1];
  const delisting = [...state.history].reverse().find((change) => change.to === 'delisted');
  const personIds = new Set<string>([state.org.secretary.personId, ...state.team.map((m) => m.personId), ...measures.map((m) => m.ownerId)]);
  return {
    caseId: state.caseId,
    campaignId: state.campaign.id,
    county: state.org.county,
    orgCode: state.org.code,
    orgName: state.org.name,
    domain: state.org.domain,
    township: state.org.township,
    isKeyVillage: state.org.isKeyVillage,
    stage: state.stage,
    round: state.round,
    overdue: isOverdue(state, now),
    escalationLevel: state.escalation.level,
    talks: state.escalation.talks,
    organizationalHandling: state.escalation.organizationalHandling,
    problemCount: state.problems.length,
    openProblemCount: openProblems(state).length,
    measureCount: measures.length,
    measuresDone: measures.filter((m) => m.status === 'done').length,
    measuresReported: measures.filter((m) => m.status === 'reported').length,
    personIds: [...personIds],
    satisfactionRate: satisfactionRate(state.satisfaction) ?? null,
    nextDueAt: due[0] ?? null,
    stageEnteredAt: lastChange?.at ?? state.createdAt,
    delistedAt: delisting?.at ?? null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    seq: state.seq,
  };
}

/** Milliseconds spent in each stage so far (the current stage counted up to `now`). */
export function stageDurations(state: CaseState, now: string): Partial<Record<Stage, number>> {
  const durations: Partial<Record<Stage, number>> = {};
  state.history.forEach((change, index) => {
    const end = state.history[index + 1]?.at ?? (change.to === 'archived' ? change.at : now);
    durations[change.to] = (durations[change.to] ?? 0) + (Date.parse(end) - Date.parse(change.at));
  });
  return durations;
}

export const STAGE_ORDER: Record<Stage, number> = Object.fromEntries(STAGES.map((stage, index) => [stage, index])) as Record<Stage, number>;

/** What the public may see (公示): the plan, the progress, the results; nobody's objections or ratings. */
export interface PublicNotice {
  caseId: string;
  orgName: string;
  township: string;
  stage: Stage;
  round: number;
  problems: { id: string; description: string; status: string }[];
  measures: { id: string; problemId: string; description: string; ownerName: string; dueAt: string; status: string; completedAt?: string; reportedAt?: string }[];
  planPublicizedAt: string | null;
  publicity: { startedAt: string; endsAt: string } | null;
  objectionsReceived: number;
  objectionsResolved: number;
  acceptingObjections: boolean;
  acceptingRatings: boolean;
  results: { level: 'preliminary' | 'county'; at: string; passed: boolean }[];
  /** Whom the page addresses: 党员群众, or 党员职工 for an enterprise. */
  audience: PublicAudience;
}

export function publicNotice(state: CaseState): PublicNotice | null {
  // Nothing is public until a plan has been approved and posted.
  if (!state.history.some((change) => change.to === 'remediating')) return null;
  return {
    caseId: state.caseId,
    orgName: state.org.name,
    township: state.org.township,
    stage: state.stage,
    round: state.round,
    audience: publicAudienceOf(state.org.domain),
    problems: state.problems.map((problem) => ({ id: problem.id, description: problem.description, status: problemStatus(state, problem) })),
    measures: currentMeasures(state).map((measure) => ({
      id: measure.id,
      problemId: measure.problemId,
      description: measure.description,
      ownerName: measure.ownerName,
      dueAt: measure.dueAt,
      status: measure.status,
      ...(measure.completedAt ? { completedAt: measure.completedAt } : {}),
      ...(measure.status === 'reported' && measure.report ? { reportedAt: measure.report.at } : {}),
    })),
    planPublicizedAt: state.plan.publicizedAt ?? null,
    publicity: state.publicity ? { startedAt: state.publicity.startedAt, endsAt: state.publicity.endsAt } : null,
    objectionsReceived: state.objections.length,
    objectionsResolved: state.objections.filter((o) => o.status !== 'open').length,
    acceptingObjections: state.stage === 'publicizing',
    acceptingRatings: ['publicizing', 'preliminary_acceptance', 'county_acceptance'].includes(state.stage),
    results: state.acceptances.map((a) => ({ level: a.level, at: a.at, passed: a.passed })),
  };
}
