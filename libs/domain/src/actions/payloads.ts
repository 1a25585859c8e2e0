/** What the actions carry, as the lifecycle steps take it. */
import type { CampaignRef } from '../case-state';
import type { CampaignPolicy } from '../policy';

/** A measure as the branch secretary drafts it: one concrete step against one problem. */
/** 深挖问题根源 (seed 000): why a problem arose, in the branch's words, sent with its plan. */
export interface RootCauseDraft {
  problemId: string;
  cause: string;
}

export interface MeasureDraft {
  problemId: string;
  description: string;
  ownerId: string;
  ownerName: string;
  /** ISO 8601 instant. */
  dueAt: string;
}

export interface AcceptanceChecks {
  /** 看台账: are the measures sound and concrete? */
  ledger: boolean;
  /** 看方案: was the plan carried out strictly? */
  plan: boolean;
  /** 看成效: do the public know, and are they satisfied? */
  results: boolean;
}

export interface ReviewChecks {
  /** 整改措施是否落实 */
  measuresCarriedOut: boolean;
  /** 长效机制是否发挥作用 */
  mechanismsWorking: boolean;
  /** 承诺实事是否兑现 */
  promisesDelivered: boolean;
  /** 不合格党员是否处置 */
  unqualifiedMembersHandled: boolean;
  /** 限期整改的问题是否整改到位 (002): answered where the case had problems given a deadline. */
  deadlineProblemsSolved?: boolean;
}

/** 回头看: what was found for each check, in words (required for a check that failed). */
export type ReviewFindings = Partial<Record<keyof ReviewChecks, string>>;

export type SatisfactionLevel = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** The campaign a follow-up review rolls its open problems into. */
export interface NextCampaign {
  campaign: CampaignRef;
  policy: CampaignPolicy;
}
