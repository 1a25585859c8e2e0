import type { MigrationInterface, QueryRunner } from 'typeorm';
import { counterBackfill, COUNTERS, counterSyncFunction, type Counter } from './1795369300000-CaseDashboardCounters';
import { MEASURE_COLUMNS, MEASURE_COUNTERS } from './1795460000070-CaseDashboardMeasureCounters';

/**
 * The summary's "awaiting a decision" figures (cases where a talk, or an organizational handling
 * decision, is proposed and not yet decided) as counters. Counted over case_record they re-read the
 * whole state of every case with a proposal (through the GIN index, whose matches must be rechecked
 * against the row): 174 ms p95 for the summary at 100,000 whole states (bench/RESULTS.md §4). Two
 * STORED generated columns say it per case, computed by Postgres on each write from the state in hand,
 * and case_dashboard_counter counts them like everything else. Adding the columns rewrites case_record
 * once.
 */
/** The case_record column (whether the case awaits), the counter column (how many cases do), the proposal's kind. */
const AWAITS: [column: string, counter: string, kind: string][] = [
  ['awaits_talk', 'awaiting_talk', 'talk'],
  ['awaits_handling', 'awaiting_handling', 'organizational_handling'],
];
const expression = (kind: string) => `COALESCE((state -> 'escalation' -> 'proposals') @> '[{"kind": "${kind}", "status": "proposed"}]', false)`;
const AWAITING_COUNTERS: Counter[] = AWAITS.map(([column, counter]) => [counter, 'bigint', `CASE WHEN ${column} THEN sign ELSE 0 END`]);
const AWAITS_COLUMNS = AWAITS.map(([column]) => column);

export class CaseAwaitingCounters1795460000080 implements MigrationInterface {
  name = 'CaseAwaitingCounters1795460000080';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No write to case_record between the backfill and the new trigger function: none counted twice or missed.
    await queryRunner.query(`LOCK TABLE "case_record" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`ALTER TABLE "case_record" ${AWAITS.map(([column, , kind]) => `ADD "${column}" boolean GENERATED ALWAYS AS (${expression(kind)}) STORED`).join(', ')}`);
    for (const [column, , kind] of AWAITS) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)`,
        ['case_record', 'GENERATED_COLUMN', column, expression(kind)],
      );
    }
    const counterColumns = AWAITS.map(([, counter]) => counter);
    await queryRunner.query(`ALTER TABLE "case_dashboard_counter" ${counterColumns.map((column) => `ADD "${column}" bigint NOT NULL DEFAULT 0`).join(', ')}`);
    await queryRunner.query(counterSyncFunction([...COUNTERS, ...MEASURE_COUNTERS, ...AWAITING_COUNTERS], [...MEASURE_COLUMNS, ...AWAITS_COLUMNS]));
    await queryRunner.query(counterBackfill(Object.fromEntries(AWAITS.map(([column, counter]) => [counter, `count(*) FILTER (WHERE "${column}")`]))));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(counterSyncFunction([...COUNTERS, ...MEASURE_COUNTERS], MEASURE_COLUMNS));
    await queryRunner.query(`ALTER TABLE "case_dashboard_counter" ${AWAITS.map(([, counter]) => `DROP COLUMN "${counter}"`).join(', ')}`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "database" = current_database() AND "schema" = current_schema() AND "table" = 'case_record' AND "name" = ANY($1)`,
      [AWAITS_COLUMNS],
    );
    await queryRunner.query(`ALTER TABLE "case_record" ${AWAITS_COLUMNS.map((column) => `DROP COLUMN "${column}"`).join(', ')}`);
  }
}
