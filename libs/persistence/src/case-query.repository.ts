/**
 * Read-model queries behind the Supervisor API's lists and dashboard. Every query is limited to
 * the caller's scope first (county, then township or organization); filters and sort keys are
 * whitelisted and passed as parameters.
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { STAGE_ORDER, STAGES, type EscalationLevel, type OrgDomain, type Scope, type Stage } from '@zhengdun/domain';
import { CaseRecordEntity } from './entities/case-record.entity';

export interface CaseFilter {
  scope: Scope;
  campaignId?: string;
  stage?: Stage;
  domain?: OrgDomain;
  township?: string;
  overdue?: boolean;
  escalationLevel?: EscalationLevel;
  /** Cases naming this person: the secretary, a team member or a measure owner. */
  personId?: string;
}

export const CASE_SORT_KEYS = ['updatedAt', 'createdAt', 'stageEnteredAt', 'nextDueAt', 'orgName', 'escalationLevel', 'stage'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

const SORT_COLUMNS: Record<CaseSortKey, string> = {
  updatedAt: 'r.updated_at',
  createdAt: 'r.created_at',
  stageEnteredAt: 'r.stage_entered_at',
  nextDueAt: 'r.next_due_at',
  orgName: 'r.org_name',
  escalationLevel: 'r.escalation_level',
  stage: 'r.stage',
};

export interface CasePageRequest {
  offset: number;
  limit: number;
  sort: CaseSortKey;
  order: 'asc' | 'desc';
}

export interface CasePage {
  items: CaseRecordEntity[];
  total: number;
}

/** The public's ratings (满意度测评) over the cases of a dashboard, from each case's current tally. */
export interface SatisfactionFigures {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basicallySatisfied) / all ratings, or null with no ratings. */
  rate: number | null;
  /** Cases with at least one rating. */
  ratedCases: number;
  /** Rated cases whose own rate is below their policy's satisfactionThreshold. */
  belowThreshold: number;
}

export interface CaseDashboard {
  total: number;
  byStage: Record<Stage, number>;
  byDomain: Record<string, number>;
  byTownship: Record<string, number>;
  overdue: number;
  escalationsByLevel: Record<'0' | '1' | '2' | '3', number>;
  /** Delisted or later (已销号、回头看、已归档). */
  converted: number;
  /** converted / total, or null with no cases. */
  conversionRate: number | null;
  /** Average days spent in each stage, over the cases that have been in it. */
  averageDaysPerStage: Partial<Record<Stage, number>>;
  satisfaction: SatisfactionFigures;
}

const MS_PER_DAY = 86_400_000;

/** Stages that count as converted (转化): delisted and after. */
export const CONVERTED_STAGES: readonly Stage[] = STAGES.filter((stage) => STAGE_ORDER[stage] >= STAGE_ORDER.delisted);

/** A case's ratings, from the columns Postgres derives from state->'satisfaction' (NULL without a tally). */
const RATINGS = '(r.satisfied_count + r.basically_satisfied_count + r.dissatisfied_count)';
const CONTENT = '(r.satisfied_count + r.basically_satisfied_count)';

interface TotalsRow {
  total: string;
  overdue: string;
  converted: string;
  satisfied: string;
  basicallySatisfied: string;
  dissatisfied: string;
  ratedCases: string;
  belowThreshold: string;
}

export class CaseQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private filtered(filter: CaseFilter): SelectQueryBuilder<CaseRecordEntity> {
    const qb = this.dataSource.getRepository(CaseRecordEntity).createQueryBuilder('r');
    const { scope } = filter;
    qb.where('r.county = :scopeCounty', { scopeCounty: scope.county });
    if (scope.level === 'township') qb.andWhere('r.township = :scopeTownship', { scopeTownship: scope.township });
    if (scope.level === 'organization') qb.andWhere('r.org_code = :scopeOrg', { scopeOrg: scope.orgCode });
    if (filter.campaignId !== undefined) qb.andWhere('r.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (filter.stage !== undefined) qb.andWhere('r.stage = :stage', { stage: filter.stage });
    if (filter.domain !== undefined) qb.andWhere('r.domain = :domain', { domain: filter.domain });
    if (filter.township !== undefined) qb.andWhere('r.township = :township', { township: filter.township });
    if (filter.overdue !== undefined) qb.andWhere('r.overdue = :overdue', { overdue: filter.overdue });
    if (filter.escalationLevel !== undefined) qb.andWhere('r.escalation_level = :level', { level: filter.escalationLevel });
    // `@>` so the GIN index on person_ids is used.
    if (filter.personId !== undefined) qb.andWhere('r.person_ids @> ARRAY[:personId]::text[]', { personId: filter.personId });
    return qb;
  }

