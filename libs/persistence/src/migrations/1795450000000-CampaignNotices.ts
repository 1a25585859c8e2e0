import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 督查通报: a campaign's circulated notices, numbered within the campaign. Hand-written; CampaignNoticeEntity declares the columns. */
export class CampaignNotices1795450000000 implements MigrationInterface {
  name = 'CampaignNotices1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_notice" ("id" BIGSERIAL NOT NULL, "campaign_id" text NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_id" text NOT NULL, "issued_by_name" text NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "PK_campaign_notice" PRIMARY KEY ("id"), CONSTRAINT "uq_campaign_notice_number" UNIQUE ("campaign_id", "number"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_notice"`);
  }
}
