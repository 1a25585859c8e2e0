import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { requireSetting, type AppConfig } from '@zhengdun/config';
import { auditKey, AuditLogRepository, canonicalJson, sha256Hex, type AuditAppend, type AuditChainReport, type AuditCheckpoint, type AuditKey } from '@zhengdun/persistence';
import { MAX_NESTING, nestsDeeperThan } from '../errors/validation';
import { API_CONFIG } from '../infrastructure/injection-tokens';
import { AuditRecorder, outcomeOf, type AuditActor } from './audit-recorder';

export { outcomeOf, type AuditActor } from './audit-recorder';

export const PUBLIC_AUDIT_ACTOR: AuditActor = { userId: 'public', name: '群众', role: 'public' };

/** A piece of JSON text already written, among the values still to write. */
class Written {
  constructor(readonly text: string) {}
}

/**
 * canonicalJson's text, built without recursion: for a payload nested too deep for canonicalJson's
 * recursion (a raw body refused before validation, e.g. `[[[…]]]` thousands of levels deep).
 */
export function deepCanonicalJson(value: unknown): string {
  const out: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Written) out.push(item.text);
    else if (item instanceof Date) out.push(JSON.stringify(item.toISOString()));
    else if (Array.isArray(item)) {
      const parts: unknown[] = [new Written('[')];
      item.forEach((element, index) => parts.push(...(index > 0 ? [new Written(',')] : []), element === undefined ? null : element));
      pending.push(new Written(']'), ...parts.slice(1).reverse(), parts[0]);
    } else if (item !== null && typeof item === 'object') {
      // Keys in the order of an object built with them sorted, as canonicalJson's (integer keys first).
      const source = item as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(source).sort()) if (source[key] !== undefined) sorted[key] = source[key];
      const parts: unknown[] = [];
      for (const key of Object.keys(sorted)) parts.push(new Written(`${parts.length > 0 ? ',' : ''}${JSON.stringify(key)}:`), sorted[key]);
      pending.push(new Written('}'), ...parts.reverse(), new Written('{'));
    } else out.push(JSON.stringify(item) ?? 'null');
  }
  return out.join('');
}

export function payloadDigest(payload: unknown): string {
  const value = payload ?? null;
  return sha256Hex(nestsDeeperThan(value, MAX_NESTING) ? deepCanonicalJson(value) : canonicalJson(value));
}

const APPEND_ATTEMPTS = 3;

/** On its first run after a start, the reconciler looks this far back for unaudited actions. */
const RECONCILE_LOOKBACK_MS = 7 * 24 * 3600_000;
/** Unaudited actions recorded per query. */
const RECONCILE_BATCH = 500;
/** The maintenance timer (reconcile, then sign a checkpoint if the chain grew) runs at most this far apart. */
const MAINTENANCE_INTERVAL_MS = 30_000;

export interface CommandOptions<T> {
  /**
   * For a person's action on a case: the case's seq right after it, read off the command's result.
   * The entry is then recorded once per (case, seq), whoever records it first: this request, its
   * retry after a crash, or the reconciler reading the case's timeline.
   */
  caseSeqOf?: (result: T) => number | undefined;
}

export interface AuditVerification extends AuditChainReport {
  /** Actions found applied without an audit entry and recorded from the timeline before verifying. */
  reconciled: number;
  /** When the newest checkpoint the chain still matches was signed (this verification's, when it signed one). */
  lastCheckpointAt?: string;
}

/**
 * Appends every command to the hash-chained audit trail, with its outcome; keeps the trail whole
 * (reconciling applied actions whose entry a crash lost) and anchored (signed checkpoints, see
 * audit-log.repository.ts).
 */
