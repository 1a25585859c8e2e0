import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 村（社区）“两委”换届: the county's re-election date and any township's own, before which rural rectification must be done. */
export class CampaignReelection1795460000010 implements MigrationInterface {
  name = 'CampaignReelection1795460000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" ADD "reelection" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "reelection"`);
  }
}
