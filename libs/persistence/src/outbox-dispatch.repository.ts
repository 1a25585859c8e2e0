/**
 * The dispatcher's side of the notification outbox. No row lock is held while anything is sent:
 *
 * 1. `claim` leases a batch of due rows in one short statement (the rows chosen with FOR UPDATE SKIP
 *    LOCKED, then stamped with this dispatcher's id and a lease end, committed at once). Another
 *    dispatcher skips a leased row until its lease has run out — so a dispatcher that died (kill -9)
 *    frees its rows by itself after one lease.
 * 2. The dispatcher sends outside any transaction and records each channel's outcome in its own short
 *    statement right after the send (`recordDelivered` / `recordFailed`), in the row's `deliveries`.
 *    A channel already delivered is never sent again; only the window between a send and its record
 *    can repeat a delivery after a crash, and the receiver drops that repeat by its idempotency key.
 * 3. `finish` closes the row: sent, dead (dead-letter, visible to the county), or pending again with
 *    a later try — only if the lease is still this dispatcher's.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import type { NotificationKind, Recipient } from '@zhengdun/domain';
import type { ChannelDelivery } from './entities/notification.entity';
import { returned } from './returned-rows';

export interface OutboxMessage {
  key: string;
  caseId: string;
  kind: NotificationKind;
  recipients: Recipient[];
  title: string;
  body: string;
  eventAt: string;
  /** Tries of the whole row so far (each lease that sent on some channel counts one). */
  attempts: number;
  /** County of the case (or campaign) the notification is about: whose recipient directory applies. */
  county?: string | null;
}

/** A leased row: the message and what each channel has done with it so far. */
export interface ClaimedNotification extends OutboxMessage {
  deliveries: Record<string, ChannelDelivery>;
}

export interface DispatchBatchResult {
  sent: string[];
  failed: { key: string; attempts: number; error: string; retryInMs: number }[];
  dead: { key: string; error: string }[];
}

export type RowOutcome = { status: 'sent' } | { status: 'dead'; error: string } | { status: 'pending'; error: string; retryInMs: number };

export interface DeadLetter {
  key: string;
  caseId: string;
  county: string | null;
  kind: NotificationKind;
  title: string;
  recipients: Recipient[];
  attempts: number;
  lastError: string | null;
  eventAt: string;
  deadAt: string;
  deliveries: Record<string, ChannelDelivery>;
}

/** The county a notification belongs to: its case's, or its campaign's (`campaign:<id>` as case id). */
const COUNTY_OF_ROW = `COALESCE(
  (SELECT c.county FROM case_record c WHERE c.case_id = o.case_id),
  (SELECT g.county FROM campaign g WHERE o.case_id LIKE 'campaign:%' AND g.id = substr(o.case_id, 10)))`;

const interval = (ms: number) => `${Math.max(0, Math.round(ms))} milliseconds`;

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function toMessage(row: Record<string, unknown>): ClaimedNotification {
  return {
    key: String(row.key),
    caseId: String(row.case_id),
    kind: row.kind as NotificationKind,
    recipients: row.recipients as Recipient[],
    title: String(row.title),
    body: String(row.body),
    eventAt: new Date(row.event_at as string).toISOString(),
    attempts: Number(row.attempts),
    county: (row.county as string | null) ?? null,
    deliveries: (row.deliveries as Record<string, ChannelDelivery>) ?? {},
  };
}

export class OutboxDispatchRepository {
  constructor(
    private readonly dataSource: DataSource,
    /** Names this dispatcher on the rows it leases. */
    readonly owner: string = newLeaseOwner(),
  ) {}

  /** Leases up to `limit` due rows for `leaseMs` (one statement, committed before anything is sent). */
  async claim(limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    const rows = returned<Record<string, unknown>>(await this.dataSource.query(
      `WITH due AS (
         SELECT key FROM notification_outbox
          WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
          ORDER BY next_attempt_at, key
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE notification_outbox o SET lease_owner = $2, leased_until = now() + $3::interval
         FROM due WHERE o.key = due.key
       RETURNING o.key, o.case_id, o.kind, o.recipients, o.title, o.body, o.event_at, o.attempts, o.deliveries, o.next_attempt_at, ${COUNTY_OF_ROW} AS county`,
      [limit, this.owner, interval(leaseMs)],
    ));
    rows.sort((a, b) => new Date(a.next_attempt_at as string).getTime() - new Date(b.next_attempt_at as string).getTime() || String(a.key).localeCompare(String(b.key)));
    return rows.map(toMessage);
  }

  /**
   * Extends this dispatcher's lease on one row just before sending it, and reads its deliveries afresh.
   * Undefined when the lease is no longer ours (it ran out and another dispatcher took the row).
   */
  async renewLease(key: string, leaseMs: number): Promise<Record<string, ChannelDelivery> | undefined> {
    const rows = returned<{ deliveries: Record<string, ChannelDelivery> }>(await this.dataSource.query(
      `UPDATE notification_outbox SET leased_until = now() + $3::interval
        WHERE key = $1 AND lease_owner = $2 AND status = 'pending'
        RETURNING deliveries`,
      [key, this.owner, interval(leaseMs)],
    ));
    return rows[0]?.deliveries;
  }

