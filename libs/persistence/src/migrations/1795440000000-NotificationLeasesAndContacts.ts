import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox leases rows instead of holding row locks while it sends: `lease_owner`/`leased_until`
 * are set in a short claim statement, and a row whose dispatcher died is claimed again once its lease
 * has run out. `deliveries` records each channel's outcome (delivered at, attempts, last error), so a
 * channel that failed is retried without re-sending the ones that succeeded. `dead` is the state a
 * row ends in after the bounded attempts (or a permanent failure such as no address), with `dead_at`.
 * `recipient_contact` is the county's recipient directory: where a person, or a role in a scope, gets
 * e-mail (and a phone number for the county's own use).
 * Hand-written; NotificationEntity and RecipientContactEntity declare the columns.
 */
export class NotificationLeasesAndContacts1795440000000 implements MigrationInterface {
  name = 'NotificationLeasesAndContacts1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ADD "lease_owner" text, ADD "leased_until" TIMESTAMP WITH TIME ZONE, ADD "deliveries" jsonb NOT NULL DEFAULT '{}'::jsonb, ADD "dead_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`CREATE INDEX "idx_outbox_dead" ON "notification_outbox" ("dead_at") WHERE status = 'dead'`);
    await queryRunner.query(
      `CREATE TABLE "recipient_contact" ("county" text NOT NULL, "recipient" text NOT NULL, "name" text, "email" text, "phone" text, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_recipient_contact" PRIMARY KEY ("county", "recipient"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "recipient_contact"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_dead"`);
    await queryRunner.query(`ALTER TABLE "notification_outbox" DROP COLUMN "dead_at", DROP COLUMN "deliveries", DROP COLUMN "leased_until", DROP COLUMN "lease_owner"`);
  }
}
