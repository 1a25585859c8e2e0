import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by the API replicas (RateLimitRepository). UNLOGGED: losing them in a
 * crash only resets the windows; no entity, the repository's SQL is the only user.
 */
export class RateLimitBuckets1795410000000 implements MigrationInterface {
  name = 'RateLimitBuckets1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_bucket" ("bucket" text PRIMARY KEY, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_rate_limit_window_ends" ON "rate_limit_bucket" ("window_ends_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
  }
}
