import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The county's decisions on the graded accountability of township committees. Hand-written; CommitteeDecisionEntity declares the columns. */
export class CommitteeDecisions1795450000001 implements MigrationInterface {
  name = 'CommitteeDecisions1795450000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "committee_decision" ("campaign_id" text NOT NULL, "township" text NOT NULL, "grade" text NOT NULL, "decision" text NOT NULL, "reason" text NOT NULL, "decided_by_id" text NOT NULL, "decided_by_name" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_committee_decision" PRIMARY KEY ("campaign_id", "township", "grade"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "committee_decision"`);
  }
}