@Injectable()
export class AuditService implements AuditRecorder, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly key: AuditKey;
  /** The newest checkpoint this process signed or checked: verification fails if the table has lost it. */
  private newestCheckpoint?: AuditCheckpoint;
  private checkpointing?: Promise<void>;
  private maintaining?: Promise<void>;
  private timer?: NodeJS.Timeout;
  /** Actions applied up to here have been reconciled (by this process, since its start). */
  private reconciledUpTo?: Date;

  constructor(
    private readonly auditLog: AuditLogRepository,
    @Inject(API_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = auditKey(requireSetting(config.audit.hmacKey, 'AUDIT_HMAC_KEY'));
  }

  onApplicationBootstrap(): void {
    if (this.config.audit.hmacKeyIsDevelopment) this.logger.warn('AUDIT_HMAC_KEY is not set: audit checkpoints are signed with the development key');
    const interval = Math.min(MAINTENANCE_INTERVAL_MS, this.config.audit.reconcileAfterMs);
    // The first run soon after the start: it records what a crash of the previous process left unaudited.
    this.timer = setTimeout(() => this.tick(interval), Math.min(1000, interval));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.maintaining?.catch(() => undefined);
    await this.checkpointing?.catch(() => undefined);
  }

  private tick(interval: number): void {
    this.maintaining = this.maintain()
      .catch((error) => this.logger.error({ err: error }, 'audit maintenance failed'))
      .finally(() => {
        this.maintaining = undefined;
        if (this.timer === undefined) return;
        this.timer = setTimeout(() => this.tick(interval), interval);
        this.timer.unref();
      });
  }

  /** Reconciles recently applied actions, then signs the chain's head if it grew. */
  async maintain(): Promise<void> {
    const appliedBefore = new Date(Date.now() - this.config.audit.reconcileAfterMs);
    // Overlapping the last run by the grace period: a read-model row may be written a little late.
    const appliedAfter = new Date((this.reconciledUpTo?.getTime() ?? appliedBefore.getTime() - RECONCILE_LOOKBACK_MS) - this.config.audit.reconcileAfterMs);
    await this.reconcile(appliedBefore, appliedAfter);
    this.reconciledUpTo = appliedBefore;
    await this.signCheckpoint();
  }

  /**
   * Records, from the cases' timelines, every person action applied before `appliedBefore` (and after
   * `appliedAfter`) that has no audit entry: the request that applied it died between the Update and
   * its append, or all its appends failed. Oldest first; returns how many were recorded.
   */
  async reconcile(appliedBefore: Date, appliedAfter?: Date): Promise<number> {
    let recorded = 0;
    for (;;) {
      const missing = await this.auditLog.unauditedActions({ appliedBefore, appliedAfter, limit: RECONCILE_BATCH });
      let appended = 0;
      for (const action of missing) {
        const row = await this.auditLog.append({
          userId: action.actor.userId,
          userName: action.actor.name,
          role: action.actor.role,
          caseId: action.caseId,
          caseSeq: action.caseSeq,
          action: action.action,
          // The payload is not in the read model: the digest is of the timeline entry it was read from.
          payloadDigest: payloadDigest({ caseId: action.caseId, ...action.entry, at: action.at, actorId: action.actor.userId }),
          outcome: 'accepted:reconciled',
        });
        if (row.appended) {
          appended += 1;
          this.logger.warn({ caseId: action.caseId, caseSeq: action.caseSeq, action: action.action, auditId: row.id }, 'audit entry reconciled from the case timeline');
          this.afterAppend(row.id);
        }
      }
      recorded += appended;
      if (missing.length < RECONCILE_BATCH || appended === 0) return recorded;
    }
  }

  /** Runs a command and records it, accepted or not; the command's own result or error passes through. */
  command<T>(actor: AuditActor, caseId: string | null, action: string, payload: unknown, run: () => Promise<T>, options: CommandOptions<T> = {}): Promise<T> {
    return this.commandWithDigest(actor, caseId, action, payloadDigest(payload), run, options);
  }

  /** As `command`, with the payload's digest given (an upload records the SHA-256 of the file itself). */
  async commandWithDigest<T>(actor: AuditActor, caseId: string | null, action: string, digest: string, run: () => Promise<T>, options: CommandOptions<T> = {}): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await this.recordDigest(actor, caseId, action, digest, outcomeOf(error));
      throw error;
    }
    await this.recordDigest(actor, caseId, action, digest, 'accepted', options.caseSeqOf?.(result));
    return result;
  }

  /**
   * Appends one entry. The command has already happened (or been refused) by now, so a failing
   * append does not turn its answer into an error: it is retried, then logged in full at error
   * level; an accepted action on a case is then recorded by the reconciler from the case's timeline.
   */
  record(actor: AuditActor, caseId: string | null, action: string, payload: unknown, outcome: string): Promise<void> {
    return this.recordDigest(actor, caseId, action, payloadDigest(payload), outcome);
  }

  async recordDigest(actor: AuditActor, caseId: string | null, action: string, digest: string, outcome: string, caseSeq?: number): Promise<void> {
    const entry: AuditAppend = {
      userId: actor.userId,
      userName: actor.name,
      role: actor.role,
      caseId,
      caseSeq: caseSeq ?? null,
      action,
      payloadDigest: digest,
      outcome,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const row = await this.auditLog.append(entry);
        if (row.appended) this.afterAppend(row.id);
        return;
      } catch (error) {
        if (attempt >= APPEND_ATTEMPTS) {
          this.logger.error({ err: error, auditEntry: entry, caseId }, 'audit append failed');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  /** Every AUDIT_CHECKPOINT_EVERY entries, a checkpoint, signed off the request's path. */
  private afterAppend(id: string): void {
    const signedUpTo = BigInt(this.newestCheckpoint?.headId ?? '0');
    if (BigInt(id) - signedUpTo >= BigInt(this.config.audit.checkpointEvery)) {
      this.signCheckpoint().catch((error) => this.logger.error({ err: error }, 'audit checkpoint failed'));
    }
  }

  /** Signs the chain's head after checking the rows since the last checkpoint; one at a time. */
  signCheckpoint(): Promise<void> {
    this.checkpointing ??= (async () => {
      try {
        const { checkpoint, report } = await this.auditLog.checkpoint(this.key, { witness: this.newestCheckpoint });
        if (checkpoint) this.remember(checkpoint);
        if (report) this.logger.error({ auditChain: report }, 'audit chain does not hold since its last checkpoint: nothing signed');
      } finally {
        this.checkpointing = undefined;
      }
    })();
    return this.checkpointing;
  }

  private remember(checkpoint: AuditCheckpoint, signedHere = true): void {
    // Logged in full: a record outside the database of how far the chain reached, and when.
    if (signedHere) this.logger.log({ auditCheckpoint: checkpoint }, 'audit checkpoint signed');
    if (!this.newestCheckpoint || BigInt(checkpoint.headId) >= BigInt(this.newestCheckpoint.headId)) this.newestCheckpoint = checkpoint;
  }

  /**
   * Reconciles every applied action first (so an action a crash left unaudited does not wait for the
   * timer), then verifies the chain against every signed checkpoint and against the newest checkpoint
   * this process knows of; when it holds, signs its head. The verification itself is audited.
   */
  async verify(actor: AuditActor): Promise<AuditVerification> {
    const reconciled = await this.reconcile(new Date(Date.now() - this.config.audit.reconcileAfterMs));
    const report = await this.auditLog.verify(this.key, { witness: this.newestCheckpoint });
    const latest = await this.auditLog.latestCheckpoint();
    let lastCheckpointAt: string | undefined;
    if (report.ok && report.head && (!latest || latest.headId !== report.head.id)) {
      const signed = await this.auditLog.addCheckpoint(this.key, { headId: report.head.id, headHash: report.head.hash, entryCount: report.checked });
      this.remember(signed);
      lastCheckpointAt = signed.at;
    } else if (report.ok && latest) {
      this.remember(latest, false);
      lastCheckpointAt = latest.at;
    }
    if (!report.ok) this.logger.error({ auditChain: report }, 'audit chain verification failed');
    const { head: _head, ...shown } = report;
    await this.record(actor, null, 'verifyAuditChain', shown, report.ok ? 'accepted' : `accepted:chain_broken`);
    return { ...shown, reconciled, ...(lastCheckpointAt ? { lastCheckpointAt } : {}) };
  }
}
