/**
 * Rate-limit counters shared by every API replica: one row per bucket (a client, a case, a user for
 * one limit), a fixed window counted by a single upsert, so concurrent hits from any number of
 * replicas are serialized by the row lock and none is lost. The table is UNLOGGED: counters are
 * worth nothing after a crash, and not writing them to the WAL keeps a flood cheap for Postgres.
 */
import type { DataSource } from 'typeorm';

export interface RateLimitHit {
  /** Hits in the current window, this one included (capped at limit + 1). */
  hits: number;
  /** Milliseconds until the window ends and the count starts again. */
  msLeft: number;
}

export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one hit on `bucket` in a window of `windowMs` that starts with its first hit. The count
   * stops at `limit + 1`: past the limit only "over" matters, and the number cannot grow without bound.
   */
  async hit(bucket: string, windowMs: number, limit: number): Promise<RateLimitHit> {
    const [row]: { hits: number; ms_left: string }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_bucket AS b (bucket, hits, window_ends_at)
            VALUES ($1, 1, clock_timestamp() + ($2::text || ' milliseconds')::interval)
       ON CONFLICT (bucket) DO UPDATE SET
             hits = CASE WHEN b.window_ends_at <= clock_timestamp() THEN 1 ELSE LEAST(b.hits + 1, $3::int + 1) END,
             window_ends_at = CASE WHEN b.window_ends_at <= clock_timestamp() THEN excluded.window_ends_at ELSE b.window_ends_at END
       RETURNING hits, GREATEST(0, ceil(extract(epoch FROM (window_ends_at - clock_timestamp())) * 1000))::bigint::text AS ms_left`,
      // Capped so that limit + 1 fits Postgres' integer (a benchmark asks for "no limit" as 1e9 or more).
      [bucket, String(windowMs), Math.min(limit, 2_000_000_000)],
    );
    return { hits: row.hits, msLeft: Number(row.ms_left) };
  }

  /** Removes buckets whose window ended more than `graceMs` ago; answers how many. */
  async purgeExpired(graceMs = 60_000): Promise<number> {
    const removed: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM rate_limit_bucket WHERE window_ends_at < clock_timestamp() - ($1::text || ' milliseconds')::interval RETURNING 1)
       SELECT 1 FROM gone`,
      [String(graceMs)],
    );
    return removed.length;
  }
}
