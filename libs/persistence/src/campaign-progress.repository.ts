/** Figures of one campaign from the read model (case_record): for its summaries and its end-date list. */
import type { DataSource } from 'typeorm';
import { conversionRate, CONVERTED_STAGES, STAGES, isUnderRectification, type Stage } from '@zhengdun/domain';

/** Stages before 已销号: the organization still counts as weak. */
export const UNFINISHED_STAGES: readonly Stage[] = STAGES.filter((stage) => isUnderRectification(stage));

export interface CampaignFigures {
  total: number;
  byStage: Record<Stage, number>;
  unfinished: number;
  overdue: number;
  /** Cases at escalation level 1, 2 and 3. */
  escalations: { explanationRequested: number; talk: number; organizationalHandling: number };
  talks: number;
  converted: number;
  conversionRate: number | null;
}

export interface UnfinishedCase {
  caseId: string;
  orgCode: string;
  orgName: string;
  township: string;
  stage: Stage;
  overdue: boolean;
  escalationLevel: number;
}

export class CampaignProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(campaignId: string): Promise<CampaignFigures> {
    const [totals] = await this.dataSource.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE stage = ANY($2::text[])) AS unfinished,
              count(*) FILTER (WHERE stage = ANY($3::text[])) AS converted,
              count(*) FILTER (WHERE overdue) AS overdue,
              count(*) FILTER (WHERE escalation_level = 1) AS level1,
              count(*) FILTER (WHERE escalation_level = 2) AS level2,
              count(*) FILTER (WHERE escalation_level = 3) AS level3,
              COALESCE(sum(talks), 0) AS talks
         FROM case_record WHERE campaign_id = $1`,
      [campaignId, UNFINISHED_STAGES, CONVERTED_STAGES],
    );
    const stages: { stage: Stage; count: string }[] = await this.dataSource.query(
      `SELECT stage, count(*) AS count FROM case_record WHERE campaign_id = $1 GROUP BY stage`,
      [campaignId],
    );
    const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const row of stages) byStage[row.stage] = Number(row.count);
    const total = Number(totals.total);
    const unfinished = Number(totals.unfinished);
    const converted = Number(totals.converted);
    return {
      total,
      byStage,
      unfinished,
      overdue: Number(totals.overdue),
      escalations: { explanationRequested: Number(totals.level1), talk: Number(totals.level2), organizationalHandling: Number(totals.level3) },
      talks: Number(totals.talks),
      converted,
      conversionRate: conversionRate(converted, total),
    };
  }

  /** One page of unfinished cases in case id order (stable while they are being signalled). */
  async unfinishedPage(campaignId: string, afterCaseId: string | null, limit: number): Promise<UnfinishedCase[]> {
    const rows = await this.dataSource.query(
      `SELECT case_id, org_code, org_name, township, stage, overdue, escalation_level FROM case_record
        WHERE campaign_id = $1 AND stage = ANY($2::text[]) AND ($3::text IS NULL OR case_id > $3)
        ORDER BY case_id LIMIT $4`,
      [campaignId, UNFINISHED_STAGES, afterCaseId, limit],
    );
    return rows.map(toUnfinished);
  }

  /** Every unfinished case, by township and organization name, for the county's list. */
  async unfinishedList(campaignId: string): Promise<UnfinishedCase[]> {
    const rows = await this.dataSource.query(
      `SELECT case_id, org_code, org_name, township, stage, overdue, escalation_level FROM case_record
        WHERE campaign_id = $1 AND stage = ANY($2::text[]) ORDER BY township, org_name, case_id`,
      [campaignId, UNFINISHED_STAGES],
    );
    return rows.map(toUnfinished);
  }
}

function toUnfinished(row: Record<string, unknown>): UnfinishedCase {
  return {
    caseId: String(row.case_id),
    orgCode: String(row.org_code),
    orgName: String(row.org_name),
    township: String(row.township),
    stage: row.stage as Stage,
    overdue: row.overdue === true,
    escalationLevel: Number(row.escalation_level),
  };
}
