/**
 * Read-model queries behind the Supervisor API's lists and dashboard. Every query is limited to
 * the caller's scope first (county, then township or organization); filters and sort keys are
 * whitelisted and passed as parameters.
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { conversionRate, CONVERTED_STAGES, satisfactionRate, STAGES, type CaseState, type EscalationLevel, type Proposal, type OrgDomain, type Scope, type Stage, type Todo } from '@zhengdun/domain';
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
  /** Cases where a proposal of this kind waits for a person's decision (约谈 to hold, 组织处理 to decide). */
  awaiting?: Proposal['kind'];
}

/** The stored column that says a proposal of this kind waits for a decision. */
const AWAITS_COLUMN: Record<Proposal['kind'], string> = { talk: 'r.awaits_talk', organizational_handling: 'r.awaits_handling' };

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

/** A case that may hold to-dos: the committee's kept list when the writer kept one, else the state to judge. */
export interface TodoCandidate {
  caseId: string;
  orgName: string;
  township: string;
  stage: Stage;
  /** The committee's to-dos as the writer kept them (asked for with `committeeTodos`); null: judge `state`. */
  committeeTodos: Todo[] | null;
  /** Null when `committeeTodos` is given. */
  state: Omit<CaseState, 'timeline'> | null;
}

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

/**
 * The columns of case_dashboard_counter the summary adds up (see the CaseDashboardCounters,
 * CaseDashboardMeasureCounters and CaseAwaitingCounters migrations); the duration columns are named after STAGES, so a stage
 * without its columns fails loudly.
 */
const COUNTER_COLUMNS = [
  'cases',
  'overdue',
  'escalation_0',
  'escalation_1',
  'escalation_2',
  'escalation_3',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'rated_cases',
  'below_threshold',
  'measure_count',
  'measures_done',
  'measures_reported',
  'awaiting_talk',
  'awaiting_handling',
  ...STAGES.flatMap((stage) => [`duration_ms_${stage}`, `duration_cases_${stage}`] as const),
] as const;
type CounterColumn = (typeof COUNTER_COLUMNS)[number];

interface DashboardFigures {
  total: number;
  overdue: number;
  converted: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  ratedCases: number;
  belowThreshold: number;
  byStage: Record<string, number>;
  byDomain: Record<string, number>;
  byTownship: Record<string, number>;
  byLevel: Record<string, number>;
  /** Average milliseconds per key of stage_durations. */
  averageMs: { stage: string; avgMs: number }[];
}

