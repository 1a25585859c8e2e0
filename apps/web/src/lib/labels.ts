/**
 * Tag colours, typed by the domain's unions so that a new status without a colour does not compile.
 * Every Chinese label comes from @zhengdun/domain (STAGE_LABELS, PLAN_STATUS_LABELS …), none is
 * repeated here.
 */
import {
  NON_PERSON_ACTOR_LABELS,
  STAGES,
  USER_ROLE_LABELS,
  isUserRole,
  type EscalationLevel,
  type MeasureStatus,
  type ObjectionStatus,
  type PlanStatus,
  type ProblemStatus,
  type ProposalStatus,
  type Stage,
} from '@zhengdun/domain';

export const ESCALATION_LEVEL_COLORS: Record<EscalationLevel, string> = { 0: 'default', 1: 'gold', 2: 'orange', 3: 'red' };
export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { none: 'default', submitted: 'processing', returned: 'warning', approved: 'success' };
export const MEASURE_STATUS_COLORS: Record<MeasureStatus, string> = { pending: 'processing', reported: 'warning', done: 'success' };
export const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = { open: 'processing', resolved: 'success', rebounded: 'error' };
export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = { proposed: 'warning', held: 'success', declined: 'default', decided: 'processing' };
export const OBJECTION_STATUS_COLORS: Record<ObjectionStatus, string> = { open: 'warning', upheld: 'error', dismissed: 'default' };

/** Area colour per stage in the progress chart: warm while being set up, blue while rectifying, green once 销号. */
export const STAGE_COLORS_HEX: Record<Stage, string> = {
  identified: '#ffd591',
  assigned: '#ffa940',
  planning: '#e08a00',
  remediating: '#1f5fbf',
  publicizing: '#7b4bb7',
  preliminary_acceptance: '#13a8a8',
  county_acceptance: '#08979c',
  delisted: '#2f9e6e',
  follow_up_review: '#95de64',
  archived: '#bfbfbf',
};

/** Tag colour by how far along the lifecycle a stage is. */
export const STAGE_COLORS: Record<Stage, string> = {
  identified: 'default',
  assigned: 'default',
  planning: 'blue',
  remediating: 'geekblue',
  publicizing: 'purple',
  preliminary_acceptance: 'cyan',
  county_acceptance: 'cyan',
  delisted: 'green',
  follow_up_review: 'green',
  archived: 'default',
};

export const STAGE_INDEX: Record<Stage, number> = Object.fromEntries(STAGES.map((stage, index) => [stage, index])) as Record<Stage, number>;

/** Who acted, for a timeline row or a report: a person's role, or the system or the public. */
export function actorRoleLabel(role: string): string {
  if (role === 'system' || role === 'public') return NON_PERSON_ACTOR_LABELS[role];
  return isUserRole(role) ? USER_ROLE_LABELS[role] : role;
}
