/** 抽查 (spot_check, spot_check_result): drawn and re-checked by the county, read by the county, its townships and auditors. */
import type { DataSource } from 'typeorm';
import type { CaseState } from '@zhengdun/domain';
import { SpotCheckEntity, SpotCheckResultEntity } from './entities/spot-check.entity';

/** What a township's own results are made of, per case, from the read model. */
export interface TownshipCaseResults {
  caseId: string;
  orgName: string;
  results: Pick<CaseState, 'acceptances' | 'reviews'>;
}

export class SpotCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The township's cases in the campaign with their acceptances and reviews (the population a sample is drawn from). */
  async casesOfTownship(campaignId: string, township: string): Promise<TownshipCaseResults[]> {
    const rows: { case_id: string; org_name: string; acceptances: CaseState['acceptances'] | null; reviews: CaseState['reviews'] | null }[] = await this.dataSource.query(
      `SELECT case_id, org_name, state -> 'acceptances' AS acceptances, state -> 'reviews' AS reviews
         FROM case_record WHERE campaign_id = $1 AND township = $2 ORDER BY case_id`,
      [campaignId, township],
    );
    return rows.map((row) => ({ caseId: row.case_id, orgName: row.org_name, results: { acceptances: row.acceptances ?? [], reviews: row.reviews ?? [] } }));
  }

  /** Stores a drawn sample; undefined when this township and stage already have one (nothing changes). */
  async draw(spotCheck: Omit<SpotCheckEntity, 'id'>): Promise<SpotCheckEntity | undefined> {
    const rows: { id: number }[] = await this.dataSource.query(
      `INSERT INTO spot_check (campaign_id, township, stage, share, seed, population, sample, drawn_by_id, drawn_by_name, drawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ON CONSTRAINT "UQ_spot_check_township_stage" DO NOTHING RETURNING id`,
      [
        spotCheck.campaignId,
        spotCheck.township,
        spotCheck.stage,
        spotCheck.share,
        spotCheck.seed,
        JSON.stringify(spotCheck.population),
        JSON.stringify(spotCheck.sample),
        spotCheck.drawnById,
        spotCheck.drawnByName,
        spotCheck.drawnAt,
      ],
    );
    return rows[0] ? { ...spotCheck, id: rows[0].id } : undefined;
  }

  list(campaignId: string, township?: string): Promise<SpotCheckEntity[]> {
    return this.dataSource.getRepository(SpotCheckEntity).find({ where: { campaignId, ...(township ? { township } : {}) }, order: { id: 'ASC' } });
  }

  /** The spot-checks whose sample holds the case, the first drawn first. */
  sampling(caseId: string): Promise<SpotCheckEntity[]> {
    return this.dataSource
      .getRepository(SpotCheckEntity)
      .createQueryBuilder('spotCheck')
      .where('spotCheck.sample @> jsonb_build_array(:caseId::text)', { caseId })
      .orderBy('spotCheck.id', 'ASC')
      .getMany();
  }

  find(campaignId: string, id: number): Promise<SpotCheckEntity | null> {
    return this.dataSource.getRepository(SpotCheckEntity).findOne({ where: { campaignId, id } });
  }

  results(spotCheckIds: readonly number[]): Promise<SpotCheckResultEntity[]> {
    if (spotCheckIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SpotCheckResultEntity)
      .createQueryBuilder('result')
      .where('result.spot_check_id = ANY(:ids)', { ids: [...spotCheckIds] })
      .orderBy('result.checked_at', 'ASC')
      .getMany();
  }

  /** Records the re-check of one sampled case; false when it was already re-checked (nothing changes). */
  async recordResult(result: SpotCheckResultEntity): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO spot_check_result (spot_check_id, case_id, township_passed, county_passed, finding, checked_by_id, checked_by_name, checked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING case_id`,
      [result.spotCheckId, result.caseId, result.townshipPassed, result.countyPassed, result.finding, result.checkedById, result.checkedByName, result.checkedAt],
    );
    return rows.length > 0;
  }
}
