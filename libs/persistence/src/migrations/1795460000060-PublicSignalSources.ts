import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the public's signals came from, hashed (PublicSignalRepository): one rating per device and
 * case; a bound on the open objections one address may have on a case.
 */
export class PublicSignalSources1795460000060 implements MigrationInterface {
  name = 'PublicSignalSources1795460000060';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "public_rating_device" ("case_id" text NOT NULL, "device_hash" text NOT NULL, "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_public_rating_device" PRIMARY KEY ("case_id", "device_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "public_objection_source" ("case_id" text NOT NULL, "objection_id" text NOT NULL, "source_hash" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_public_objection_source" PRIMARY KEY ("case_id", "objection_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_public_objection_source_case_source" ON "public_objection_source" ("case_id", "source_hash")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "public_objection_source"`);
    await queryRunner.query(`DROP TABLE "public_rating_device"`);
  }
}
