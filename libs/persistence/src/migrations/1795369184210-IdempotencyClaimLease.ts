import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim on an Idempotency-Key becomes a lease: which API instance holds it (`claimed_by`, a random
 * id per process) and until when (`lease_until`), renewed by that instance while the request runs. A
 * key claimed by an instance that died is taken over once its lease has run out, rather than two
 * minutes after the claim. Claims in flight while this runs keep the two minutes they had.
 * Hand-written; IdempotencyRecordEntity declares both columns, IdempotencyRepository's SQL uses them.
 */
export class IdempotencyClaimLease1795369184210 implements MigrationInterface {
  name = 'IdempotencyClaimLease1795369184210';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_record" ADD "claimed_by" text, ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "idempotency_record" SET "lease_until" = "created_at" + interval '120 seconds' WHERE "status_code" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_record" DROP COLUMN "lease_until", DROP COLUMN "claimed_by"`);
  }
}
