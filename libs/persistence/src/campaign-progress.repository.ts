/** Figures of one campaign from the read model (case_record): for its summaries and its end-date list. */
import type { DataSource } from 'typeorm';
import { conversionRate, CONVERTED_STAGES, STAGE_CHANGE_ARROW, STAGE_CHANGE_REASON, STAGE_LABELS, STAGES, isUnderRectification, type Scope, type Stage } from '@zhengdun/domain';

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

/** Days are counted in Beijing time: a case moved at 23:30 on the 3rd counts in its new stage on the 3rd. */
export const PROGRESS_TIME_ZONE = 'Asia/Shanghai';

/** The cases in each stage at the end of one day (Beijing time), `YYYY-MM-DD`. */
export interface StagesOnDay {
  date: string;
  byStage: Record<Stage, number>;
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

  /**
   * How many of the campaign's cases in `scope` stood in each stage at the end of each day from `from`
   * to `to` (Beijing dates, inclusive), from the timeline rows alone (case_event): a case enters
   * 摸排确定 with its case_opened entry and each stage_changed entry moves it on (its summary names the
   * stage reached, see STAGE_CHANGE_ARROW). One statement: every move is a +1 on the day it happened
   * and a -1 on the day of the case's next move; a running sum per stage over the days gives the counts,
   * so the work grows with the moves and the days, not with their product.
   */
  async stagesByDay(campaignId: string, scope: Scope, from: string, to: string): Promise<StagesOnDay[]> {
    const labels = STAGES.map((stage) => STAGE_LABELS[stage]);
    const rows: { day: string; stage: Stage; count: string }[] = await this.dataSource.query(
      `WITH scoped AS (
         SELECT case_id FROM case_record
          WHERE campaign_id = $1 AND county = $2
            AND ($3::text IS NULL OR township = $3) AND ($4::text IS NULL OR org_code = $4)
       ),
       labels AS (SELECT * FROM unnest($5::text[], $6::text[]) AS l(stage, label)),
       moves AS (
         SELECT e.case_id, e.seq, (e.at AT TIME ZONE '${PROGRESS_TIME_ZONE}')::date AS day,
                CASE WHEN e.type = 'case_opened' THEN 'identified' ELSE l.stage END AS stage
           FROM case_event e
           JOIN scoped USING (case_id)
           LEFT JOIN labels l ON e.type = 'stage_changed' AND l.label = split_part(split_part(e.summary, $9, 2), $10, 1)
          WHERE e.type IN ('case_opened', 'stage_changed')
       ),
       spans AS (
         SELECT stage, day, lead(day) OVER (PARTITION BY case_id ORDER BY seq) AS left_on FROM moves WHERE stage IS NOT NULL
       ),
       deltas AS (
         SELECT greatest(day, $7::date) AS day, stage, 1 AS delta FROM spans WHERE day <= $8::date
         UNION ALL
         SELECT greatest(left_on, $7::date), stage, -1 FROM spans WHERE left_on IS NOT NULL AND left_on <= $8::date
       ),
       daily AS (SELECT day, stage, sum(delta) AS delta FROM deltas GROUP BY day, stage)
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, s.stage,
              sum(COALESCE(daily.delta, 0)) OVER (PARTITION BY s.stage ORDER BY d.day) AS count
         FROM generate_series($7::date, $8::date, interval '1 day') AS d(day)
        CROSS JOIN unnest($5::text[]) AS s(stage)
         LEFT JOIN daily ON daily.day = d.day AND daily.stage = s.stage
        ORDER BY d.day`,
      [
        campaignId,
        scope.county,
        scope.level === 'township' ? scope.township : null,
        scope.level === 'organization' ? scope.orgCode : null,
        STAGES,
        labels,
        from,
        to,
        STAGE_CHANGE_ARROW,
        STAGE_CHANGE_REASON,
      ],
    );
    const days = new Map<string, StagesOnDay>();
    for (const row of rows) {
      let day = days.get(row.day);
      if (!day) days.set(row.day, (day = { date: row.day, byStage: Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number> }));
      day.byStage[row.stage] = Number(row.count);
    }
    return [...days.values()];
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
