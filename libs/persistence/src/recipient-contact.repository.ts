/** The county's recipient directory (recipient_contact): written by the county department, read by the dispatcher. */
import type { DataSource } from 'typeorm';
import type { Recipient } from '@zhengdun/domain';

export interface ContactEntry {
  /** `person:<personId>` or `role:<role>:<scope>`: see recipientContactKey. */
  recipient: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** The directory key of a notification recipient. */
export function recipientContactKey(recipient: Recipient): string {
  return recipient.kind === 'person' ? `person:${recipient.personId}` : `role:${recipient.role}:${recipient.scope}`;
}

export class RecipientContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds or replaces entries of one county's directory, in one statement. */
  async upsert(county: string, entries: ContactEntry[], updatedBy: string): Promise<number> {
    if (entries.length === 0) return 0;
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO recipient_contact (county, recipient, name, email, phone, updated_by, updated_at)
       SELECT $1, e.recipient, e.name, e.email, e.phone, $3, now()
         FROM jsonb_to_recordset($2::jsonb) AS e(recipient text, name text, email text, phone text)
       ON CONFLICT (county, recipient) DO UPDATE
         SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING recipient`,
      [county, JSON.stringify(entries.map((e) => ({ recipient: e.recipient, name: e.name ?? null, email: e.email ?? null, phone: e.phone ?? null }))), updatedBy],
    );
    return result.length;
  }

  /** E-mail addresses of the recipients in the county's directory, each once; the unknown are left out. */
  async emailsOf(county: string, recipients: readonly Recipient[]): Promise<{ addresses: string[]; unknown: string[] }> {
    const keys = [...new Set(recipients.map(recipientContactKey))];
    if (keys.length === 0) return { addresses: [], unknown: [] };
    const rows: { recipient: string; email: string }[] = await this.dataSource.query(
      `SELECT recipient, email FROM recipient_contact WHERE county = $1 AND recipient = ANY($2::text[]) AND email IS NOT NULL`,
      [county, keys],
    );
    const found = new Map(rows.map((row) => [row.recipient, row.email]));
    return { addresses: [...new Set(keys.filter((key) => found.has(key)).map((key) => found.get(key)!))], unknown: keys.filter((key) => !found.has(key)) };
  }

  /** How many entries carry an e-mail address (the worker warns at start when there are none). */
  async countWithEmail(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS count FROM recipient_contact WHERE email IS NOT NULL`);
    return Number(row.count);
  }
}
