/** The read model behind the ledger export (台账): cases with their full state, and their timeline rows. */
import type { DataSource } from 'typeorm';
import type { OrgDomain } from '@zhengdun/domain';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseRecordEntity } from './entities/case-record.entity';

export interface LedgerFilter {
  county: string;
  campaignId?: string;
  township?: string;
  domain?: OrgDomain;
}

const PAGE = 500;

export class LedgerQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private matching(filter: LedgerFilter) {
    const qb = this.dataSource.getRepository(CaseRecordEntity).createQueryBuilder('r').where('r.county = :county', { county: filter.county });
    if (filter.campaignId !== undefined) qb.andWhere('r.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (filter.township !== undefined) qb.andWhere('r.township = :township', { township: filter.township });
    if (filter.domain !== undefined) qb.andWhere('r.domain = :domain', { domain: filter.domain });
    return qb;
  }

  /** How many cases match, counted up to `cap + 1` (enough to tell "over the cap" without counting a whole county). */
  async countCasesUpTo(filter: LedgerFilter, cap: number): Promise<number> {
    const [sql, parameters] = this.matching(filter).select('1').limit(cap + 1).getQueryAndParameters();
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) AS capped`, parameters)) as { n: number }[];
    return row.n;
  }

  /** Every case matching the filter, paged from the database in case id order. */
  async cases(filter: LedgerFilter): Promise<CaseRecordEntity[]> {
    const all: CaseRecordEntity[] = [];
    let after: string | null = null;
    for (;;) {
      const qb = this.matching(filter);
      if (after !== null) qb.andWhere('r.case_id > :after', { after });
      const page = await qb.orderBy('r.case_id', 'ASC').limit(PAGE).getMany();
      all.push(...page);
      if (page.length < PAGE) return all;
      after = page[page.length - 1].caseId;
    }
  }

  /** Timeline rows of these cases, of the given types, in time order. */
  async events(caseIds: string[], types: readonly string[]): Promise<CaseEventEntity[]> {
    const events: CaseEventEntity[] = [];
    for (let i = 0; i < caseIds.length; i += PAGE) {
      const page = await this.dataSource
        .getRepository(CaseEventEntity)
        .createQueryBuilder('e')
        .where('e.case_id IN (:...ids)', { ids: caseIds.slice(i, i + PAGE) })
        .andWhere('e.type IN (:...types)', { types })
        .orderBy('e.case_id', 'ASC')
        .addOrderBy('e.seq', 'ASC')
        .getMany();
      events.push(...page);
    }
    return events;
  }

  /** The county's re-checks (抽查复核) of these cases, with the result each sample was drawn of. */
  async rechecks(caseIds: string[]): Promise<{ caseId: string; stage: string; townshipPassed: boolean; countyPassed: boolean; finding: string; checkedAt: Date; checkedByName: string }[]> {
    const rows: { case_id: string; stage: string; township_passed: boolean; county_passed: boolean; finding: string; checked_at: Date; checked_by_name: string }[] = [];
    for (let i = 0; i < caseIds.length; i += PAGE) {
      rows.push(
        ...(await this.dataSource.query(
          `SELECT r.case_id, s.stage, r.township_passed, r.county_passed, r.finding, r.checked_at, r.checked_by_name
             FROM spot_check_result r JOIN spot_check s ON s.id = r.spot_check_id
            WHERE r.case_id = ANY($1) ORDER BY r.case_id, r.checked_at`,
          [caseIds.slice(i, i + PAGE)],
        )),
      );
    }
    return rows.map((row) => ({
      caseId: row.case_id,
      stage: row.stage,
      townshipPassed: row.township_passed,
      countyPassed: row.county_passed,
      finding: row.finding,
      checkedAt: new Date(row.checked_at),
      checkedByName: row.checked_by_name,
    }));
  }
}
