import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the Supervisor API's reads need: every list and dashboard query is limited to the
 * caller's scope (county, then township or organization), lists are sorted by due date, campaigns
 * are listed per county, and old idempotency records are purged by age.
 */
export class ApiQueryIndexes1795361684782 implements MigrationInterface {
  name = 'ApiQueryIndexes1795361684782';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_case_county_township_stage" ON "case_record" ("county", "township", "stage")`);
    await queryRunner.query(`CREATE INDEX "idx_case_county_org" ON "case_record" ("county", "org_code")`);
    await queryRunner.query(`CREATE INDEX "idx_case_next_due" ON "case_record" ("next_due_at")`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_county" ON "campaign" ("county", "created_at")`);
    await queryRunner.query(`CREATE INDEX "idx_idempotency_created" ON "idempotency_record" ("created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_idempotency_created"`);
    await queryRunner.query(`DROP INDEX "idx_campaign_county"`);
    await queryRunner.query(`DROP INDEX "idx_case_next_due"`);
    await queryRunner.query(`DROP INDEX "idx_case_county_org"`);
    await queryRunner.query(`DROP INDEX "idx_case_county_township_stage"`);
  }
}
