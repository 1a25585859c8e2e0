/**
 * The dispatcher's side of the notification outbox. A batch of due rows is locked with
 * FOR UPDATE SKIP LOCKED, delivered, and marked in the same transaction: a second dispatcher skips
 * rows being sent, and a row marked sent is never picked again.
 */
import type { DataSource } from 'typeorm';
import type { NotificationKind, Recipient } from '@zhengdun/domain';

export interface OutboxMessage {
  key: string;
  caseId: string;
  kind: NotificationKind;
  recipients: Recipient[];
  title: string;
  body: string;
  eventAt: string;
  /** Failed tries so far. */
  attempts: number;
}

export interface DispatchBatchResult {
  sent: string[];
  failed: { key: string; attempts: number; error: string; retryInMs: number }[];
}

export class OutboxDispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` pending rows that are due, hands each to `deliver` and records the outcome
   * before the locks are released. A failure keeps the row pending with `attempts + 1` and the next
   * try `retryDelayMs(attempts)` from now.
   */
  dispatchBatch(limit: number, deliver: (message: OutboxMessage) => Promise<void>, retryDelayMs: (attempts: number) => number): Promise<DispatchBatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT key, case_id, kind, recipients, title, body, event_at, attempts FROM notification_outbox
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, key
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const result: DispatchBatchResult = { sent: [], failed: [] };
      for (const row of rows) {
        const message: OutboxMessage = {
          key: String(row.key),
          caseId: String(row.case_id),
          kind: row.kind as NotificationKind,
          recipients: row.recipients as Recipient[],
          title: String(row.title),
          body: String(row.body),
          eventAt: new Date(row.event_at as string).toISOString(),
          attempts: Number(row.attempts),
        };
        try {
          await deliver(message);
        } catch (error) {
          const attempts = message.attempts + 1;
          const retryInMs = Math.max(0, Math.round(retryDelayMs(attempts)));
          const text = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
          await manager.query(
            `UPDATE notification_outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + ($4::text || ' milliseconds')::interval WHERE key = $1`,
            [message.key, attempts, text, String(retryInMs)],
          );
          result.failed.push({ key: message.key, attempts, error: text, retryInMs });
          continue;
        }
        await manager.query(`UPDATE notification_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE key = $1`, [
          message.key,
        ]);
        result.sent.push(message.key);
      }
      return result;
    });
  }

  /** Rows still to send (due or waiting for a retry). */
  async pendingCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS count FROM notification_outbox WHERE status = 'pending'`);
    return Number(row.count);
  }
}