  async page(filter: CaseFilter, page: CasePageRequest): Promise<CasePage> {
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const [items, total] = await this.filtered(filter)
      .select([
        'r.caseId',
        'r.campaignId',
        'r.county',
        'r.orgCode',
        'r.orgName',
        'r.domain',
        'r.township',
        'r.isKeyVillage',
        'r.stage',
        'r.round',
        'r.overdue',
        'r.escalationLevel',
        'r.talks',
        'r.organizationalHandling',
        'r.problemCount',
        'r.openProblemCount',
        'r.measureCount',
        'r.measuresDone',
        'r.satisfactionRate',
        'r.nextDueAt',
        'r.stageEnteredAt',
        'r.delistedAt',
        'r.createdAt',
        'r.updatedAt',
        'r.seq',
      ])
      .orderBy(SORT_COLUMNS[page.sort], direction, 'NULLS LAST')
      .addOrderBy('r.case_id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { items, total };
  }

  async dashboard(filter: CaseFilter): Promise<CaseDashboard> {
    const counts = async (column: string): Promise<Record<string, number>> => {
      const rows: { key: string; count: string }[] = await this.filtered(filter)
        .select(`${column}::text`, 'key')
        .addSelect('count(*)', 'count')
        .groupBy(column)
        .getRawMany();
      return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
    };
    const [totals, byStage, byDomain, byTownship, byLevel, durations] = await Promise.all([
      // One pass over the rows in scope for the totals and the ratings. The ratings come from
      // generated columns, not from `state` itself, which would be decompressed for every case.
      this.filtered(filter)
        .select('count(*)', 'total')
        .addSelect('count(*) FILTER (WHERE r.overdue)', 'overdue')
        .addSelect('count(*) FILTER (WHERE r.stage IN (:...converted))', 'converted')
        .addSelect('coalesce(sum(r.satisfied_count), 0)', 'satisfied')
        .addSelect('coalesce(sum(r.basically_satisfied_count), 0)', 'basicallySatisfied')
        .addSelect('coalesce(sum(r.dissatisfied_count), 0)', 'dissatisfied')
        .addSelect(`count(*) FILTER (WHERE ${RATINGS} > 0)`, 'ratedCases')
        // The same division as the domain's satisfactionRate, in double precision like JavaScript.
        .addSelect(`count(*) FILTER (WHERE ${RATINGS} > 0 AND ${CONTENT}::double precision / ${RATINGS} < r.satisfaction_threshold)`, 'belowThreshold')
        .setParameter('converted', CONVERTED_STAGES)
        .getRawOne<TotalsRow>(),
      counts('r.stage'),
      counts('r.domain'),
      counts('r.township'),
      counts('r.escalation_level'),
      this.averageStageDurations(filter),
    ]);
    const total = Number(totals?.total ?? 0);
    const converted = Number(totals?.converted ?? 0);
    const satisfied = Number(totals?.satisfied ?? 0);
    const basicallySatisfied = Number(totals?.basicallySatisfied ?? 0);
    const dissatisfied = Number(totals?.dissatisfied ?? 0);
    const ratings = satisfied + basicallySatisfied + dissatisfied;
    return {
      total,
      byStage: Object.fromEntries(STAGES.map((stage) => [stage, byStage[stage] ?? 0])) as Record<Stage, number>,
      byDomain,
      byTownship,
      overdue: Number(totals?.overdue ?? 0),
      escalationsByLevel: { '0': byLevel['0'] ?? 0, '1': byLevel['1'] ?? 0, '2': byLevel['2'] ?? 0, '3': byLevel['3'] ?? 0 },
      converted,
      conversionRate: total === 0 ? null : converted / total,
      averageDaysPerStage: Object.fromEntries(
        durations
          .filter((row) => (STAGES as readonly string[]).includes(row.stage))
          .map((row) => [row.stage, Math.round((Number(row.avgMs) / MS_PER_DAY) * 1000) / 1000]),
      ),
      satisfaction: {
        satisfied,
        basicallySatisfied,
        dissatisfied,
        rate: ratings === 0 ? null : (satisfied + basicallySatisfied) / ratings,
        ratedCases: Number(totals?.ratedCases ?? 0),
        belowThreshold: Number(totals?.belowThreshold ?? 0),
      },
    };
  }

  private averageStageDurations(filter: CaseFilter): Promise<{ stage: string; avgMs: string }[]> {
    const [sql, parameters] = this.filtered(filter).select('r.stage_durations', 'durations').getQueryAndParameters();
    return this.dataSource.query(
      `SELECT d.key AS stage, avg(d.value::double precision) AS "avgMs" FROM (${sql}) f, jsonb_each_text(f.durations) d GROUP BY d.key`,
      parameters,
    );
  }

  /** Where a case belongs, for scope checks; null when the read model has no row yet. */
  async placeOf(caseId: string): Promise<{ county: string; township: string; orgCode: string } | null> {
    const row = await this.dataSource
      .getRepository(CaseRecordEntity)
      .findOne({ where: { caseId }, select: { caseId: true, county: true, township: true, orgCode: true } });
    return row ? { county: row.county, township: row.township, orgCode: row.orgCode } : null;
  }
}
