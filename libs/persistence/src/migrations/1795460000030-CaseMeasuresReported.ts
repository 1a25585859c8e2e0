import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 已报告待核验: measures the branch reported done and the township committee has not verified yet. */
export class CaseMeasuresReported1795460000030 implements MigrationInterface {
  name = 'CaseMeasuresReported1795460000030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_record" ADD "measures_reported" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_record" DROP COLUMN "measures_reported"`);
  }
}
