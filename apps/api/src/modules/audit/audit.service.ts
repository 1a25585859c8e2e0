import { Injectable, Logger } from '@nestjs/common';
import { CampaignsException } from '@zhengdun/campaigns';
import { RuleViolation } from '@zhengdun/domain';
import { AuditLogRepository, canonicalJson, sha256Hex, type AuditAppend, type AuditChainReport } from '@zhengdun/persistence';
import { CaseException } from '@zhengdun/temporal';
import { CodedException } from '../../core/errors/coded.exception';
import { MAX_NESTING, nestsDeeperThan } from '../../core/errors/validation';
import { WorkflowUnavailableException } from '../../core/infrastructure/workflow-unavailable.exception';

/** Who did it, as the audit trail records it: a user, or the anonymous public. */
export interface AuditActor {
  userId: string;
  name: string;
  role: string;
}

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

/** accepted | refused:<code> | error (error:workflow_unavailable when the outcome is unknown) */
export function outcomeOf(error: unknown): string {
  if (error instanceof WorkflowUnavailableException) return `error:${error.code}`;
  if (error instanceof CaseException) {
    if (error.code === 'refused') return `refused:${error.rule?.code ?? 'refused'}`;
    if (error.code === 'closed') return 'refused:case_closed';
    return `refused:${error.code}`;
  }
  if (error instanceof RuleViolation || error instanceof CodedException || error instanceof CampaignsException) return `refused:${error.code}`;
  return 'error';
}

const APPEND_ATTEMPTS = 3;

/** Appends every command to the hash-chained audit trail, with its outcome. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly auditLog: AuditLogRepository) {}

  /** Runs a command and records it, accepted or not; the command's own result or error passes through. */
  command<T>(actor: AuditActor, caseId: string | null, action: string, payload: unknown, run: () => Promise<T>): Promise<T> {
    return this.commandWithDigest(actor, caseId, action, payloadDigest(payload), run);
  }

  /** As `command`, with the payload's digest given (an upload records the SHA-256 of the file itself). */
  async commandWithDigest<T>(actor: AuditActor, caseId: string | null, action: string, digest: string, run: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await this.recordDigest(actor, caseId, action, digest, outcomeOf(error));
      throw error;
    }
    await this.recordDigest(actor, caseId, action, digest, 'accepted');
    return result;
  }

  /**
   * Appends one entry. The command has already happened (or been refused) by now, so a failing
   * append does not turn its answer into an error: it is retried, then logged in full at error
   * level so the entry can be restored from the logs.
   */
  record(actor: AuditActor, caseId: string | null, action: string, payload: unknown, outcome: string): Promise<void> {
    return this.recordDigest(actor, caseId, action, payloadDigest(payload), outcome);
  }

  async recordDigest(actor: AuditActor, caseId: string | null, action: string, digest: string, outcome: string): Promise<void> {
    const entry: AuditAppend = {
      userId: actor.userId,
      userName: actor.name,
      role: actor.role,
      caseId,
      action,
      payloadDigest: digest,
      outcome,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.auditLog.append(entry);
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

  verify(): Promise<AuditChainReport> {
    return this.auditLog.verify();
  }
}
