/**
 * The audit trail: append-only rows chained by hash. hash = sha256(prev_hash + canonical JSON of the
 * row's content), so editing, removing or reordering any row breaks the chain from that row on.
 * Appends are serialized with a transaction-scoped advisory lock, so the chain stays linear when
 * several API replicas write at once.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Key of the advisory lock that serializes appends ("zdau"). */
const AUDIT_CHAIN_LOCK = 0x7a646175;

export interface AuditAppend {
  userId: string;
  userName: string;
  role: string;
  caseId: string | null;
  action: string;
  /** SHA-256 (hex) of the canonical JSON of the command's payload. */
  payloadDigest: string;
  /** accepted | refused:<code> | error */
  outcome: string;
}

export interface AuditRow extends AuditAppend {
  id: string;
  at: string;
  prevHash: string;
  hash: string;
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
}

interface RawAuditRow {
  id: string;
  at: Date;
  user_id: string;
  user_name: string;
  role: string;
  case_id: string | null;
  action: string;
  payload_digest: string;
  outcome: string;
  prev_hash: string;
  hash: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the hash covers: every column but the hashes themselves. */
function contentOf(row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    id: row.id,
    at: row.at,
    userId: row.userId,
    userName: row.userName,
    role: row.role,
    caseId: row.caseId,
    action: row.action,
    payloadDigest: row.payloadDigest,
    outcome: row.outcome,
  });
}

export function auditHash(prevHash: string, row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return sha256Hex(prevHash + contentOf(row));
}

function fromRaw(raw: RawAuditRow): AuditRow {
  return {
    id: String(raw.id),
    at: new Date(raw.at).toISOString(),
    userId: raw.user_id,
    userName: raw.user_name,
    role: raw.role,
    caseId: raw.case_id,
    action: raw.action,
    payloadDigest: raw.payload_digest,
    outcome: raw.outcome,
    prevHash: raw.prev_hash,
    hash: raw.hash,
  };
}

export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry at the end of the chain. */
  append(entry: AuditAppend): Promise<AuditRow> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      // The id is taken under the lock, so ids and times grow in chain order; one round trip, as the lock is held throughout.
      const [{ id, last_hash: lastHash }]: { id: string; last_hash: string | null }[] = await manager.query(
        `SELECT nextval(pg_get_serial_sequence('audit_entry', 'id'))::text AS id,
                (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1) AS last_hash`,
      );
      const prevHash = lastHash ?? AUDIT_GENESIS_HASH;
      const row = { ...entry, id, at: new Date().toISOString() };
      const hash = auditHash(prevHash, row);
      await manager.query(
        `INSERT INTO audit_entry (id, at, user_id, user_name, role, case_id, action, payload_digest, outcome, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, row.at, row.userId, row.userName, row.role, row.caseId, row.action, row.payloadDigest, row.outcome, prevHash, hash],
      );
      return { ...row, prevHash, hash };
    });
  }

  /** Walks the whole chain in id order; names the first row whose link or hash does not hold. */
  async verify(batchSize = 1000): Promise<AuditChainReport> {
    let expectedPrev = AUDIT_GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      // Ordered by the bigint column, not by the text alias of the same name.
      const batch: RawAuditRow[] = await this.dataSource.query(
        `SELECT id::text AS id, at, user_id, user_name, role, case_id, action, payload_digest, outcome, prev_hash, hash
           FROM audit_entry WHERE audit_entry.id > $1 ORDER BY audit_entry.id ASC LIMIT $2`,
        [afterId, batchSize],
      );
      for (const raw of batch) {
        const row = fromRaw(raw);
        checked += 1;
        if (row.prevHash !== expectedPrev || row.hash !== auditHash(row.prevHash, row)) {
          return { ok: false, checked, firstBrokenId: row.id };
        }
        expectedPrev = row.hash;
      }
      if (batch.length < batchSize) return { ok: true, checked };
      afterId = batch[batch.length - 1].id;
    }
  }

  async forCase(caseId: string): Promise<AuditRow[]> {
    const rows: RawAuditRow[] = await this.dataSource.query(
      `SELECT id::text AS id, at, user_id, user_name, role, case_id, action, payload_digest, outcome, prev_hash, hash
         FROM audit_entry WHERE case_id = $1 ORDER BY audit_entry.id ASC`,
      [caseId],
    );
    return rows.map(fromRaw);
  }
}
