import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-group counters behind GET /dashboard/summary, so that the summary reads a few hundred rows
 * instead of every case of a campaign (about 300 ms at 100,000 cases).
 *
 * One row of `case_dashboard_counter` per county × campaign × township × domain × stage (at most 800
 * per campaign of 20 townships), holding, over the case_record rows of that group: the number of
 * cases, of overdue cases and of cases at each escalation level; the sums of their satisfaction
 * tallies; how many are rated and how many are rated below their own policy's threshold (the same
 * expressions the summary used over case_record); and, per stage, the sum of the milliseconds in
 * `stage_durations` and the number of cases with a numeric value there (the average is divided at read
 * time, so it stays exact). Overdue and escalation level are counts rather than key columns: with them
 * in the key a campaign could have 6,400 groups, and reading those took 50 ms. Groups whose cases fall
 * to zero are deleted.
 *
 * Kept by statement-level AFTER triggers on case_record with transition tables (INSERT, UPDATE — which
 * includes INSERT … ON CONFLICT DO UPDATE — and DELETE; TRUNCATE empties the counters): each statement
 * subtracts the old rows' contributions and adds the new rows', grouped by key, in ONE
 * `INSERT … ON CONFLICT DO UPDATE` whose rows are sorted by key, so that concurrent writers lock
 * counter rows in the same order and cannot deadlock on them; a change that adds up to nothing (say,
 * only next_due_at) touches no counter row. The triggers are created before the backfill in the same
 * transaction: CREATE TRIGGER blocks writes to case_record until the migration commits, so no write is
 * counted twice or missed.
 *
 * The stages are those of the domain when this was written: a stage added to STAGES needs a migration
 * that adds its two columns and replaces case_dashboard_counter_sync() (`counterSyncFunction`, as
 * CaseDashboardMeasureCounters does for the measures). Until then the summary fails
 * loudly, since CaseQueryRepository names the columns it sums after STAGES.
 */

const STAGES = [
  'identified',
  'assigned',
  'planning',
  'remediating',
  'publicizing',
  'preliminary_acceptance',
  'county_acceptance',
  'delisted',
  'follow_up_review',
  'archived',
];
const KEY = ['county', 'campaign_id', 'township', 'domain', 'stage'];
const key = (alias?: string) => KEY.map((column) => (alias ? `${alias}."${column}"` : `"${column}"`)).join(', ');

/** As CaseQueryRepository computed them over case_record: NULL (not rated) when any count is NULL. */
const RATINGS = '(satisfied_count + basically_satisfied_count + dissatisfied_count)';
const CONTENT = '(satisfied_count + basically_satisfied_count)';
/** A stage's milliseconds in stage_durations, when a number (NULL otherwise, and for a non-object). */
const durationOf = (stage: string) => `CASE WHEN jsonb_typeof(stage_durations -> '${stage}') = 'number' THEN (stage_durations -> '${stage}')::numeric END`;
/** The column of `changes` holding durationOf(stage). */
const duration = (stage: string) => `"ms_${stage}"`;

/** A counter column, with the contribution of one row of `changes` (whose `sign` is +1 or -1). */
export type Counter = [column: string, type: string, contribution: string];

/** The counters this migration made (later migrations add to them: CaseDashboardMeasureCounters). */
export const COUNTERS: Counter[] = [
  ['cases', 'bigint', 'sign'],
  ['overdue', 'bigint', 'CASE WHEN overdue THEN sign ELSE 0 END'],
  ...[0, 1, 2, 3].map((level): [string, string, string] => [`escalation_${level}`, 'bigint', `CASE WHEN escalation_level = ${level} THEN sign ELSE 0 END`]),
  ['satisfied', 'bigint', 'sign * coalesce(satisfied_count, 0)'],
  ['basically_satisfied', 'bigint', 'sign * coalesce(basically_satisfied_count, 0)'],
  ['dissatisfied', 'bigint', 'sign * coalesce(dissatisfied_count, 0)'],
  ['rated_cases', 'bigint', `CASE WHEN ${RATINGS} > 0 THEN sign ELSE 0 END`],
  ['below_threshold', 'bigint', `CASE WHEN ${RATINGS} > 0 AND ${CONTENT}::double precision / ${RATINGS} < satisfaction_threshold THEN sign ELSE 0 END`],
  ...STAGES.flatMap((stage): Counter[] => [
    [`duration_ms_${stage}`, 'numeric', `coalesce(sign * ${duration(stage)}, 0)`],
    [`duration_cases_${stage}`, 'bigint', `CASE WHEN ${duration(stage)} IS NOT NULL THEN sign ELSE 0 END`],
  ]),
];
/**
 * Adds `changes` (rows of case_record's columns with a `sign` of +1 or -1) to the `counters`, and
 * stores into the PL/pgSQL variable `zeroed` how many counter rows it left with no cases.
 */
function applyChanges(counters: Counter[], changes: string): string {
  const columns = counters.map(([column]) => column);
  return `WITH changes AS (SELECT *, ${STAGES.map((stage) => `${durationOf(stage)} AS ${duration(stage)}`).join(', ')} FROM (${changes}) x),
  groups AS (
    SELECT ${key()}, ${counters.map(([column, , contribution]) => `sum(${contribution}) AS ${column}`).join(',\n      ')}
    FROM changes GROUP BY ${key()}
  ),
  upserted AS (
    INSERT INTO case_dashboard_counter AS t (${key()}, ${columns.join(', ')})
    SELECT ${key()}, ${columns.join(', ')} FROM groups
    WHERE ${columns.map((column) => `${column} <> 0`).join(' OR ')}
    -- One statement, rows in key order: concurrent writers lock counter rows in the same order.
    ORDER BY ${key()}
    ON CONFLICT (${key()}) DO UPDATE SET ${columns.map((column) => `${column} = t.${column} + EXCLUDED.${column}`).join(', ')}
    RETURNING t.cases
  )
  SELECT count(*) FILTER (WHERE cases = 0) INTO zeroed FROM upserted`;
}

