import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 节假日安排: the years' statutory holiday arrangements the county entered (HolidayArrangementEntity). */
export class HolidayArrangements1795460000040 implements MigrationInterface {
  name = 'HolidayArrangements1795460000040';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "holiday_arrangement" ("year" integer NOT NULL, "holidays" jsonb NOT NULL, "make_up_workdays" jsonb NOT NULL,
        "entered_by" text NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_holiday_arrangement" PRIMARY KEY ("year"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "holiday_arrangement"`);
  }
}
