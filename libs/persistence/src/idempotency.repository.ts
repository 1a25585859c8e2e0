/**
 * Idempotency keys: the first request with a key claims it; its answer is stored and replayed for
 * every repeat with the same request. A claim is a lease held by one API instance: the instance
 * renews it while the request runs (`renew`), and once it has run out (the instance died: a crash,
 * SIGKILL, a lost host) a repeat of the request takes the key over and runs it again.
 */
import type { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'replay'; statusCode: number; body: unknown }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

/** Who claims a key, and for how long the claim stands unless renewed. */
export interface ClaimHolder {
  /** The claiming API instance (a random id per process). */
  instanceId: string;
  leaseMs: number;
}

/** For a caller that never renews its claims: long enough for any request to finish. */
export const UNRENEWED_CLAIM_HOLDER: ClaimHolder = { instanceId: 'unrenewed', leaseMs: 120_000 };

interface RawRecord {
  request_digest: string;
  status_code: number | null;
  body: unknown;
}

const LEASE = `now() + ($3::text || ' milliseconds')::interval`;

export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(key: string, requestDigest: string, holder: ClaimHolder = UNRENEWED_CLAIM_HOLDER): Promise<IdempotencyClaim> {
    const params = [key, requestDigest, String(holder.leaseMs), holder.instanceId];
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (key, request_digest, lease_until, claimed_by) VALUES ($1, $2, ${LEASE}, $4)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      params,
    );
    if (inserted.length > 0) return { state: 'claimed' };
    const [existing]: RawRecord[] = await this.dataSource.query(
      `SELECT request_digest, status_code, body FROM idempotency_record WHERE key = $1`,
      [key],
    );
    if (!existing) return this.claim(key, requestDigest, holder); // released in between
    if (existing.request_digest !== requestDigest) return { state: 'mismatch' };
    if (existing.status_code !== null) return { state: 'replay', statusCode: existing.status_code, body: existing.body };
    // Wrapped in a SELECT: the driver answers a bare UPDATE with [rows, count], not with the rows.
    const takenOver: unknown[] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE idempotency_record SET created_at = now(), lease_until = ${LEASE}, claimed_by = $4
          WHERE key = $1 AND request_digest = $2 AND status_code IS NULL AND (lease_until IS NULL OR lease_until < now())
          RETURNING key)
       SELECT key FROM taken`,
      params,
    );
    return takenOver.length > 0 ? { state: 'claimed' } : { state: 'in_progress' };
  }

  /** Extends the leases of keys the instance still holds (one statement for all of them). */
  async renew(keys: readonly string[], holder: ClaimHolder): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(
      `UPDATE idempotency_record SET lease_until = ${LEASE}
        WHERE key = ANY($1::text[]) AND claimed_by = $2 AND status_code IS NULL`,
      [keys, holder.instanceId, String(holder.leaseMs)],
    );
  }

  /** Stores the answer; the first one stored stays (should two attempts ever have run, the later one is not kept). */
  async complete(key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_record SET status_code = $2, body = $3::jsonb, lease_until = NULL WHERE key = $1 AND status_code IS NULL`,
      [key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /**
   * Gives a key back (the request failed on the server's side), so a retry runs it again; only while
   * the holder still holds it, not once another instance has taken it over.
   */
  async release(key: string, holder: ClaimHolder = UNRENEWED_CLAIM_HOLDER): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE key = $1 AND status_code IS NULL AND claimed_by = $2`, [key, holder.instanceId]);
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const purged: unknown[] = await this.dataSource.query(
      `WITH purged AS (DELETE FROM idempotency_record WHERE created_at < $1 RETURNING key) SELECT key FROM purged`,
      [before],
    );
    return purged.length;
  }
}