/** The columns of case_record a change contributes (those its counters' contributions read), from a transition table. */
const columnsOf = (alias: string, rowColumns: readonly string[]) =>
  `${key(alias)}, ${['overdue', 'escalation_level', 'satisfied_count', 'basically_satisfied_count', 'dissatisfied_count', 'satisfaction_threshold', 'stage_durations', ...rowColumns]
    .map((column) => `${alias}.${column}`)
    .join(', ')}`;

/** Counter rows left with no cases by removing the old rows, deleted (they are locked by this transaction already). */
const DELETE_ZEROED = `IF zeroed > 0 THEN
      DELETE FROM case_dashboard_counter t USING (SELECT DISTINCT ${key()} FROM old_rows) o
      WHERE t.cases = 0 AND ${KEY.map((column) => `t."${column}" = o."${column}"`).join(' AND ')};
    END IF;`;

/**
 * case_dashboard_counter_sync(), adding up `counters` whose contributions read the case_record columns
 * of the first migration and `rowColumns`.
 */
export function counterSyncFunction(counters: Counter[], rowColumns: readonly string[] = []): string {
  const apply = (changes: (columns: (alias: string) => string) => string) => applyChanges(counters, changes((alias) => columnsOf(alias, rowColumns)));
  return `CREATE OR REPLACE FUNCTION case_dashboard_counter_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  zeroed bigint;
BEGIN
  -- INSERT … ON CONFLICT fires both the INSERT and the UPDATE trigger, one of them with no rows.
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
    ${apply((of) => `SELECT 1 AS sign, ${of('n')} FROM new_rows n`)};
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;
    ${apply((of) => `SELECT -1 AS sign, ${of('o')} FROM old_rows o UNION ALL SELECT 1, ${of('n')} FROM new_rows n`)};
    ${DELETE_ZEROED}
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;
    ${apply((of) => `SELECT -1 AS sign, ${of('o')} FROM old_rows o`)};
    ${DELETE_ZEROED}
  END IF;
  RETURN NULL;
END
$fn$`;
}

/**
 * Sets counter columns added by a later migration from case_record as it is (`aggregates`: counter
 * column → aggregate over a group's rows). Run with case_record locked against writes.
 */
export function counterBackfill(aggregates: Record<string, string>): string {
  const columns = Object.keys(aggregates);
  return `UPDATE case_dashboard_counter t SET ${columns.map((column) => `"${column}" = s."${column}"`).join(', ')}
    FROM (SELECT ${key()}, ${columns.map((column) => `${aggregates[column]} AS "${column}"`).join(', ')} FROM case_record GROUP BY ${key()}) s
    WHERE ${KEY.map((column) => `t."${column}" = s."${column}"`).join(' AND ')}`;
}

export class CaseDashboardCounters1795369300000 implements MigrationInterface {
  name = 'CaseDashboardCounters1795369300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_dashboard_counter" (${KEY.map((column) => `"${column}" text NOT NULL`).join(', ')},
        ${COUNTERS.map(([column, type]) => `"${column}" ${type} NOT NULL`).join(', ')},
        CONSTRAINT "PK_case_dashboard_counter" PRIMARY KEY (${key()})
      ) WITH (fillfactor = 70)`,
    );
    await queryRunner.query(`COMMENT ON TABLE "case_dashboard_counter" IS 'Dashboard counters per group of case_record rows, kept by the case_dashboard_counter_sync triggers'`);
    await queryRunner.query(counterSyncFunction(COUNTERS));
    await queryRunner.query(
      `CREATE FUNCTION case_dashboard_counter_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN DELETE FROM case_dashboard_counter; RETURN NULL; END $fn$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_dashboard_counter_insert AFTER INSERT ON "case_record" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_dashboard_counter_sync()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_dashboard_counter_update AFTER UPDATE ON "case_record" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_dashboard_counter_sync()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_dashboard_counter_delete AFTER DELETE ON "case_record" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_dashboard_counter_sync()`,
    );
    await queryRunner.query(`CREATE TRIGGER case_dashboard_counter_truncate AFTER TRUNCATE ON "case_record" FOR EACH STATEMENT EXECUTE FUNCTION case_dashboard_counter_truncate()`);
    // Backfill: the same computation over every existing row (writes are blocked since CREATE TRIGGER).
    await queryRunner.query(`DO $do$ DECLARE zeroed bigint; BEGIN ${applyChanges(COUNTERS, `SELECT 1 AS sign, ${columnsOf('r', [])} FROM case_record r`)}; END $do$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_dashboard_counter_truncate ON "case_record"`);
    await queryRunner.query(`DROP TRIGGER case_dashboard_counter_delete ON "case_record"`);
    await queryRunner.query(`DROP TRIGGER case_dashboard_counter_update ON "case_record"`);
    await queryRunner.query(`DROP TRIGGER case_dashboard_counter_insert ON "case_record"`);
    await queryRunner.query(`DROP FUNCTION case_dashboard_counter_truncate()`);
    await queryRunner.query(`DROP FUNCTION case_dashboard_counter_sync()`);
    await queryRunner.query(`DROP TABLE "case_dashboard_counter"`);
  }
}
