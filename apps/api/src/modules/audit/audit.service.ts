import { Injectable, Logger } from '@nestjs/common';
import { RuleViolation } from '@zhengdun/domain';
import { AuditLogRepository, canonicalJson, sha256Hex, type AuditAppend, type AuditChainReport } from '@zhengdun/persistence';
import { CaseException } from '@zhengdun/temporal';
import { CodedException } from '../../core/errors/coded.exception';
import { WorkflowUnavailableException } from '../../core/infrastructure/workflow-unavailable.exception';

/** Who did it, as the audit trail records it: a user, or the anonymous public. */
export interface AuditActor {
  userId: string;
  name: string;
  role: string;
}

export const PUBLIC_AUDIT_ACTOR: AuditActor = { userId: 'public', name: '群众', role: 'public' };

export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload ?? null));
}

/** accepted | refused:<code> | error (error:workflow_unavailable when the outcome is unknown) */
export function outcomeOf(error: unknown): string {
  if (error instanceof WorkflowUnavailableException) return `error:${error.code}`;
  if (error instanceof CaseException) {
    if (error.code === 'refused') return `refused:${error.rule?.code ?? 'refused'}`;
    if (error.code === 'closed') return 'refused:case_closed';
    return `refused:${error.code}`;
  }
  if (error instanceof RuleViolation || error instanceof CodedException) return `refused:${error.code}`;
  return 'error';
}

const APPEND_ATTEMPTS = 3;

/** Appends every command to the hash-chained audit trail, with its outcome. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly auditLog: AuditLogRepository) {}

  /** Runs a command and records it, accepted or not; the command's own result or error passes through. */
  async command<T>(actor: AuditActor, caseId: string | null, action: string, payload: unknown, run: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await this.record(actor, caseId, action, payload, outcomeOf(error));
      throw error;
    }
    await this.record(actor, caseId, action, payload, 'accepted');
    return result;
  }

  /**
   * Appends one entry. The command has already happened (or been refused) by now, so a failing
   * append does not turn its answer into an error: it is retried, then logged in full at error
   * level so the entry can be restored from the logs.
   */
  async record(actor: AuditActor, caseId: string | null, action: string, payload: unknown, outcome: string): Promise<void> {
    const entry: AuditAppend = {
      userId: actor.userId,
      userName: actor.name,
      role: actor.role,
      caseId,
      action,
      payloadDigest: payloadDigest(payload),
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
