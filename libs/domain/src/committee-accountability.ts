/**
 * Graded accountability of the township committees that own the weak organizations (Accountability
 * speech: 严肃批评 → 约谈并通报 → 追责). The system proposes the next grade a township's figures reach,
 * in order; the county department records what it decided for each. Nothing is decided by the system.
 */
import type { ActorRef } from './case-state';
import type { TownshipFigures } from './notices';
import type { CommitteeThresholds } from './policy';

export const COMMITTEE_GRADES = ['serious_criticism', 'talk_and_notice', 'accountability'] as const;
export type CommitteeGrade = (typeof COMMITTEE_GRADES)[number];

export const COMMITTEE_GRADE_LABELS: Record<CommitteeGrade, string> = {
  serious_criticism: '严肃批评',
  talk_and_notice: '约谈并通报',
  accountability: '追责问责',
};

export const COMMITTEE_DECISIONS = ['carried_out', 'not_warranted'] as const;
export type CommitteeDecision = (typeof COMMITTEE_DECISIONS)[number];
export const COMMITTEE_DECISION_LABELS: Record<CommitteeDecision, string> = { carried_out: '已实施', not_warranted: '经研究不予实施' };

export interface CommitteeDecisionRecord {
  township: string;
  grade: CommitteeGrade;
  decision: CommitteeDecision;
  reason: string;
  decidedBy: ActorRef;
  decidedAt: string;
}

/** The grades a township's figures reach (all up to the highest), by overdue share or talks held. */
export function gradesReached(figures: Pick<TownshipFigures, 'total' | 'overdue' | 'talks'>, thresholds: CommitteeThresholds): CommitteeGrade[] {
  const overdueShare = figures.total === 0 ? 0 : figures.overdue / figures.total;
  return COMMITTEE_GRADES.filter((_grade, index) => overdueShare >= thresholds.overdueShare[index] || figures.talks >= thresholds.talks[index]);
}

/** The grade now proposed for the county's decision: the lowest reached and not yet decided, one at a time. */
export function proposedGrade(reached: readonly CommitteeGrade[], decided: readonly CommitteeGrade[]): CommitteeGrade | undefined {
  return reached.find((grade) => !decided.includes(grade));
}
