/**
 * Idempotency keys: the first request with a key claims it; its answer is stored and replayed for
 * every repeat with the same request. A claim whose request never finished (a crashed replica) can be
 * taken over once it is older than `staleAfterMs`.
 */
import type { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'replay'; statusCode: number; body: unknown }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

interface RawRecord {
  request_digest: string;
  status_code: number | null;
  body: unknown;
}

export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(key: string, requestDigest: string, staleAfterMs = 120_000): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (key, request_digest) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, requestDigest],
    );
    if (inserted.length > 0) return { state: 'claimed' };
    const [existing]: RawRecord[] = await this.dataSource.query(
      `SELECT request_digest, status_code, body FROM idempotency_record WHERE key = $1`,
      [key],
    );
    if (!existing) return this.claim(key, requestDigest, staleAfterMs); // released in between
    if (existing.request_digest !== requestDigest) return { state: 'mismatch' };
    if (existing.status_code !== null) return { state: 'replay', statusCode: existing.status_code, body: existing.body };
    // Wrapped in a SELECT: the driver answers a bare UPDATE with [rows, count], not with the rows.
    const takenOver: unknown[] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE idempotency_record SET created_at = now()
          WHERE key = $1 AND status_code IS NULL AND created_at < now() - ($2::text || ' milliseconds')::interval
          RETURNING key)
       SELECT key FROM taken`,
      [key, String(staleAfterMs)],
    );
    return takenOver.length > 0 ? { state: 'claimed' } : { state: 'in_progress' };
  }

  async complete(key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE idempotency_record SET status_code = $2, body = $3::jsonb WHERE key = $1`, [
      key,
      statusCode,
      JSON.stringify(body ?? null),
    ]);
  }

  /** Gives a key back (the request failed on the server's side), so a retry runs it again. */
  async release(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE key = $1 AND status_code IS NULL`, [key]);
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const purged: unknown[] = await this.dataSource.query(
      `WITH purged AS (DELETE FROM idempotency_record WHERE created_at < $1 RETURNING key) SELECT key FROM purged`,
      [before],
    );
    return purged.length;
  }
}
