import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 我的待办 of a township committee read the whole state of every candidate case of its township and ran
 * the domain's to-do rules on each: 119.7 ms p95 at 100,000 cases (bench/RESULTS.md §4), most of it
 * reading, parsing and judging 500 states of about 4 KB. The writer now keeps the committee's to-dos of
 * each case (domain committeeTodos: the same at any hour, for any member), so a committee reads those
 * short lists, and only of the cases that have one. Rows not written since stay NULL and are read as
 * before, so nothing is backfilled and no to-do is left out while old cases wait for their next change.
 */
export class CaseCommitteeTodos1795460000090 implements MigrationInterface {
  name = 'CaseCommitteeTodos1795460000090';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_record" ADD "committee_todos" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_record" DROP COLUMN "committee_todos"`);
  }
}
