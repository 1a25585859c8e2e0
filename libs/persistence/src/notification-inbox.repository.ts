/**
 * The in-app inbox: the outbox notifications addressed to one signed-in person, and what they have read.
 * A notification is theirs when its recipients name them — by personId (= their user id), or by their
 * role in their scope (`describeScope`, as the workflow addresses a committee or the county) — and its
 * case (or campaign) lies in their scope. The second check is a guard: a scope is never shown another
 * scope's notifications even if a recipient list were to name them.
 */
import type { DataSource } from 'typeorm';
import { describeScope, type Actor, type NotificationKind } from '@zhengdun/domain';

export interface InboxItem {
  key: string;
  caseId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  eventAt: string;
  /** The organization's name, for a case's notification. */
  orgName: string | null;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  unread: number;
}

type InboxReader = Pick<Actor, 'userId' | 'role' | 'scope'>;

/** The WHERE clause for "addressed to the reader and in their scope", over `notification_outbox o`; parameters $1…$6. */
const ADDRESSED_TO_READER = `(o.recipients @> $2::jsonb OR o.recipients @> $3::jsonb)
  AND (EXISTS (SELECT 1 FROM case_record c WHERE c.case_id = o.case_id AND c.county = $4
                  AND ($5::text IS NULL OR c.township = $5) AND ($6::text IS NULL OR c.org_code = $6))
       OR ($5::text IS NULL AND $6::text IS NULL AND o.case_id LIKE 'campaign:%'
           AND EXISTS (SELECT 1 FROM campaign g WHERE g.id = substr(o.case_id, 10) AND g.county = $4)))`;

function readerParams(reader: InboxReader): unknown[] {
  const { scope } = reader;
  return [
    reader.userId,
    JSON.stringify([{ kind: 'person', personId: reader.userId }]),
    JSON.stringify([{ kind: 'role', role: reader.role, scope: describeScope(scope) }]),
    scope.county,
    scope.level === 'township' ? scope.township : null,
    scope.level === 'organization' ? scope.orgCode : null,
  ];
}

export class NotificationInboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the reader's notifications, newest first, with the total and the unread count. */
  async page(reader: InboxReader, page: number, pageSize: number): Promise<InboxPage> {
    const params = readerParams(reader);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT o.key, o.case_id, o.kind, o.title, o.body, o.event_at, r.read_at,
              (SELECT c.org_name FROM case_record c WHERE c.case_id = o.case_id) AS org_name
         FROM notification_outbox o
         LEFT JOIN notification_read r ON r.notification_key = o.key AND r.user_id = $1
        WHERE ${ADDRESSED_TO_READER}
        ORDER BY o.event_at DESC, o.key DESC
        LIMIT $7 OFFSET $8`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const [counts]: { total: string; unread: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread
         FROM notification_outbox o
         LEFT JOIN notification_read r ON r.notification_key = o.key AND r.user_id = $1
        WHERE ${ADDRESSED_TO_READER}`,
      params,
    );
    return {
      items: rows.map((row) => ({
        key: String(row.key),
        caseId: String(row.case_id),
        kind: row.kind as NotificationKind,
        title: String(row.title),
        body: String(row.body),
        eventAt: new Date(row.event_at as string).toISOString(),
        orgName: (row.org_name as string | null) ?? null,
        readAt: row.read_at ? new Date(row.read_at as string).toISOString() : null,
      })),
      total: Number(counts.total),
      unread: Number(counts.unread),
    };
  }

  /** How many of the reader's notifications are unread. */
  async unreadCount(reader: InboxReader): Promise<number> {
    const [row]: { unread: string }[] = await this.dataSource.query(
      `SELECT count(*) AS unread FROM notification_outbox o
        WHERE ${ADDRESSED_TO_READER}
          AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_key = o.key AND r.user_id = $1)`,
      readerParams(reader),
    );
    return Number(row.unread);
  }

  /**
   * Marks the reader's notifications read: those of `keys`, or all when `keys` is undefined. A key that
   * is not the reader's (or unknown) is passed over; answers the keys newly marked.
   */
  async markRead(reader: InboxReader, keys?: readonly string[]): Promise<string[]> {
    const rows: { notification_key: string }[] = await this.dataSource.query(
      `INSERT INTO notification_read (user_id, notification_key)
       SELECT $1, o.key FROM notification_outbox o
        WHERE ${ADDRESSED_TO_READER} AND ($7::text[] IS NULL OR o.key = ANY($7::text[]))
       ON CONFLICT (user_id, notification_key) DO NOTHING
       RETURNING notification_key`,
      [...readerParams(reader), keys === undefined ? null : [...keys]],
    );
    return rows.map((row) => row.notification_key);
  }
}
