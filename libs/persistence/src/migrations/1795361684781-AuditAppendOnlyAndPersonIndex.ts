import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the entity decorators cannot say: a GIN index for "cases of this person", and an audit table nobody can rewrite. */
export class AuditAppendOnlyAndPersonIndex1795361684781 implements MigrationInterface {
  name = 'AuditAppendOnlyAndPersonIndex1795361684781';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_case_person_ids" ON "case_record" USING GIN ("person_ids")`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_rewrite BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_entry_no_rewrite ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`DROP INDEX "idx_case_person_ids"`);
  }
}
