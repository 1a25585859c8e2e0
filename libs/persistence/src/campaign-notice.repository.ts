import type { DataSource } from 'typeorm';
import { isLagging, type LaggingOrganization, type NoticeContent, type Stage, type TownshipFigures } from '@zhengdun/domain';
import { CampaignNoticeEntity } from './entities/campaign-notice.entity';
import { CommitteeDecisionEntity } from './entities/committee-decision.entity';

/** The figures a notice ranks townships by, and the organizations it names, from the read model. */
export class CampaignNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async townshipFigures(campaignId: string, convertedStages: readonly Stage[]): Promise<TownshipFigures[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `WITH cases AS (
         SELECT township,
                count(*) AS total,
                count(*) FILTER (WHERE stage = ANY($2::text[])) AS converted,
                count(*) FILTER (WHERE overdue) AS overdue,
                COALESCE(sum(jsonb_array_length(COALESCE(state -> 'escalation' -> 'lapses', '[]'::jsonb))), 0) AS lapses,
                COALESCE(sum(talks), 0) AS talks,
                COALESCE(sum(satisfied_count), 0) AS satisfied,
                COALESCE(sum(basically_satisfied_count), 0) AS basically_satisfied,
                COALESCE(sum(dissatisfied_count), 0) AS dissatisfied
           FROM case_record WHERE campaign_id = $1 GROUP BY township
       ), rechecks AS (
         SELECT s.township, count(*) AS rechecked, count(*) FILTER (WHERE r.township_passed <> r.county_passed) AS disagreed
           FROM spot_check s JOIN spot_check_result r ON r.spot_check_id = s.id
          WHERE s.campaign_id = $1 GROUP BY s.township
       )
       SELECT cases.*, COALESCE(rechecks.rechecked, 0) AS rechecked, COALESCE(rechecks.disagreed, 0) AS disagreed
         FROM cases LEFT JOIN rechecks USING (township)`,
      [campaignId, convertedStages],
    );
    return rows.map((row) => ({
      township: row.township,
      total: Number(row.total),
      converted: Number(row.converted),
      overdue: Number(row.overdue),
      lapses: Number(row.lapses),
      talks: Number(row.talks),
      satisfied: Number(row.satisfied),
      basicallySatisfied: Number(row.basically_satisfied),
      dissatisfied: Number(row.dissatisfied),
      spotChecksRechecked: Number(row.rechecked),
      spotChecksDisagreed: Number(row.disagreed),
    }));
  }

  /** Organizations lagging behind (isLagging), at most `limit`, the most escalated first. */
  async lagging(campaignId: string, limit: number): Promise<LaggingOrganization[]> {
    const rows: { case_id: string; org_name: string; township: string; stage: Stage; overdue: boolean; escalation_level: number; talks: number }[] = await this.dataSource.query(
      `SELECT case_id, org_name, township, stage, overdue, escalation_level, talks FROM case_record
        WHERE campaign_id = $1 AND (overdue OR escalation_level >= 2)
        ORDER BY escalation_level DESC, talks DESC, township, org_name LIMIT $2`,
      [campaignId, limit * 2],
    );
    return rows
      .filter((row) => isLagging({ stage: row.stage, overdue: row.overdue, escalationLevel: Number(row.escalation_level) }))
      .slice(0, limit)
      .map((row) => ({ caseId: row.case_id, orgName: row.org_name, township: row.township, stage: row.stage, overdue: row.overdue, talks: Number(row.talks) }));
  }

  /** Stores the notice under the campaign's next number (a concurrent issue gets the one after). */
  async issue(campaignId: string, notice: { title: (number: number) => string; issuedAt: Date; issuedBy: { userId: string; name: string }; content: NoticeContent }): Promise<CampaignNoticeEntity> {
    return this.dataSource.transaction(async (manager) => {
      // One issuer at a time per campaign, so numbers run 1, 2, 3 … without gaps or clashes.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('campaign_notice:' || $1))`, [campaignId]);
      const [{ next }]: { next: number }[] = await manager.query(`SELECT COALESCE(max(number), 0) + 1 AS next FROM campaign_notice WHERE campaign_id = $1`, [campaignId]);
      return manager.getRepository(CampaignNoticeEntity).save({
        campaignId,
        number: Number(next),
        title: notice.title(Number(next)),
        issuedAt: notice.issuedAt,
        issuedById: notice.issuedBy.userId,
        issuedByName: notice.issuedBy.name,
        content: notice.content,
      });
    });
  }

  committeeDecisions(campaignId: string): Promise<CommitteeDecisionEntity[]> {
    return this.dataSource.getRepository(CommitteeDecisionEntity).find({ where: { campaignId }, order: { decidedAt: 'ASC' } });
  }

  /** Records the decision on one grade; false when that grade was already decided (nothing changes). */
  async decideCommittee(decision: CommitteeDecisionEntity): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO committee_decision (campaign_id, township, grade, decision, reason, decided_by_id, decided_by_name, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING township`,
      [decision.campaignId, decision.township, decision.grade, decision.decision, decision.reason, decision.decidedById, decision.decidedByName, decision.decidedAt],
    );
    return rows.length > 0;
  }

  list(campaignId: string): Promise<CampaignNoticeEntity[]> {
    return this.dataSource.getRepository(CampaignNoticeEntity).find({ where: { campaignId }, order: { number: 'DESC' } });
  }

  find(campaignId: string, number: number): Promise<CampaignNoticeEntity | null> {
    return this.dataSource.getRepository(CampaignNoticeEntity).findOne({ where: { campaignId, number } });
  }
}
