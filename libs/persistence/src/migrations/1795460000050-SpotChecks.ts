import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 抽查: the county's samples of a township's 初验 or 回头看 results and its re-checks (SpotCheckEntity). */
export class SpotChecks1795460000050 implements MigrationInterface {
  name = 'SpotChecks1795460000050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "spot_check" ("id" SERIAL NOT NULL, "campaign_id" text NOT NULL, "township" text NOT NULL, "stage" text NOT NULL,
        "share" double precision NOT NULL, "seed" text NOT NULL, "population" jsonb NOT NULL, "sample" jsonb NOT NULL,
        "drawn_by_id" text NOT NULL, "drawn_by_name" text NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_spot_check" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_spot_check_township_stage" UNIQUE ("campaign_id", "township", "stage"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "spot_check_result" ("spot_check_id" integer NOT NULL REFERENCES "spot_check" ("id"), "case_id" text NOT NULL,
        "township_passed" boolean NOT NULL, "county_passed" boolean NOT NULL, "finding" text NOT NULL,
        "checked_by_id" text NOT NULL, "checked_by_name" text NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_spot_check_result" PRIMARY KEY ("spot_check_id", "case_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "spot_check_result"`);
    await queryRunner.query(`DROP TABLE "spot_check"`);
  }
}
