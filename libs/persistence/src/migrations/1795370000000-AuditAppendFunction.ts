import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit append in one round trip: `audit_append(...)` takes the chain's advisory lock, reads the
 * last hash, and inserts the row with its hash, computed exactly as `auditHash` in
 * audit-log.repository.ts computes it (sha256 of the previous hash and the canonical JSON of the
 * row), which `/audit/verify` checks in TypeScript. The lock is held for the function alone instead
 * of four round trips between the API and Postgres.
 */
export class AuditAppendFunction1795370000000 implements MigrationInterface {
  name = 'AuditAppendFunction1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_append(p_user_id text, p_user_name text, p_role text, p_case_id text, p_action text, p_payload_digest text, p_outcome text)
      RETURNS TABLE (id text, at timestamptz, prev_hash text, hash text)
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_id bigint;
        v_at timestamptz;
        v_prev text;
        v_content text;
      BEGIN
        -- "zdau": one chain, one writer at a time. Each statement below sees what the previous holder committed.
        PERFORM pg_advisory_xact_lock(2053398901); -- 0x7a646175, AUDIT_CHAIN_LOCK
        SELECT e.hash INTO v_prev FROM audit_entry e ORDER BY e.id DESC LIMIT 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        v_id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
        -- Milliseconds, as JavaScript's toISOString shows them; taken under the lock, so times follow the chain.
        v_at := date_trunc('milliseconds', clock_timestamp());
        -- canonicalJson of { id, at, userId, userName, role, caseId, action, payloadDigest, outcome }: keys sorted, no spaces.
        v_content := '{"action":' || to_json(p_action)::text
          || ',"at":' || to_json(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
          || ',"caseId":' || coalesce(to_json(p_case_id)::text, 'null')
          || ',"id":' || to_json(v_id::text)::text
          || ',"outcome":' || to_json(p_outcome)::text
          || ',"payloadDigest":' || to_json(p_payload_digest)::text
          || ',"role":' || to_json(p_role)::text
          || ',"userId":' || to_json(p_user_id)::text
          || ',"userName":' || to_json(p_user_name)::text
          || '}';
        INSERT INTO audit_entry (id, at, user_id, user_name, role, case_id, action, payload_digest, outcome, prev_hash, hash)
        VALUES (v_id, v_at, p_user_id, p_user_name, p_role, p_case_id, p_action, p_payload_digest, p_outcome, v_prev,
                encode(sha256(convert_to(v_prev || v_content, 'UTF8')), 'hex'))
        RETURNING audit_entry.id::text, audit_entry.at, audit_entry.prev_hash, audit_entry.hash
        INTO id, at, prev_hash, hash;
        RETURN NEXT;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_append(text, text, text, text, text, text, text)`);
  }
}
