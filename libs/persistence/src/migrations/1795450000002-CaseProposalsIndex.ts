import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the cases where a proposal (talk, organizational handling) waits for a decision: the dashboard's counts and the list filter. */
export class CaseProposalsIndex1795450000002 implements MigrationInterface {
  name = 'CaseProposalsIndex1795450000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_case_record_proposals" ON "case_record" USING gin ((state -> 'escalation' -> 'proposals') jsonb_path_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_record_proposals"`);
  }
}
