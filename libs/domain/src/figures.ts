/**
 * The derived figures the county reports, defined once (docs/domain.md "Figures"). SQL that computes
 * them for many cases at once (dashboard, campaign progress, the counters' trigger) is pinned to these
 * by test/api/api-dashboard-counters.e2e-spec.ts on the same data.
 */
import { satisfactionRate, type RatingCounts } from './case-state';
import { isUnderRectification, STAGES, type Stage } from './stages';

/** 转化: an organization counts as converted once delisted (and stays so through 回头看 and archive). */
export function isConverted(stage: Stage): boolean {
  return !isUnderRectification(stage);
}

export const CONVERTED_STAGES: readonly Stage[] = STAGES.filter(isConverted);

/** 转化率: converted over all listed organizations, or null when none are listed. */
export function conversionRate(converted: number, total: number): number | null {
  return total === 0 ? null : converted / total;
}

/** A rated case whose satisfaction is below its campaign's threshold; a case nobody rated is not. */
export function isBelowThreshold(tally: RatingCounts, threshold: number): boolean {
  const rate = satisfactionRate(tally);
  return rate !== undefined && rate < threshold;
}
