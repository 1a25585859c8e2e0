import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application's role: the API and worker act as it on every connection (DATABASE_APP_ROLE). */
export const APP_DB_ROLE = 'zhengdun_app';
/** Owns the audit trail's table, sequence, triggers and functions; nobody logs in as it. */
export const AUDIT_OWNER_DB_ROLE = 'zhengdun_audit_owner';

const APPEND_SIGNATURE = 'audit_append(text, text, text, text, text, text, text, integer)';
const OLD_APPEND_SIGNATURE = 'audit_append(text, text, text, text, text, text, text)';

/**
 * An audit trail the application cannot cut (issue 16, finding 5):
 *
 * - Roles. `zhengdun_audit_owner` (NOLOGIN) owns audit_entry, its sequence, audit_checkpoint and the
 *   functions; `zhengdun_app` (NOLOGIN) is what the apps act as. The app may SELECT the audit table,
 *   EXECUTE `audit_append` (SECURITY DEFINER, fixed search_path) and add signed checkpoints — nothing
 *   else: no INSERT/UPDATE/DELETE/TRUNCATE on audit_entry, and as a non-owner it cannot ALTER the table
 *   or DISABLE its triggers. It keeps full DML on every other table, now and (default privileges) on
 *   tables later migrations create. Roles are per cluster: created only when absent.
 * - TRUNCATE refused by a statement trigger on both audit tables (the row triggers never see it).
 * - Exactly once per action: `case_seq`, the case's seq right after the action (what the workflow's
 *   Update returns, and what the reconciler reads off the timeline), unique per case. `audit_append`
 *   with a case_seq already recorded returns that row instead of adding one; under the chain lock, so a
 *   retried request and the reconciler cannot both append.
 * - audit_checkpoint: signed heads (head id, head hash, entry count) written by the API with
 *   AUDIT_HMAC_KEY, which never reaches the database (see audit-log.repository.ts).
 *
 * The row hash now covers case_seq when it is set; rows without one hash as before, so existing
 * chains still verify.
 */
export class AuditRolesCheckpointsAndCaseKeys1795420000000 implements MigrationInterface {
  name = 'AuditRolesCheckpointsAndCaseKeys1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Create the roles if absent; another database of the cluster may be creating them right now.
    for (const role of [AUDIT_OWNER_DB_ROLE, APP_DB_ROLE]) {
      await queryRunner.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            BEGIN
              CREATE ROLE ${role} NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
          END IF;
        END $$`);
    }
    // A migration user that is not a superuser must belong to the owner role to hand it the table.
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${AUDIT_OWNER_DB_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${AUDIT_OWNER_DB_ROLE} TO %I', current_user);
        END IF;
      END $$`);

