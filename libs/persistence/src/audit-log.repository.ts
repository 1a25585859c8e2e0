/**
 * The audit trail: append-only rows chained by hash, anchored by signed checkpoints.
 *
 * Chain. hash = sha256(prev_hash + canonical JSON of the row's content), so editing, removing or
 * reordering any row breaks the chain from that row on. Appends are serialized with a
 * transaction-scoped advisory lock inside the `audit_append` SQL function (migrations
 * AuditAppendFunction, AuditRolesCheckpointsAndCaseKeys), so the chain stays linear when several API
 * replicas write at once; that function computes each hash as `auditHash` below does, in one round
 * trip, and `verify` checks it.
 *
 * Checkpoints. An unkeyed chain proves nothing against whoever can rewrite the table: they can cut
 * its tail, empty it, or rewrite a row and re-hash everything after it. So the API signs the chain's
 * head — (head id, head hash, number of rows) — with HMAC-SHA256 under AUDIT_HMAC_KEY, a key kept
 * outside the database, and stores it in audit_checkpoint: every AUDIT_CHECKPOINT_EVERY entries, on a
 * timer, and after every verification. `verify` holds the chain against every checkpoint: a head row
 * gone or different, or a different count, fails and says from which row. The per-row hash stays
 * unkeyed and computed in Postgres, so an append stays one round trip and the key never enters the
 * database; the price is a window: rows appended after the last checkpoint are protected only by the
 * database's roles (see infra/README.md) until the next one is signed. Each checkpoint is also logged,
 * so that deleting the newest checkpoints with the rows they sign is seen against the logs (and
 * against the newest checkpoint a running API remembers).
 */
import { createHash, createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actionsInTimeline, PRIMARY_ENTRY_TYPES, SYSTEM_ACTOR_ID } from '@zhengdun/domain';
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
  /** For a person's action on a case: the case's seq right after it; one entry per (case, seq). */
  caseSeq?: number | null;
  action: string;
  /** SHA-256 (hex) of the canonical JSON of the command's payload. */
  payloadDigest: string;
  /** accepted | accepted:reconciled | refused:<code> | error */
  outcome: string;
}

export interface AuditRow extends AuditAppend {
  id: string;
  at: string;
  caseSeq: number | null;
  prevHash: string;
  hash: string;
}

export type AuditChainProblem = 'link_broken' | 'hash_mismatch' | 'checkpoint_mismatch' | 'entries_missing' | 'checkpoint_forged' | 'checkpoints_missing';

export interface AuditChainReport {
  ok: boolean;
  /** Rows checked before the verdict. */
  checked: number;
  /** Signed checkpoints the chain was held against. */
  checkpoints?: number;
  /** Where the damage starts: the first row that fails, or the first row missing. */
  firstBrokenId?: string;
  problem?: AuditChainProblem;
  /** The newest checkpoint the chain still matched. */
  lastGoodCheckpointId?: string;
  /** What is wrong, in Chinese and English. */
  message?: string;
  /** The head verified (when ok). */
  head?: { id: string; hash: string };
}

/** AUDIT_HMAC_KEY, with the id checkpoints record to say which key signed them. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

export function auditKey(secret: string): AuditKey {
  return { id: sha256Hex(`zhengdun-audit-key-id:${secret}`).slice(0, 16), secret: Buffer.from(secret, 'utf8') };
}

export interface AuditCheckpoint {
  id: string;
  at: string;
  headId: string;
  headHash: string;
  entryCount: number;
  keyId: string;
  mac: string;
}

/** An entry as the audit page lists it: with the 整顿对象 it concerns, when it concerns one. */
export interface AuditListedEntry extends AuditRow {
  orgName: string | null;
  township: string | null;
}

/** What a checkpoint's MAC covers: everything in it but its own id. */
export function checkpointMac(key: AuditKey, checkpoint: Omit<AuditCheckpoint, 'id' | 'mac'>): string {
  const signed = canonicalJson({ v: 1, at: checkpoint.at, headId: checkpoint.headId, headHash: checkpoint.headHash, entryCount: checkpoint.entryCount, keyId: checkpoint.keyId });
  return createHmac('sha256', key.secret).update(signed, 'utf8').digest('hex');
}

