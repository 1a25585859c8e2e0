import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 我的待办 of a township committee reads its township's cases in due order (CaseQueryRepository.todoCandidates):
 * with this index Postgres walks that township's rows in order and stops at the limit, instead of walking
 * every case of the county by next_due_at and filtering (127 ms at 100,000 cases, bench/RESULTS.md §4).
 */
export class CaseTodoCandidatesIndex1795460000020 implements MigrationInterface {
  name = 'CaseTodoCandidatesIndex1795460000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_case_township_due" ON "case_record" ("county", "township", "next_due_at", "case_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_township_due"`);
  }
}
