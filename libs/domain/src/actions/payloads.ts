import type { CampaignRef } from './case-state';
import type { CampaignPolicy } from './policy';
import type { ProblemInput } from './problems';
import type { UserRole } from './roles';
import type { Stage } from './stages';
import type { TeamMember } from './team';

/** A measure as the branch secretary drafts it: one concrete step against one problem. */
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
}

export type SatisfactionLevel = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** Every action a person takes on a case, by name. The workflow receives them as Updates. */
export type CaseAction =
  | { type: 'assignTeam'; members: TeamMember[] }
  | { type: 'submitPlan'; measures: MeasureDraft[] }
  | { type: 'returnPlan'; reasons: string[] }
  | { type: 'approvePlan'; comment?: string }
  | { type: 'addMeasures'; measures: MeasureDraft[] }
  | { type: 'completeMeasure'; measureId: string; evidence: string }
  | { type: 'reportProgress'; summary: string }
  | { type: 'submitExplanation'; dueItemKey: string; explanation: string }
  | { type: 'startPublicity' }
  | { type: 'resolveObjection'; objectionId: string; decision: 'upheld' | 'dismissed'; reason: string }
  | { type: 'recordPreliminaryAcceptance'; checks: AcceptanceChecks; opinion: string }
  | {
      type: 'recordCountyAcceptance';
      checks: AcceptanceChecks;
      opinion: string;
      /** A satisfaction survey held for the acceptance, added to the ratings the public sent. */
      survey?: { respondents: number; satisfied: number };
    }
  | {
      type: 'recordFollowUpReview';
      checks: ReviewChecks;
      opinion: string;
      /** Problems of this case that have come back (旧问题反弹). */
      reboundedProblemIds: string[];
      /** Problems found on the visit that were not on the list before. */
      newProblems: ProblemInput[];
      /**
       * 滚动整顿: when given and the review finds problems, they are carried into a new case of this
       * (next) campaign, linked to this one, and this case is archived instead of reopened.
       */
      nextCampaign?: NextCampaign;
    };

/** The campaign a follow-up review rolls its open problems into. */
export interface NextCampaign {
  campaign: CampaignRef;
  policy: CampaignPolicy;
}

export type CaseActionType = CaseAction['type'];

interface ActionRule {
  label: string;
  stages: readonly Stage[];
  roles: readonly UserRole[];
}

const ACTIVE_STAGES: readonly Stage[] = ['identified', 'assigned', 'planning', 'remediating'];

/** Who may take each action, and in which stages. The one table the workflow, API and UI share. */
export const ACTION_RULES: Record<CaseActionType, ActionRule> = {
  assignTeam: { label: '落实包抓责任人', stages: ACTIVE_STAGES, roles: ['county_department', 'township_committee'] },
  submitPlan: { label: '提交整顿方案', stages: ['assigned', 'planning'], roles: ['branch_secretary'] },
  returnPlan: { label: '退回整顿方案', stages: ['planning'], roles: ['township_committee'] },
  approvePlan: { label: '审批通过整顿方案', stages: ['planning'], roles: ['township_committee'] },
  addMeasures: { label: '增补整改措施', stages: ['remediating'], roles: ['branch_secretary', 'township_committee'] },
  completeMeasure: { label: '整改措施销项', stages: ['remediating'], roles: ['branch_secretary', 'assigned_leader'] },
  reportProgress: { label: '汇报整顿进展', stages: ['remediating', 'publicizing'], roles: ['branch_secretary', 'assigned_leader'] },
  submitExplanation: {
    label: '逾期说明原因',
    stages: ['assigned', 'planning', 'remediating'],
    roles: ['branch_secretary'],
  },
  startPublicity: { label: '启动结果公示', stages: ['remediating'], roles: ['township_committee'] },
  resolveObjection: { label: '处理公示异议', stages: ['publicizing'], roles: ['township_committee'] },
  recordPreliminaryAcceptance: {
    label: '党（工）委初验',
    stages: ['preliminary_acceptance'],
    roles: ['township_committee'],
  },
  recordCountyAcceptance: { label: '县级验收', stages: ['county_acceptance'], roles: ['county_department'] },
  recordFollowUpReview: {
    label: '回头看',
    stages: ['follow_up_review'],
    roles: ['township_committee', 'county_department'],
  },
};

export const CASE_ACTION_TYPES = Object.keys(ACTION_RULES) as CaseActionType[];

export function isCaseActionType(value: unknown): value is CaseActionType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTION_RULES, value);
}

export function roleMayTake(role: UserRole, action: CaseActionType): boolean {
  return ACTION_RULES[action].roles.includes(role);
}

/** Actions a role could take on a case in its current stage: what the UI offers as buttons. */
export function actionsAvailable(role: UserRole, stage: Stage): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((type) => roleMayTake(role, type) && ACTION_RULES[type].stages.includes(stage));
}