export interface RawAuditRow {
  id: string;
  at: Date;
  user_id: string;
  user_name: string;
  role: string;
  case_id: string | null;
  case_seq: number | null;
  action: string;
  payload_digest: string;
  outcome: string;
  prev_hash: string;
  hash: string;
}

interface RawCheckpoint {
  id: string;
  at: Date;
  head_id: string;
  head_hash: string;
  entry_count: string;
  key_id: string;
  mac: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the hash covers: every column but the hashes themselves (case_seq only when set: older rows have none). */
function contentOf(row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    id: row.id,
    at: row.at,
    userId: row.userId,
    userName: row.userName,
    role: row.role,
    caseId: row.caseId,
    caseSeq: row.caseSeq ?? undefined,
    action: row.action,
    payloadDigest: row.payloadDigest,
    outcome: row.outcome,
  });
}

export function auditHash(prevHash: string, row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return sha256Hex(prevHash + contentOf(row));
}

/** An audit_entry row as Postgres returns it (snake_case columns), as the chain hashes it. */
export function auditRowFromColumns(raw: RawAuditRow): AuditRow {
  return {
    id: String(raw.id),
    at: new Date(raw.at).toISOString(),
    userId: raw.user_id,
    userName: raw.user_name,
    role: raw.role,
    caseId: raw.case_id,
    caseSeq: raw.case_seq,
    action: raw.action,
    payloadDigest: raw.payload_digest,
    outcome: raw.outcome,
    prevHash: raw.prev_hash,
    hash: raw.hash,
  };
}

function checkpointFromRaw(raw: RawCheckpoint): AuditCheckpoint {
  return {
    id: raw.id,
    at: new Date(raw.at).toISOString(),
    headId: raw.head_id,
    headHash: raw.head_hash,
    entryCount: Number(raw.entry_count),
    keyId: raw.key_id,
    mac: raw.mac,
  };
}