function assemble(figures: DashboardFigures): CaseDashboard {
  const { total, converted, satisfied, basicallySatisfied, dissatisfied, byLevel } = figures;
  return {
    total,
    byStage: Object.fromEntries(STAGES.map((stage) => [stage, figures.byStage[stage] ?? 0])) as Record<Stage, number>,
    byDomain: figures.byDomain,
    byTownship: figures.byTownship,
    overdue: figures.overdue,
    escalationsByLevel: { '0': byLevel['0'] ?? 0, '1': byLevel['1'] ?? 0, '2': byLevel['2'] ?? 0, '3': byLevel['3'] ?? 0 },
    converted,
    conversionRate: conversionRate(converted, total),
    averageDaysPerStage: Object.fromEntries(
      figures.averageMs
        .filter((row) => (STAGES as readonly string[]).includes(row.stage))
        .map((row) => [row.stage, Math.round((row.avgMs / MS_PER_DAY) * 1000) / 1000]),
    ),
    satisfaction: {
      satisfied,
      basicallySatisfied,
      dissatisfied,
      rate: satisfactionRate({ satisfied, basicallySatisfied, dissatisfied }) ?? null,
      ratedCases: figures.ratedCases,
      belowThreshold: figures.belowThreshold,
    },
  };
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
    // The stored awaits_* columns (migration CaseAwaitingCounters), which partial indexes serve in the list's order.
    if (filter.awaiting !== undefined) qb.andWhere(AWAITS_COLUMN[filter.awaiting]);
    return qb;
  }

  async page(filter: CaseFilter, page: CasePageRequest): Promise<CasePage> {
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.filtered(filter)
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
        'r.measuresReported',
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
      .getMany();
    const [items, total] = await Promise.all([rows, this.count(filter)]);
    return { items, total };
  }

  /**
   * How many cases match: from the dashboard counters when the filter is made of their keys (the
   * county's or a township's list, by campaign, stage, domain), else count(*) over the rows in scope —
   * not TypeORM's getCount, whose COUNT(DISTINCT case_id) took 0.8 s p95 for a county of 1,000,000
   * cases (bench/RESULTS.md, notes to §2).
   */
  private async count(filter: CaseFilter): Promise<number> {
    if (this.countersCover(filter)) {
      const { conditions, parameters } = this.counterConditions(filter);
      const [row]: { cases: string }[] = await this.dataSource.query(`SELECT coalesce(sum(cases), 0)::text AS cases FROM case_dashboard_counter WHERE ${conditions.join(' AND ')}`, parameters);
      return Number(row.cases);
    }
    const row: { total: string } | undefined = await this.filtered(filter).select('count(*)', 'total').getRawOne();
    return Number(row?.total ?? 0);
  }

  /** Whether case_dashboard_counter breaks the cases down by everything the filter names. */
  private countersCover(filter: CaseFilter): boolean {
    return (
      filter.scope.level !== 'organization' &&
      filter.personId === undefined &&
      filter.overdue === undefined &&
      filter.escalationLevel === undefined &&
      filter.awaiting === undefined
    );
  }

  /**
   * The dashboard's figures. Read from `case_dashboard_counter` (at most one row per township, domain
   * and stage of a campaign, kept by triggers on case_record) whenever the filter is made of the
   * counters' keys, as the summary endpoint's always is (the caller's county or township, a campaign);
   * a filter on one organization, one person, overdue or an escalation level, which the counters do not
   * break down, counts the case_record rows in scope instead.
   */
  async dashboard(filter: CaseFilter): Promise<CaseDashboard> {
    return this.countersCover(filter) ? this.dashboardFromCounters(filter) : this.dashboardFromCases(filter);
  }

  /** The WHERE of case_dashboard_counter for a filter made of its keys (positional parameters). */
  private counterConditions(filter: Pick<CaseFilter, 'scope' | 'campaignId' | 'stage' | 'domain' | 'township'>): { conditions: string[]; parameters: unknown[] } {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (column: string, value: unknown) => {
      parameters.push(value);
      conditions.push(`${column} = $${parameters.length}`);
    };
    const { scope } = filter;
    where('county', scope.county);
    if (scope.level === 'township') where('township', scope.township);
    if (filter.campaignId !== undefined) where('campaign_id', filter.campaignId);
    if (filter.stage !== undefined) where('stage', filter.stage);
    if (filter.domain !== undefined) where('domain', filter.domain);
    if (filter.township !== undefined) where('township', filter.township);
    return { conditions, parameters };
  }

  private async dashboardFromCounters(filter: CaseFilter): Promise<CaseDashboard> {
    const { conditions, parameters } = this.counterConditions(filter);
    // One statement, so one snapshot: the sums over the groups in scope, and the cases per stage,
    // domain and township. Sums as text: exact, whatever their size.
    const [row]: { totals: Record<CounterColumn, string | null>; counts: { dimension: 'stage' | 'domain' | 'township'; key: string; cases: string }[] }[] =
      await this.dataSource.query(
        `WITH c AS MATERIALIZED (SELECT * FROM case_dashboard_counter WHERE ${conditions.join(' AND ')})
         SELECT (SELECT to_json(t) FROM (SELECT ${COUNTER_COLUMNS.map((column) => `sum(${column})::text AS ${column}`).join(', ')} FROM c) t) AS totals,
                (SELECT coalesce(json_agg(g), '[]') FROM (
                   SELECT CASE WHEN GROUPING(stage) = 0 THEN 'stage' WHEN GROUPING(domain) = 0 THEN 'domain' ELSE 'township' END AS dimension,
                          coalesce(stage, domain, township) AS key, sum(cases)::text AS cases
                   FROM c GROUP BY GROUPING SETS ((stage), (domain), (township))) g) AS counts`,
        parameters,
      );
    const sum = (column: CounterColumn) => Number(row.totals[column] ?? 0);
    const counts = (dimension: 'stage' | 'domain' | 'township'): Record<string, number> =>
      Object.fromEntries(row.counts.filter((count) => count.dimension === dimension && Number(count.cases) > 0).map((count) => [count.key, Number(count.cases)]));
    const byStage = counts('stage');
    return assemble({
      total: sum('cases'),
      overdue: sum('overdue'),
      converted: CONVERTED_STAGES.reduce((total, stage) => total + (byStage[stage] ?? 0), 0),
      satisfied: sum('satisfied'),
      basicallySatisfied: sum('basically_satisfied'),
      dissatisfied: sum('dissatisfied'),
      ratedCases: sum('rated_cases'),
      belowThreshold: sum('below_threshold'),
      byStage,
      byDomain: counts('domain'),
      byTownship: counts('township'),
      byLevel: { '0': sum('escalation_0'), '1': sum('escalation_1'), '2': sum('escalation_2'), '3': sum('escalation_3') },
      // The same division as avg() over double precision: the exact sum (a whole number of
      // milliseconds) as a double, divided by the number of cases.
      averageMs: STAGES.filter((stage) => sum(`duration_cases_${stage}`) > 0).map((stage) => ({
        stage,
        avgMs: sum(`duration_ms_${stage}`) / sum(`duration_cases_${stage}`),
      })),
    });
  }

  /** The same figures counted over the case_record rows in scope (for filters the counters cannot express). */
  private async dashboardFromCases(filter: CaseFilter): Promise<CaseDashboard> {
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
    return assemble({
      total: Number(totals?.total ?? 0),
      overdue: Number(totals?.overdue ?? 0),
      converted: Number(totals?.converted ?? 0),
      satisfied: Number(totals?.satisfied ?? 0),
      basicallySatisfied: Number(totals?.basicallySatisfied ?? 0),
      dissatisfied: Number(totals?.dissatisfied ?? 0),
      ratedCases: Number(totals?.ratedCases ?? 0),
      belowThreshold: Number(totals?.belowThreshold ?? 0),
      byStage,
      byDomain,
      byTownship,
      byLevel,
      averageMs: durations.map((row) => ({ stage: row.stage, avgMs: Number(row.avgMs) })),
    });
  }

  private averageStageDurations(filter: CaseFilter): Promise<{ stage: string; avgMs: string }[]> {
    const [sql, parameters] = this.filtered(filter).select('r.stage_durations', 'durations').getQueryAndParameters();
    return this.dataSource.query(
      `SELECT d.key AS stage, avg(d.value::double precision) AS "avgMs" FROM (${sql}) f, jsonb_each_text(f.durations) d GROUP BY d.key`,
      parameters,
    );
  }

  /** How many cases in scope wait for a person's decision on a proposal: talks to hold, handling to decide. */
  async awaitingCounts(filter: Pick<CaseFilter, 'scope' | 'campaignId'>): Promise<Record<Proposal['kind'], number>> {
    const { talk, handling } = await this.sums(filter, { talk: 'awaiting_talk', handling: 'awaiting_handling' }, { talk: 'r.awaits_talk::int', handling: 'r.awaits_handling::int' });
    return { talk, organizational_handling: handling };
  }

  /**
   * Measures of the current rounds in scope: all, done (verified), and reported awaiting the committee's
   * verification (已报告待核验).
   */
  measureCounts(filter: Pick<CaseFilter, 'scope' | 'campaignId'>): Promise<{ total: number; done: number; reported: number }> {
    return this.sums(
      filter,
      { total: 'measure_count', done: 'measures_done', reported: 'measures_reported' },
      { total: 'r.measure_count', done: 'r.measures_done', reported: 'r.measures_reported' },
    );
  }

  /**
   * Sums over the cases in scope: from case_dashboard_counter's `counters` for a county or township (a
   * few hundred rows, whatever the number of cases), from the case_record expressions `ofCases` for one
   * organization, which the counters do not break down.
   */
  private async sums<K extends string>(filter: Pick<CaseFilter, 'scope' | 'campaignId'>, counters: Record<K, CounterColumn>, ofCases: Record<K, string>): Promise<Record<K, number>> {
    const names = Object.keys(counters) as K[];
    let row: Record<K, string> | undefined;
    if (filter.scope.level === 'organization') {
      const qb = this.filtered(filter).select('1', 'one');
      for (const name of names) qb.addSelect(`COALESCE(SUM(${ofCases[name]}), 0)`, name);
      row = await qb.getRawOne();
    } else {
      const { conditions, parameters } = this.counterConditions(filter);
      [row] = await this.dataSource.query(
        `SELECT ${names.map((name) => `COALESCE(SUM(${counters[name]}), 0) AS "${name}"`).join(', ')} FROM case_dashboard_counter WHERE ${conditions.join(' AND ')}`,
        parameters,
      );
    }
    return Object.fromEntries(names.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<K, number>;
  }

  /** The case's seq as the read model has it (how many timeline entries are written); null when it has no row. */
  async recordedSeq(caseId: string): Promise<number | null> {
    const rows: { seq: number }[] = await this.dataSource.query('SELECT seq FROM case_record WHERE case_id = $1', [caseId]);
    return rows.length > 0 ? Number(rows[0].seq) : null;
  }

  /**
   * The cases in scope that may hold something for this person to do (待办): the person's own cases,
   * cases in the given stages, cases in remediation that wait on the committee
   * (`remediationAwaitingCommittee`: every current measure done, or the branch has explained a lapse),
   * cases owing a plan whose campaign has ended or ends before the plan is due (`planPastCampaignEnd`:
   * the county's deadline to set), or cases where a proposal of the given kinds waits. At most `limit`,
   * the earliest due first; the to-do rules themselves are the domain's, this only must not leave out a
   * case they would list.
   *
   * With `committeeTodos`, the cases whose kept committee to-do list is not empty, with that list and
   * without the state; the other conditions then only pick among rows written before the list was kept.
   */
  async todoCandidates(
    scope: Scope,
    where: {
      personId?: string;
      committeeTodos?: boolean;
      stages?: readonly Stage[];
      remediationAwaitingCommittee?: boolean;
      planPastCampaignEnd?: boolean;
      awaiting?: readonly Proposal['kind'][];
    },
    limit: number,
  ): Promise<TodoCandidate[]> {
    const { anyOf, parameters } = this.todoConditions(where);
    if (anyOf.length === 0 && !where.committeeTodos) return [];
    const qb = this.filtered({ scope }).select(['r.case_id AS case_id', 'r.org_name AS org_name', 'r.township AS township', 'r.stage AS stage']);
    const legacy = anyOf.length > 0 ? `(${anyOf.join(' OR ')})` : 'false';
    if (where.committeeTodos) {
      qb.addSelect('r.committee_todos', 'committee_todos')
        .addSelect('CASE WHEN r.committee_todos IS NULL THEN r.state END', 'state')
        .andWhere(`(jsonb_array_length(r.committee_todos) > 0 OR (r.committee_todos IS NULL AND ${legacy}))`, parameters);
    } else {
      qb.addSelect('NULL::jsonb', 'committee_todos').addSelect('r.state', 'state').andWhere(legacy, parameters);
    }
    const rows: { case_id: string; org_name: string; township: string; stage: Stage; committee_todos: Todo[] | null; state: Omit<CaseState, 'timeline'> | null }[] = await qb
      .orderBy('r.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('r.case_id', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((row) => ({ caseId: row.case_id, orgName: row.org_name, township: row.township, stage: row.stage, committeeTodos: row.committee_todos, state: row.state }));
  }

  private todoConditions(where: Parameters<CaseQueryRepository['todoCandidates']>[1]): { anyOf: string[]; parameters: Record<string, unknown> } {
    const anyOf: string[] = [];
    const parameters: Record<string, unknown> = {};
    if (where.personId !== undefined) {
      anyOf.push('r.person_ids @> ARRAY[:todoPerson]::text[]');
      parameters.todoPerson = where.personId;
    }
    if (where.stages && where.stages.length > 0) {
      anyOf.push('r.stage IN (:...todoStages)');
      parameters.todoStages = where.stages;
    }
    if (where.remediationAwaitingCommittee) {
      // Most cases in remediation have measures still pending and nothing for the committee (no report
      // to verify, no explanation to review, not all done): reading
      // their states was most of a committee's to-do time (bench/RESULTS.md §4).
      anyOf.push(
        `(r.stage = 'remediating' AND (r.measures_done >= r.measure_count OR r.measures_reported > 0 OR r.state @> '{"measures":[{"awaitsApproval":true}]}' OR jsonb_array_length(COALESCE(r.state -> 'escalation' -> 'explanations', '[]'::jsonb)) > 0))`,
      );
    }
    if (where.planPastCampaignEnd) {
      anyOf.push(
        `(r.stage IN ('assigned', 'planning') AND ((r.state #>> '{campaign,endsAt}')::timestamptz <= now() OR (r.state #>> '{deadlines,planDueAt}')::timestamptz >= (r.state #>> '{campaign,endsAt}')::timestamptz))`,
      );
    }
    for (const [index, kind] of (where.awaiting ?? []).entries()) {
      anyOf.push(`r.state -> 'escalation' -> 'proposals' @> :todoAwaiting${index}::jsonb`);
      parameters[`todoAwaiting${index}`] = JSON.stringify([{ kind, status: 'proposed' }]);
    }
    return { anyOf, parameters };
  }

  /**
   * Recorded talks with each person on the county's other cases (the township Party secretary is
   * talked to about each branch he answers for): personId → count, 0 for none.
   */
  async talksElsewhere(county: string, personIds: readonly string[], exceptCaseId: string): Promise<Record<string, number>> {
    if (personIds.length === 0) return {};
    const rows: { person: string; talks: string }[] = await this.dataSource.query(
      `SELECT p.person, COALESCE(sum((r.state -> 'escalation' -> 'talkCounts' ->> p.person)::integer), 0) AS talks
         FROM unnest($2::text[]) AS p(person)
         LEFT JOIN case_record r ON r.county = $1 AND r.case_id <> $3 AND (r.state -> 'escalation' -> 'talkCounts') ? p.person
        GROUP BY p.person`,
      [county, personIds, exceptCaseId],
    );
    return Object.fromEntries(rows.map((row) => [row.person, Number(row.talks)]));
  }

  /** The measures' text of every other plan in the campaign (for the approver's copied-plan warning). */
  async plansInCampaign(campaignId: string, exceptCaseId: string): Promise<{ caseId: string; orgName: string; measures: string[] }[]> {
    const rows: { case_id: string; org_name: string; measures: string[] }[] = await this.dataSource.query(
      `SELECT case_id, org_name, ARRAY(SELECT m ->> 'description' FROM jsonb_array_elements(state -> 'measures') AS m) AS measures
         FROM case_record
        WHERE campaign_id = $1 AND case_id <> $2 AND measure_count > 0`,
      [campaignId, exceptCaseId],
    );
    return rows.map((row) => ({ caseId: row.case_id, orgName: row.org_name, measures: row.measures }));
  }

  /** The case as the workflow last wrote it (without its timeline, which is in case_event); null when it has no row yet. */
  async stateOf(caseId: string): Promise<Omit<CaseState, 'timeline'> | null> {
    const row = await this.dataSource.getRepository(CaseRecordEntity).findOne({ where: { caseId }, select: { caseId: true, state: true } });
    return row ? row.state : null;
  }

  /** Where a case belongs, for scope checks; null when the read model has no row yet. */
  async placeOf(caseId: string): Promise<{ county: string; township: string; orgCode: string } | null> {
    const row = await this.dataSource
      .getRepository(CaseRecordEntity)
      .findOne({ where: { caseId }, select: { caseId: true, county: true, township: true, orgCode: true } });
    return row ? { county: row.county, township: row.township, orgCode: row.orgCode } : null;
  }

  /**
   * Whether anything of the case is public (a plan has been approved and posted: the case has been in
   * `remediating`, as domain's publicNotice decides). One primary-key lookup whether the case exists
   * or not, so the public cannot tell a missing case from an unpublished one by the time either takes.
   */
  async isPublicized(caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_record WHERE case_id = $1 AND state -> 'history' @> '[{"to":"remediating"}]'::jsonb`,
      [caseId],
    );
    return rows.length > 0;
  }
}
