import type { MigrationInterface, QueryRunner } from 'typeorm';
import { counterBackfill, COUNTERS, counterSyncFunction, type Counter } from './1795369300000-CaseDashboardCounters';

/**
 * The summary's measure figures (all, verified, reported awaiting verification) as three more columns
 * of case_dashboard_counter. Summed over case_record they took 304 ms at 1,000,000 cases, most of the
 * summary's time (bench/RESULTS.md §5); from the counters they are a few hundred rows like the rest.
 */
export const MEASURE_COUNTERS: Counter[] = [
  ['measure_count', 'bigint', 'sign * measure_count'],
  ['measures_done', 'bigint', 'sign * measures_done'],
  ['measures_reported', 'bigint', 'sign * measures_reported'],
];
export const MEASURE_COLUMNS = MEASURE_COUNTERS.map(([column]) => column);

export class CaseDashboardMeasureCounters1795460000070 implements MigrationInterface {
  name = 'CaseDashboardMeasureCounters1795460000070';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No write to case_record between the backfill and the new trigger function: none counted twice or missed.
    await queryRunner.query(`LOCK TABLE "case_record" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`ALTER TABLE "case_dashboard_counter" ${MEASURE_COLUMNS.map((column) => `ADD "${column}" bigint NOT NULL DEFAULT 0`).join(', ')}`);
    await queryRunner.query(counterSyncFunction([...COUNTERS, ...MEASURE_COUNTERS], MEASURE_COLUMNS));
    await queryRunner.query(counterBackfill(Object.fromEntries(MEASURE_COLUMNS.map((column) => [column, `sum("${column}")`]))));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(counterSyncFunction(COUNTERS));
    await queryRunner.query(`ALTER TABLE "case_dashboard_counter" ${MEASURE_COLUMNS.map((column) => `DROP COLUMN "${column}"`).join(', ')}`);
  }
}