  /** Records one channel's delivery, right after the send (whoever holds the lease: it was delivered). */
  async recordDelivered(key: string, channel: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET deliveries = jsonb_set(deliveries, ARRAY[$2::text], jsonb_build_object(
                'status', 'delivered',
                'attempts', COALESCE((deliveries -> $2::text ->> 'attempts')::int, 0) + 1,
                'deliveredAt', to_jsonb(now()),
                'lastAttemptAt', to_jsonb(now())))
        WHERE key = $1`,
      [key, channel],
    );
  }

  /**
   * Records one channel's failed try. The channel is dead once it has failed `maxAttempts` times, or
   * at once when `permanent` (no retry can fix it, e.g. no address for any recipient).
   */
  async recordFailed(key: string, channel: string, error: string, options: { maxAttempts: number; permanent?: boolean }): Promise<ChannelDelivery> {
    const rows = returned<{ delivery: ChannelDelivery }>(await this.dataSource.query(
      `WITH next AS (
         SELECT COALESCE((deliveries -> $2::text ->> 'attempts')::int, 0) + 1 AS attempts FROM notification_outbox WHERE key = $1)
       UPDATE notification_outbox o
          SET deliveries = jsonb_set(o.deliveries, ARRAY[$2::text], jsonb_build_object(
                'status', CASE WHEN $5::boolean OR next.attempts >= $4::int THEN 'dead' ELSE 'failed' END,
                'attempts', next.attempts,
                'lastAttemptAt', to_jsonb(now()),
                'lastError', $3::text))
         FROM next
        WHERE o.key = $1
        RETURNING o.deliveries -> $2::text AS delivery`,
      [key, channel, error.slice(0, 2000), options.maxAttempts, options.permanent ?? false],
    ));
    return rows[0]?.delivery ?? { status: 'failed', attempts: 1, lastAttemptAt: new Date().toISOString(), lastError: error };
  }

  /** Closes a leased row after its channels were tried; false when the lease was lost meanwhile. */
  async finish(key: string, outcome: RowOutcome): Promise<boolean> {
    let result: unknown;
    if (outcome.status === 'sent') {
      result = await this.dataSource.query(
        `UPDATE notification_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL, lease_owner = NULL, leased_until = NULL
          WHERE key = $1 AND lease_owner = $2 AND status = 'pending' RETURNING key`,
        [key, this.owner],
      );
    } else if (outcome.status === 'dead') {
      result = await this.dataSource.query(
        `UPDATE notification_outbox SET status = 'dead', dead_at = now(), attempts = attempts + 1, last_error = $3, lease_owner = NULL, leased_until = NULL
          WHERE key = $1 AND lease_owner = $2 AND status = 'pending' RETURNING key`,
        [key, this.owner, outcome.error.slice(0, 2000)],
      );
    } else {
      result = await this.dataSource.query(
        `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + $4::interval, lease_owner = NULL, leased_until = NULL
          WHERE key = $1 AND lease_owner = $2 AND status = 'pending' RETURNING key`,
        [key, this.owner, outcome.error.slice(0, 2000), interval(outcome.retryInMs)],
      );
    }
    return returned(result).length > 0;
  }

  /** Rows still to send (due or waiting for a retry). */
  async pendingCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS count FROM notification_outbox WHERE status = 'pending'`);
    return Number(row.count);
  }

  /** Dead-lettered notifications of one county, newest first. */
  async deadLetters(county: string, limit: number): Promise<DeadLetter[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT o.key, o.case_id, o.kind, o.title, o.recipients, o.attempts, o.last_error, o.event_at, o.dead_at, o.deliveries, ${COUNTY_OF_ROW} AS county
           FROM notification_outbox o WHERE o.status = 'dead') d
        WHERE d.county = $1
        ORDER BY d.dead_at DESC, d.key
        LIMIT $2`,
      [county, limit],
    );
    return rows.map((row) => ({
      key: String(row.key),
      caseId: String(row.case_id),
      county: (row.county as string | null) ?? null,
      kind: row.kind as NotificationKind,
      title: String(row.title),
      recipients: row.recipients as Recipient[],
      attempts: Number(row.attempts),
      lastError: (row.last_error as string | null) ?? null,
      eventAt: new Date(row.event_at as string).toISOString(),
      deadAt: new Date(row.dead_at as string).toISOString(),
      deliveries: (row.deliveries as Record<string, ChannelDelivery>) ?? {},
    }));
  }

  /**
   * Puts a dead letter of the county back in the queue, due now: its dead channels start their
   * attempts afresh, its delivered channels stay delivered (they are not sent again). False when the
   * county has no such dead letter.
   */
  async retryDeadLetter(county: string, key: string): Promise<boolean> {
    const rows = returned(await this.dataSource.query(
      `UPDATE notification_outbox o
          SET status = 'pending', dead_at = NULL, next_attempt_at = now(), lease_owner = NULL, leased_until = NULL,
              deliveries = COALESCE((SELECT jsonb_object_agg(k, v) FROM jsonb_each(o.deliveries) AS d(k, v) WHERE v ->> 'status' = 'delivered'), '{}'::jsonb)
        WHERE o.key = $2 AND o.status = 'dead' AND ${COUNTY_OF_ROW} = $1
        RETURNING o.key`,
      [county, key],
    ));
    return rows.length > 0;
  }
}
