import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox and the county's work-chat robots.
 * - `notification_read`: which outbox notification a user has read (one row per user and key; no
 *   row means unread). Removed with its notification.
 * - `idx_outbox_recipients`: the inbox finds a user's notifications by `recipients @> [...]` (a
 *   person by personId, or a role in a scope), which this GIN index serves.
 * - `notification_robot`: a county's DingTalk / WeCom group robot (webhook URL, optional DingTalk
 *   signing secret) and the site address its messages link to. Written by the county department.
 * Hand-written; NotificationReadEntity and NotificationRobotEntity declare the columns.
 */
export class NotificationInboxAndRobots1795460000000 implements MigrationInterface {
  name = 'NotificationInboxAndRobots1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_read" ("user_id" text NOT NULL, "notification_key" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_notification_read" PRIMARY KEY ("user_id", "notification_key"),
        CONSTRAINT "FK_notification_read_key" FOREIGN KEY ("notification_key") REFERENCES "notification_outbox"("key") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_notification_read_key" ON "notification_read" ("notification_key")`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_recipients" ON "notification_outbox" USING gin ("recipients" jsonb_path_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_event_at" ON "notification_outbox" ("event_at")`);
    await queryRunner.query(
      `CREATE TABLE "notification_robot" ("county" text NOT NULL, "provider" text NOT NULL, "webhook_url" text NOT NULL, "secret" text, "site_url" text NOT NULL,
        "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_notification_robot" PRIMARY KEY ("county", "provider"),
        CONSTRAINT "CHK_notification_robot_provider" CHECK ("provider" IN ('dingtalk', 'wecom')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_robot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_event_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_recipients"`);
    await queryRunner.query(`DROP TABLE "notification_read"`);
  }
}
