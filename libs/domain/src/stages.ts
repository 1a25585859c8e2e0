/** The stages of one case, in lifecycle order (docs/domain.md "The lifecycle of one case"). */
export const STAGES = [
  'identified',
  'assigned',
  'planning',
  'remediating',
  'publicizing',
  'preliminary_acceptance',
  'county_acceptance',
  'delisted',
  'follow_up_review',
  'archived',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  identified: '摸排确定',
  assigned: '已落实包抓',
  planning: '制定整顿方案',
  remediating: '整顿实施',
  publicizing: '结果公示',
  preliminary_acceptance: '党（工）委初验',
  county_acceptance: '县级验收',
  delisted: '已销号',
  follow_up_review: '回头看',
  archived: '已归档',
};

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/**
 * Every stage change the lifecycle allows. Backward edges: a failed acceptance or an upheld
 * objection returns to remediation (限期整改); a rebound found by 回头看 reopens the case for a new
 * round, back to planning with the open problems carried over.
 */
export const ALLOWED_TRANSITIONS: Record<Stage, readonly Stage[]> = {
  identified: ['assigned'],
  assigned: ['planning'],
  planning: ['remediating'],
  remediating: ['publicizing'],
  publicizing: ['preliminary_acceptance', 'remediating'],
  preliminary_acceptance: ['county_acceptance', 'remediating'],
  county_acceptance: ['delisted', 'remediating'],
  delisted: ['follow_up_review'],
  follow_up_review: ['archived', 'assigned'],
  archived: [],
};

export function canTransition(from: Stage, to: Stage): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Stages in which the organization still counts as weak (not yet delisted). */
export function isUnderRectification(stage: Stage): boolean {
  return STAGES.indexOf(stage) < STAGES.indexOf('delisted');
}

export function isFinished(stage: Stage): boolean {
  return stage === 'archived';
}