export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one entry at the end of the chain, in one round trip (the `audit_append` function). With a
   * `caseSeq` already recorded for the case, nothing is added and the recorded row comes back
   * (`appended` false).
   */
  async append(entry: AuditAppend): Promise<AuditRow & { appended: boolean }> {
    const [row]: { id: string; at: Date; prev_hash: string; hash: string; appended: boolean }[] = await this.dataSource.query(
      'SELECT id, at, prev_hash, hash, appended FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8)',
      [entry.userId, entry.userName, entry.role, entry.caseId, entry.action, entry.payloadDigest, entry.outcome, entry.caseSeq ?? null],
    );
    return { ...entry, caseSeq: entry.caseSeq ?? null, id: row.id, at: new Date(row.at).toISOString(), prevHash: row.prev_hash, hash: row.hash, appended: row.appended };
  }

  /** The last row of the chain, or undefined when it is empty. */
  async head(): Promise<{ id: string; hash: string } | undefined> {
    const [row]: { id: string; hash: string }[] = await this.dataSource.query(`SELECT id::text AS id, hash FROM audit_entry ORDER BY audit_entry.id DESC LIMIT 1`);
    return row;
  }

  async checkpoints(): Promise<AuditCheckpoint[]> {
    const rows: RawCheckpoint[] = await this.dataSource.query(
      `SELECT id::text AS id, at, head_id::text AS head_id, head_hash, entry_count::text AS entry_count, key_id, mac
         FROM audit_checkpoint ORDER BY audit_checkpoint.head_id ASC, audit_checkpoint.id ASC`,
    );
    return rows.map(checkpointFromRaw);
  }

  async latestCheckpoint(): Promise<AuditCheckpoint | undefined> {
    const [row]: RawCheckpoint[] = await this.dataSource.query(
      `SELECT id::text AS id, at, head_id::text AS head_id, head_hash, entry_count::text AS entry_count, key_id, mac
         FROM audit_checkpoint ORDER BY audit_checkpoint.head_id DESC, audit_checkpoint.id DESC LIMIT 1`,
    );
    return row ? checkpointFromRaw(row) : undefined;
  }

  /**
   * Walks the whole chain in id order and holds it against every signed checkpoint: names the first
   * row whose link or hash does not hold, a checkpoint whose head or count the chain no longer
   * matches (rows deleted or rewritten and re-hashed before it), or rows missing after the chain's
   * end (its tail deleted, or the table emptied). Without `key`, checkpoints are not checked.
   */
  async verify(key?: AuditKey, options: { witness?: CheckpointWitness; batchSize?: number } = {}): Promise<AuditChainReport> {
    const batchSize = options.batchSize ?? 1000;
    const checkpoints = key ? await this.checkpoints() : [];
    const missing = checkpointsMissing(checkpoints.at(-1), options.witness);
    if (missing) return { ...missing, checkpoints: checkpoints.length };
    for (const checkpoint of checkpoints) {
      if (checkpoint.keyId !== key!.id || checkpoint.mac !== checkpointMac(key!, checkpoint)) {
        return {
          ok: false,
          checked: 0,
          checkpoints: checkpoints.length,
          problem: 'checkpoint_forged',
          firstBrokenId: checkpoint.headId,
          message: `检查点 ${checkpoint.id} 的签名无效（审计密钥不符或检查点被改写） / checkpoint ${checkpoint.id} is not signed with the audit key (${checkpoint.keyId === key!.id ? 'forged or altered' : `signed by key ${checkpoint.keyId}`})`,
        };
      }
    }
    let expectedPrev = AUDIT_GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    let next = 0; // the next checkpoint to meet
    let lastGood: AuditCheckpoint | undefined;
    /** The first row after the last checkpoint the chain matched: where a mismatch may begin. */
    let firstAfterGood: string | undefined;
    const failAtCheckpoint = (checkpoint: AuditCheckpoint, problem: 'checkpoint_mismatch' | 'entries_missing', lastId: string): AuditChainReport => {
      const from = problem === 'entries_missing' ? String(BigInt(lastId) + 1n) : (firstAfterGood ?? String(BigInt(lastGood?.headId ?? '0') + 1n));
      const since = lastGood ? `检查点 ${lastGood.id}（第 ${lastGood.headId} 条）之后` : '链首';
      return {
        ok: false,
        checked,
        checkpoints: checkpoints.length,
        problem,
        firstBrokenId: from,
        lastGoodCheckpointId: lastGood?.id,
        message:
          problem === 'entries_missing'
            ? `审计链第 ${lastId} 条之后、第 ${checkpoint.headId} 条及以前的记录缺失：${checkpoint.at} 签署的检查点记载链至第 ${checkpoint.headId} 条、共 ${checkpoint.entryCount} 条 / ` +
              `entries after id ${lastId} up to id ${checkpoint.headId} are missing: checkpoint ${checkpoint.id} (signed ${checkpoint.at}) has the chain reach id ${checkpoint.headId} with ${checkpoint.entryCount} entries`
            : `审计链自${since}被删改（自第 ${from} 条起，至第 ${checkpoint.headId} 条止）：与 ${checkpoint.at} 签署的检查点不符 / ` +
              `the chain was altered between id ${from} and id ${checkpoint.headId}: it no longer matches checkpoint ${checkpoint.id} signed ${checkpoint.at} (head hash or entry count)`,
      };
    };
    for await (const row of this.entriesAfter(afterId, batchSize)) {
      checked += 1;
      firstAfterGood ??= row.id;
      if (row.prevHash !== expectedPrev || row.hash !== auditHash(row.prevHash, row)) {
        return {
          ok: false,
          checked,
          checkpoints: checkpoints.length,
          problem: row.prevHash !== expectedPrev ? 'link_broken' : 'hash_mismatch',
          firstBrokenId: row.id,
          lastGoodCheckpointId: lastGood?.id,
          message:
            row.prevHash !== expectedPrev
              ? `第 ${row.id} 条与前一条断链（其前的记录被删除或改写） / entry ${row.id} does not link to the entry before it (an entry before it was removed or rewritten)`
              : `第 ${row.id} 条的内容与其哈希不符（被改写） / entry ${row.id} does not match its hash (rewritten)`,
        };
      }
      // A checkpoint's head row that is gone, though the chain links over the gap (re-hashed).
      if (next < checkpoints.length && BigInt(checkpoints[next].headId) < BigInt(row.id)) return failAtCheckpoint(checkpoints[next], 'entries_missing', afterId);
      expectedPrev = row.hash;
      afterId = row.id;
      while (next < checkpoints.length && checkpoints[next].headId === row.id) {
        const checkpoint = checkpoints[next];
        if (checkpoint.headHash !== row.hash || checkpoint.entryCount !== checked) return failAtCheckpoint(checkpoint, 'checkpoint_mismatch', row.id);
        lastGood = checkpoint;
        firstAfterGood = undefined;
        next += 1;
      }
    }
    if (next < checkpoints.length) return failAtCheckpoint(checkpoints[checkpoints.length - 1], 'entries_missing', afterId);
    return { ok: true, checked, checkpoints: checkpoints.length, head: afterId === '0' ? undefined : { id: afterId, hash: expectedPrev } };
  }

  /**
   * Signs the chain's current head, after checking the rows since the last checkpoint (their links
   * and hashes, and that they continue it): each checkpoint vouches only for a chain that held when
   * it was signed. Returns undefined when there is nothing new to sign, or the report when the rows
   * since the last checkpoint do not hold (nothing is signed then).
   */
  async checkpoint(key: AuditKey, options: { witness?: CheckpointWitness; batchSize?: number } = {}): Promise<{ checkpoint?: AuditCheckpoint; report?: AuditChainReport }> {
    const batchSize = options.batchSize ?? 1000;
    const last = await this.latestCheckpoint();
    const missing = checkpointsMissing(last, options.witness);
    if (missing) return { report: missing };
    if (last && (last.keyId !== key.id || last.mac !== checkpointMac(key, last))) {
      return { report: { ok: false, checked: 0, checkpoints: 1, problem: 'checkpoint_forged', firstBrokenId: last.headId, message: `checkpoint ${last.id} is not signed with the audit key` } };
    }
    let expectedPrev = last?.headHash ?? AUDIT_GENESIS_HASH;
    let count = last?.entryCount ?? 0;
    let afterId = last?.headId ?? '0';
    if (last) {
      const [head]: { hash: string }[] = await this.dataSource.query(`SELECT hash FROM audit_entry WHERE id = $1`, [last.headId]);
      if (head?.hash !== last.headHash) {
        return { report: { ok: false, checked: 0, checkpoints: 1, problem: 'checkpoint_mismatch', firstBrokenId: last.headId, message: `the row of checkpoint ${last.id} (id ${last.headId}) is gone or changed` } };
      }
    }
    let checked = 0;
    for await (const row of this.entriesAfter(afterId, batchSize)) {
      checked += 1;
      if (row.prevHash !== expectedPrev || row.hash !== auditHash(row.prevHash, row)) {
        return { report: { ok: false, checked, checkpoints: 1, problem: row.prevHash !== expectedPrev ? 'link_broken' : 'hash_mismatch', firstBrokenId: row.id } };
      }
      expectedPrev = row.hash;
      afterId = row.id;
      count += 1;
    }
    if (checked === 0) return {};
    return { checkpoint: await this.addCheckpoint(key, { headId: afterId, headHash: expectedPrev, entryCount: count }) };
  }

  /** The chain's entries after `afterId`, in order, read a batch at a time. */
  private async *entriesAfter(afterId: string, batchSize: number): AsyncGenerator<AuditRow> {
    for (let cursor = afterId; ; ) {
      // Ordered by the bigint column, not by the text alias of the same name.
      const batch: RawAuditRow[] = await this.dataSource.query(
        `SELECT id::text AS id, at, user_id, user_name, role, case_id, case_seq, action, payload_digest, outcome, prev_hash, hash
           FROM audit_entry WHERE audit_entry.id > $1 ORDER BY audit_entry.id ASC LIMIT $2`,
        [cursor, batchSize],
      );
      for (const raw of batch) yield auditRowFromColumns(raw);
      if (batch.length < batchSize) return;
      cursor = batch[batch.length - 1].id;
    }
  }

  /** Signs and stores a head that has been checked (by `verify` or `checkpoint`). */
  async addCheckpoint(key: AuditKey, head: { headId: string; headHash: string; entryCount: number }): Promise<AuditCheckpoint> {
    const unsigned = { ...head, at: new Date().toISOString(), keyId: key.id };
    const mac = checkpointMac(key, unsigned);
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO audit_checkpoint (at, head_id, head_hash, entry_count, key_id, mac) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [unsigned.at, head.headId, head.headHash, head.entryCount, key.id, mac],
    );
    return { id: row.id, ...unsigned, mac };
  }

  /**
   * The newest entries first, a page at a time: those of cases in `county` (by the campaign named in
   * the case id, so that an entry shows before the read model has the case; with the case's
   * organization and township once it has) and those tied to no case (campaigns set up, ledgers exported,
   * verifications). Keyset paging on the id: `beforeId` is the last id of the previous page.
   */
  async latest(county: string, beforeId: string | null, limit: number): Promise<AuditListedEntry[]> {
    const rows: (RawAuditRow & { org_name: string | null; township: string | null })[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.user_id, a.user_name, a.role, a.case_id, a.case_seq, a.action, a.payload_digest, a.outcome, a.prev_hash, a.hash,
              r.org_name, r.township
         FROM audit_entry a
         LEFT JOIN campaign c ON c.id = split_part(a.case_id, ':', 2)
         LEFT JOIN case_record r ON r.case_id = a.case_id
        WHERE ($2::bigint IS NULL OR a.id < $2::bigint)
          AND (a.case_id IS NULL OR c.county = $1)
        ORDER BY a.id DESC
        LIMIT $3`,
      [county, beforeId, limit],
    );
    return rows.map((raw) => ({ ...auditRowFromColumns(raw), orgName: raw.org_name, township: raw.township }));
  }

  async forCase(caseId: string): Promise<AuditRow[]> {
    const rows: RawAuditRow[] = await this.dataSource.query(
      `SELECT id::text AS id, at, user_id, user_name, role, case_id, case_seq, action, payload_digest, outcome, prev_hash, hash
         FROM audit_entry WHERE case_id = $1 ORDER BY audit_entry.id ASC`,
      [caseId],
    );
    return rows.map(auditRowFromColumns);
  }

  /**
   * Person actions in the cases' timelines (the read model's case_event rows) that have no audit
   * entry: a primary entry (see actionsInTimeline) with no entry of its case whose case_seq lies from
   * it up to the next primary entry. Only those applied in (`appliedAfter`, `appliedBefore`], oldest
   * first; each with its last seq, read off the entries around it.
   */
  async unauditedActions(options: { appliedBefore: Date; appliedAfter?: Date; limit?: number }): Promise<UnauditedAction[]> {
    const primaries: RawPrimary[] = await this.dataSource.query(
      `WITH touched AS (
         SELECT DISTINCT case_id FROM case_event
          WHERE type = ANY($1) AND at <= $2 AND ($3::timestamptz IS NULL OR at > $3)
       ), prim AS (
         SELECT e.case_id, e.seq, e.at, e.type, e.actor_id, e.actor_name, e.actor_role, e.summary,
                lead(e.seq) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS next_seq
           FROM case_event e JOIN touched t ON t.case_id = e.case_id
          WHERE e.type = ANY($1) AND e.actor_id <> $5
       )
       SELECT p.case_id, p.seq, p.at, p.type, p.actor_id, p.actor_name, p.actor_role, p.summary, p.next_seq,
              (SELECT r.seq FROM case_record r WHERE r.case_id = p.case_id) AS case_seq_now
         FROM prim p
        WHERE p.at <= $2 AND ($3::timestamptz IS NULL OR p.at > $3)
          AND NOT EXISTS (
            SELECT 1 FROM audit_entry a
             WHERE a.case_id = p.case_id AND a.case_seq >= p.seq AND (p.next_seq IS NULL OR a.case_seq < p.next_seq))
        ORDER BY p.at, p.case_id, p.seq
        LIMIT $4`,
      [PRIMARY_ENTRY_TYPES, options.appliedBefore, options.appliedAfter ?? null, options.limit ?? 500, SYSTEM_ACTOR_ID],
    );
    const found: UnauditedAction[] = [];
    for (const primary of primaries) {
      // The entries from this one through the next action's primary entry (or a few past it).
      const until = primary.next_seq ?? primary.seq + MAX_CONSEQUENCES + 1;
      const entries: { seq: number; at: Date; type: string; actor_id: string }[] = await this.dataSource.query(
        `SELECT seq, at, type, actor_id FROM case_event WHERE case_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq`,
        [primary.case_id, primary.seq, until],
      );
      // Every entry up to where the read model has written must be there, or its consequences may be missing.
      const written = Math.min(until, primary.case_seq_now ?? 0);
      if (entries.length !== written - primary.seq + 1 || entries.some((entry, index) => entry.seq !== primary.seq + index)) continue;
      const [action] = actionsInTimeline(entries.map((entry) => ({ seq: entry.seq, at: new Date(entry.at).toISOString(), type: entry.type, actorId: entry.actor_id })));
      if (action === undefined || action.primarySeq !== primary.seq) continue;
      found.push({
        caseId: primary.case_id,
        action: action.action,
        caseSeq: action.lastSeq,
        at: new Date(primary.at).toISOString(),
        actor: { userId: primary.actor_id, name: primary.actor_name, role: primary.actor_role },
        entry: { seq: primary.seq, type: primary.type, summary: primary.summary },
      });
    }
    return found;
  }
}

/** The newest checkpoint someone outside the database saw (a running API, the logs): the table must still reach it. */
export type CheckpointWitness = Pick<AuditCheckpoint, 'id' | 'at' | 'headId' | 'entryCount'>;

function checkpointsMissing(latest: AuditCheckpoint | undefined, witness: CheckpointWitness | undefined): AuditChainReport | undefined {
  if (!witness || (latest && BigInt(latest.headId) >= BigInt(witness.headId) && latest.entryCount >= witness.entryCount)) return undefined;
  const reaches = latest?.headId ?? '0';
  return {
    ok: false,
    checked: 0,
    problem: 'checkpoints_missing',
    firstBrokenId: String(BigInt(reaches) + 1n),
    message:
      `审计检查点被删除：已签署至第 ${witness.headId} 条、共 ${witness.entryCount} 条的检查点（${witness.at}），库中最新检查点仅至第 ${reaches} 条 / ` +
      `checkpoints were deleted: this API signed one up to id ${witness.headId} with ${witness.entryCount} entries (${witness.at}); the newest left reaches id ${reaches}`,
  };
}

/** An action writes at most this many entries after its primary one (stage change, new deadline). */
const MAX_CONSEQUENCES = 3;

export interface UnauditedAction {
  caseId: string;
  action: string;
  /** Its last timeline entry's seq: the key its audit entry is recorded under. */
  caseSeq: number;
  at: string;
  actor: { userId: string; name: string; role: string };
  /** The entry that names it, as the timeline shows it. */
  entry: { seq: number; type: string; summary: string };
}

interface RawPrimary {
  case_id: string;
  seq: number;
  at: Date;
  type: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  summary: string;
  next_seq: number | null;
  case_seq_now: number | null;
}
