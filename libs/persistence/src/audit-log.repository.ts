/**
 * The audit trail: append-only rows chained by hash. hash = sha256(prev_hash + canonical JSON of the
 * row's content), so editing, removing or reordering any row breaks the chain from that row on.
 * Appends are serialized with a transaction-scoped advisory lock inside the `audit_append` SQL
 * function (migration AuditAppendFunction), so the chain stays linear when several API replicas
 * write at once; that function computes each hash as `auditHash` below does, and `verify` checks it.
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Key of the advisory lock `audit_append` takes to serialize appends ("zdau"). */
export const AUDIT_CHAIN_LOCK = 0x7a646175;

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

  /** Appends one entry at the end of the chain, in one round trip (the `audit_append` function). */
  async append(entry: AuditAppend): Promise<AuditRow> {
    const [row]: { id: string; at: Date; prev_hash: string; hash: string }[] = await this.dataSource.query(
      'SELECT id, at, prev_hash, hash FROM audit_append($1, $2, $3, $4, $5, $6, $7)',
      [entry.userId, entry.userName, entry.role, entry.caseId, entry.action, entry.payloadDigest, entry.outcome],
    );
    return { ...entry, id: row.id, at: new Date(row.at).toISOString(), prevHash: row.prev_hash, hash: row.hash };
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
