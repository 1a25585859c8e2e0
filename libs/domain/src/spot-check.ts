/**
 * 抽查 (004: 不能以乡镇自查代替组织部门的检查): for a township's 初验 or 回头看 results, the county
 * draws a sample and re-checks it. The sample is random but reproducible: it is a function of the
 * recorded seed and the recorded population, so anyone can draw it again and get the same cases.
 * A re-check that disagrees with the township's result counts against that township.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { CaseState } from './case-state';
import type { CampaignPolicy } from './policy';
import type { UserRole } from './roles';

/** Which of the township's own checks is sampled. */
export type SpotCheckStage = 'preliminary_acceptance' | 'follow_up_review';

export const SPOT_CHECK_STAGES: readonly SpotCheckStage[] = ['preliminary_acceptance', 'follow_up_review'];

export const SPOT_CHECK_STAGE_LABELS: Record<SpotCheckStage, string> = {
  preliminary_acceptance: '乡镇初验',
  follow_up_review: '乡镇回头看',
};

/** Who sees spot-checks: the county draws and re-checks them, a committee sees its township's, auditors read them. */
export const SPOT_CHECK_READERS: readonly UserRole[] = ['county_department', 'township_committee', 'auditor'];

/** Our default, not the seeds' (they ask for 抽查 without a share): a fifth of the township's results, at least one. */
export const DEFAULT_SPOT_CHECK_SHARE = 0.2;

export function spotCheckShareOf(policy: Pick<CampaignPolicy, 'spotCheckShare'>): number {
  return policy.spotCheckShare ?? DEFAULT_SPOT_CHECK_SHARE;
}

/** The first 32 bits of SHA-256(seed, case): an order anyone can recompute, spread evenly whatever the ids look like. */
function score(seed: string, caseId: string): number {
  const digest = sha256(utf8ToBytes(`${seed}\u0000${caseId}`));
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
}

/** How many of `population` cases a share samples: rounded up, at least one, at most all. */
export function sampleSize(population: number, share: number): number {
  if (population === 0) return 0;
  return Math.min(population, Math.max(1, Math.ceil(population * share)));
}

/**
 * The sample for a seed: the cases with the lowest scores, in the population's sorted order. The
 * same seed and population give the same sample, whatever order the population was listed in.
 */
export function drawSample(population: readonly string[], share: number, seed: string): string[] {
  const sorted = [...new Set(population)].sort();
  const scores = new Map(sorted.map((caseId) => [caseId, score(seed, caseId)]));
  const chosen = new Set(
    [...sorted]
      .sort((a, b) => scores.get(a)! - scores.get(b)! || (a < b ? -1 : 1))
      .slice(0, sampleSize(sorted.length, share)),
  );
  return sorted.filter((caseId) => chosen.has(caseId));
}

/** The township's own result that a spot-check re-checks: 合格 or 不合格, with its date and opinion. */
export interface TownshipResult {
  passed: boolean;
  at: string;
  opinion: string;
}

/** The township's latest result of this kind on the case, if it has one. */
export function townshipResultOf(state: Pick<CaseState, 'acceptances' | 'reviews'>, stage: SpotCheckStage): TownshipResult | undefined {
  if (stage === 'preliminary_acceptance') {
    const latest = state.acceptances.filter((acceptance) => acceptance.level === 'preliminary').at(-1);
    return latest && { passed: latest.passed, at: latest.at, opinion: latest.opinion };
  }
  const latest = state.reviews.at(-1);
  return latest && { passed: latest.outcome === 'archived', at: latest.at, opinion: latest.opinion };
}
