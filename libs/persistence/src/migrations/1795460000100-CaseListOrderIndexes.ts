import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The list's default order (GET /cases: the latest changed first), for the county's and for one township's cases. */
export const LIST_ORDER_INDEXES = {
  idx_case_county_updated: `("county", "updated_at" DESC NULLS LAST, "case_id")`,
  idx_case_township_updated: `("county", "township", "updated_at" DESC NULLS LAST, "case_id")`,
};

/**
 * The first page of 整顿对象 as everyone opens it (no filter, the latest changed first) sorted every case
 * in scope to take 20: 514 ms for a county at 1,000,000 cases, and a township's 50,000 rows, spread over
 * the whole table, read one page each (bench/RESULTS.md §2). With these indexes Postgres walks the scope's
 * cases in that order and stops after the page. Other orders and filters are rarer and stay as they were.
 */
export class CaseListOrderIndexes1795460000100 implements MigrationInterface {
  name = 'CaseListOrderIndexes1795460000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of Object.entries(LIST_ORDER_INDEXES)) await queryRunner.query(`CREATE INDEX "${name}" ON "case_record" ${columns}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(LIST_ORDER_INDEXES)) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
