import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795361684780 implements MigrationInterface {
    name = 'Init1795361684780'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" text NOT NULL, "user_name" text NOT NULL, "role" text NOT NULL, "case_id" text, "action" text NOT NULL, "payload_digest" text NOT NULL, "outcome" text NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_audit_case" ON "audit_entry"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "campaign" ("id" text NOT NULL, "name" text NOT NULL, "county" text NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "policy" jsonb NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "case_event" ("case_id" text NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "type" text NOT NULL, "actor_id" text NOT NULL, "actor_name" text NOT NULL, "actor_role" text NOT NULL, "summary" text NOT NULL, CONSTRAINT "PK_1856435330da088aa235ae5701c" PRIMARY KEY ("case_id", "seq"))`);
        await queryRunner.query(`CREATE INDEX "idx_case_event_at" ON "case_event"  ("at") `);
        await queryRunner.query(`CREATE TABLE "case_record" ("case_id" text NOT NULL, "campaign_id" text NOT NULL, "county" text NOT NULL, "org_code" text NOT NULL, "org_name" text NOT NULL, "domain" text NOT NULL, "township" text NOT NULL, "is_key_village" boolean NOT NULL DEFAULT false, "stage" text NOT NULL, "round" integer NOT NULL, "overdue" boolean NOT NULL DEFAULT false, "escalation_level" smallint NOT NULL DEFAULT '0', "talks" integer NOT NULL DEFAULT '0', "organizational_handling" boolean NOT NULL DEFAULT false, "problem_count" integer NOT NULL, "open_problem_count" integer NOT NULL, "measure_count" integer NOT NULL, "measures_done" integer NOT NULL, "person_ids" text array NOT NULL, "satisfaction_rate" double precision, "next_due_at" TIMESTAMP WITH TIME ZONE, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delisted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "seq" integer NOT NULL, "revision" integer NOT NULL, "stage_durations" jsonb NOT NULL, "state" jsonb NOT NULL, CONSTRAINT "PK_706a6d272a1c52a6374faee523d" PRIMARY KEY ("case_id"))`);
        await queryRunner.query(`CREATE INDEX "idx_case_updated" ON "case_record"  ("updated_at") `);
        await queryRunner.query(`CREATE INDEX "idx_case_escalation" ON "case_record"  ("escalation_level") `);
        await queryRunner.query(`CREATE INDEX "idx_case_overdue" ON "case_record"  ("overdue") WHERE overdue`);
        await queryRunner.query(`CREATE INDEX "idx_case_domain_stage" ON "case_record"  ("domain", "stage") `);
        await queryRunner.query(`CREATE INDEX "idx_case_township_stage" ON "case_record"  ("township", "stage") `);
        await queryRunner.query(`CREATE INDEX "idx_case_campaign_stage" ON "case_record"  ("campaign_id", "stage") `);
        await queryRunner.query(`CREATE TABLE "idempotency_record" ("key" text NOT NULL, "request_digest" text NOT NULL, "status_code" integer, "body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c30d9b595b0c4bf59cc03ce604c" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE TABLE "notification_outbox" ("key" text NOT NULL, "case_id" text NOT NULL, "kind" text NOT NULL, "recipients" jsonb NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "event_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9bd3fbcea9cee9f96675854a5ad" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_case" ON "notification_outbox"  ("case_id") `);
        await queryRunner.query(`CREATE INDEX "idx_outbox_pending" ON "notification_outbox"  ("status", "next_attempt_at") WHERE status = 'pending'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_case"`);
        await queryRunner.query(`DROP TABLE "notification_outbox"`);
        await queryRunner.query(`DROP TABLE "idempotency_record"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_campaign_stage"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_township_stage"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_domain_stage"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_overdue"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_escalation"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_updated"`);
        await queryRunner.query(`DROP TABLE "case_record"`);
        await queryRunner.query(`DROP INDEX "public"."idx_case_event_at"`);
        await queryRunner.query(`DROP TABLE "case_event"`);
        await queryRunner.query(`DROP TABLE "campaign"`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_case"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
