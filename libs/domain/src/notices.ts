/**
 * 督查通报 (Accountability speech: 督查通报制度): the county circulates, per campaign, the townships'
 * progress ranked, the organizations lagging behind by name, and criticism with deadlines (通报批评、
 * 限期整改). The ranking is computed from the read model's figures by the rules here.
 */
import { conversionRate, isConverted } from './figures';
import { satisfactionRate, type RatingCounts } from './case-state';
import type { Stage } from './stages';

/** One township's figures in a campaign, as the read model keeps them. */
export interface TownshipFigures extends RatingCounts {
  township: string;
  total: number;
  converted: number;
  overdue: number;
  lapses: number;
  talks: number;
  /** 抽查: the township's results the county re-checked, and how many of them it found otherwise. */
  spotChecksRechecked: number;
  spotChecksDisagreed: number;
}

export interface TownshipRank extends TownshipFigures {
  rank: number;
  conversionRate: number | null;
  overdueShare: number | null;
  satisfactionRate: number | null;
}

/**
 * Ranked by conversion rate (high first), then by the share of cases overdue (low first), then by
 * talks held (few first); ties share nothing — the township's name decides, for a stable order.
 */
export function rankTownships(rows: readonly TownshipFigures[]): TownshipRank[] {
  const ranked = rows.map((row) => ({
    ...row,
    conversionRate: conversionRate(row.converted, row.total),
    overdueShare: row.total === 0 ? null : row.overdue / row.total,
    satisfactionRate: satisfactionRate(row) ?? null,
  }));
  ranked.sort(
    (a, b) =>
      (b.conversionRate ?? -1) - (a.conversionRate ?? -1) ||
      (a.overdueShare ?? 2) - (b.overdueShare ?? 2) ||
      a.talks - b.talks ||
      a.township.localeCompare(b.township, 'zh-CN'),
  );
  return ranked.map((row, index) => ({ ...row, rank: index + 1 }));
}

/** An organization named in a notice as lagging: not converted, and overdue or talked to. */
export interface LaggingOrganization {
  caseId: string;
  orgName: string;
  township: string;
  stage: Stage;
  overdue: boolean;
  talks: number;
}

export function isLagging(row: { stage: Stage; overdue: boolean; escalationLevel: number }): boolean {
  return !isConverted(row.stage) && (row.overdue || row.escalationLevel >= 2);
}

/** 通报批评、限期整改: a township criticized, what for, and by when it must be put right. */
export interface NoticeCriticism {
  township: string;
  text: string;
  /** ISO 8601. */
  deadline: string;
}

export interface NoticeContent {
  campaignName: string;
  county: string;
  ranking: TownshipRank[];
  lagging: LaggingOrganization[];
  criticisms: NoticeCriticism[];
  /** The county's own words, at the end of the notice. */
  remarks?: string;
}