    await queryRunner.query(`ALTER TABLE "audit_entry" ADD COLUMN "case_seq" integer`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_audit_case_seq" ON "audit_entry" ("case_id", "case_seq") WHERE "case_seq" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "audit_checkpoint" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL,
        "head_id" bigint NOT NULL,
        "head_hash" text NOT NULL,
        "entry_count" bigint NOT NULL,
        "key_id" text NOT NULL,
        "mac" text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "idx_audit_checkpoint_head" ON "audit_checkpoint" ("head_id")`);

    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_rewrite()`);
    await queryRunner.query(`CREATE TRIGGER audit_checkpoint_no_rewrite BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION audit_refuse_rewrite()`);
    await queryRunner.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_rewrite()`);

    await queryRunner.query(`DROP FUNCTION ${OLD_APPEND_SIGNATURE}`);
    const [{ schema }]: { schema: string }[] = await queryRunner.query(`SELECT current_schema() AS schema`);
    await queryRunner.query(`
      CREATE FUNCTION audit_append(p_user_id text, p_user_name text, p_role text, p_case_id text, p_action text, p_payload_digest text, p_outcome text, p_case_seq integer DEFAULT NULL)
      RETURNS TABLE (id text, at timestamptz, prev_hash text, hash text, appended boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ${quoteIdent(schema)}, pg_temp AS $$
      DECLARE
        v_id bigint;
        v_at timestamptz;
        v_prev text;
        v_content text;
      BEGIN
        -- "zdau": one chain, one writer at a time. Each statement below sees what the previous holder committed.
        PERFORM pg_advisory_xact_lock(2053398901); -- 0x7a646175, AUDIT_CHAIN_LOCK
        IF p_case_seq IS NOT NULL THEN
          -- This action of this case is already recorded (a retried request, or the reconciler first).
          RETURN QUERY SELECT e.id::text, e.at, e.prev_hash, e.hash, false FROM audit_entry e WHERE e.case_id = p_case_id AND e.case_seq = p_case_seq;
          IF FOUND THEN RETURN; END IF;
        END IF;
        SELECT e.hash INTO v_prev FROM audit_entry e ORDER BY e.id DESC LIMIT 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        v_id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
        -- Milliseconds, as JavaScript's toISOString shows them; taken under the lock, so times follow the chain.
        v_at := date_trunc('milliseconds', clock_timestamp());
        -- canonicalJson of { id, at, userId, userName, role, caseId, caseSeq?, action, payloadDigest, outcome }: keys sorted, no spaces.
        v_content := '{"action":' || to_json(p_action)::text
          || ',"at":' || to_json(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
          || ',"caseId":' || coalesce(to_json(p_case_id)::text, 'null')
          || coalesce(',"caseSeq":' || p_case_seq::text, '')
          || ',"id":' || to_json(v_id::text)::text
          || ',"outcome":' || to_json(p_outcome)::text
          || ',"payloadDigest":' || to_json(p_payload_digest)::text
          || ',"role":' || to_json(p_role)::text
          || ',"userId":' || to_json(p_user_id)::text
          || ',"userName":' || to_json(p_user_name)::text
          || '}';
        INSERT INTO audit_entry (id, at, user_id, user_name, role, case_id, case_seq, action, payload_digest, outcome, prev_hash, hash)
        VALUES (v_id, v_at, p_user_id, p_user_name, p_role, p_case_id, p_case_seq, p_action, p_payload_digest, p_outcome, v_prev,
                encode(sha256(convert_to(v_prev || v_content, 'UTF8')), 'hex'))
        RETURNING audit_entry.id::text, audit_entry.at, audit_entry.prev_hash, audit_entry.hash, true
        INTO id, at, prev_hash, hash, appended;
        RETURN NEXT;
      END $$`);

    // Ownership: the audit objects to their own role, so the app's role is not their owner. (A new
    // owner needs CREATE on the schema — superusers skip that check, a migration login does not.)
    await queryRunner.query(`GRANT USAGE, CREATE ON SCHEMA ${quoteIdent(schema)} TO ${AUDIT_OWNER_DB_ROLE}`);
    await queryRunner.query(`ALTER TABLE "audit_entry" OWNER TO ${AUDIT_OWNER_DB_ROLE}`);
    await queryRunner.query(`ALTER SEQUENCE "audit_entry_id_seq" OWNER TO ${AUDIT_OWNER_DB_ROLE}`);
    await queryRunner.query(`ALTER TABLE "audit_checkpoint" OWNER TO ${AUDIT_OWNER_DB_ROLE}`);
    await queryRunner.query(`ALTER SEQUENCE "audit_checkpoint_id_seq" OWNER TO ${AUDIT_OWNER_DB_ROLE}`);
    for (const fn of [APPEND_SIGNATURE, 'audit_entry_append_only()', 'audit_refuse_rewrite()']) {
      await queryRunner.query(`ALTER FUNCTION ${fn} OWNER TO ${AUDIT_OWNER_DB_ROLE}`);
    }

    // The application's grants: everything it had on the read model, and on the audit trail only reads,
    // the append function and new checkpoints.
    const s = quoteIdent(schema);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${s} TO ${APP_DB_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${APP_DB_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${APP_DB_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_DB_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON TABLE "audit_entry", "audit_checkpoint" FROM PUBLIC, ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON SEQUENCE "audit_entry_id_seq", "audit_checkpoint_id_seq" FROM PUBLIC, ${APP_DB_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON TABLE "audit_entry" TO ${APP_DB_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON TABLE "audit_checkpoint" TO ${APP_DB_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE "audit_checkpoint_id_seq" TO ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${APPEND_SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${APPEND_SIGNATURE} TO ${APP_DB_ROLE}`);
    // The migrations' own bookkeeping is not the application's to change.
    await queryRunner.query(`
      DO $$ BEGIN
        IF to_regclass('migrations') IS NOT NULL THEN
          EXECUTE 'REVOKE INSERT, UPDATE, DELETE ON TABLE migrations FROM ${APP_DB_ROLE}';
        END IF;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }]: { schema: string }[] = await queryRunner.query(`SELECT current_schema() AS schema`);
    const s = quoteIdent(schema);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_DB_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${APP_DB_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON SCHEMA ${s} FROM ${APP_DB_ROLE}`);
    await queryRunner.query(`ALTER TABLE "audit_entry" OWNER TO CURRENT_USER`);
    await queryRunner.query(`ALTER SEQUENCE "audit_entry_id_seq" OWNER TO CURRENT_USER`);
    await queryRunner.query(`ALTER FUNCTION audit_entry_append_only() OWNER TO CURRENT_USER`);
    await queryRunner.query(`DROP FUNCTION ${APPEND_SIGNATURE}`);
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
    await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_refuse_rewrite()`);
    await queryRunner.query(`DROP INDEX "idx_audit_case_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "case_seq"`);
    // The previous audit_append, as migration AuditAppendFunction created it.
    const { AuditAppendFunction1795370000000 } = await import('./1795370000000-AuditAppendFunction');
    await new AuditAppendFunction1795370000000().up(queryRunner);
    // The roles stay: other databases of the cluster may use them.
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
