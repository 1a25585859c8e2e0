import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Screening-list imports (摸排名单导入): one import_job per uploaded file and campaign, its rows in
 * import_row, which the import workflow pages through. Generated; the indexes ApiQueryIndexes made by
 * hand (not declared on the entities) are left alone.
 */
export class CampaignImports1795363356448 implements MigrationInterface {
    name = 'CampaignImports1795363356448'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "import_job" ("id" text NOT NULL, "campaign_id" text NOT NULL, "file_sha256" text NOT NULL, "file_name" text, "workflow_id" text NOT NULL, "campaign" jsonb NOT NULL, "policy" jsonb NOT NULL, "opened_by" jsonb NOT NULL, "row_count" integer NOT NULL, "total" integer NOT NULL, "issues" jsonb NOT NULL, "started" integer NOT NULL DEFAULT '0', "already_existing" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "done" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_import_job_campaign" ON "import_job"  ("campaign_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "import_row" ("import_id" text NOT NULL, "row_no" integer NOT NULL, "org_code" text NOT NULL, "case_id" text NOT NULL, "input" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "first_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_01ed7949d97fa70135c8016c183" PRIMARY KEY ("import_id", "row_no"))`);
        await queryRunner.query(`CREATE INDEX "idx_import_row_pending" ON "import_row"  ("import_id", "row_no") WHERE status = 'pending'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_import_row_pending"`);
        await queryRunner.query(`DROP TABLE "import_row"`);
        await queryRunner.query(`DROP INDEX "public"."idx_import_job_campaign"`);
        await queryRunner.query(`DROP TABLE "import_job"`);
        await queryRunner.query(`CREATE INDEX "idx_campaign_county" ON "campaign" USING btree ("county", "created_at") `);
    }

}
