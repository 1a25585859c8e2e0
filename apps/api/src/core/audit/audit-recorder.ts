import { CodedError } from '@zhengdun/domain';
import { CaseException } from '@zhengdun/temporal';
import { WorkflowUnavailableException } from '../infrastructure/workflow-unavailable.exception';

/** Who did it, as the audit trail records it: a user, or the anonymous public. */
export interface AuditActor {
  userId: string;
  name: string;
  role: string;
}

/**
 * What core/ needs of the audit trail (the guard records refused actions, dev tokens record their
 * issuance). The audit module provides it (AuditService), so core/ does not import modules/.
 */
export abstract class AuditRecorder {
  abstract record(actor: AuditActor, caseId: string | null, action: string, payload: unknown, outcome: string): Promise<void>;
}

/** accepted | refused:<code> | error (error:workflow_unavailable when the outcome is unknown) */
export function outcomeOf(error: unknown): string {
  if (error instanceof WorkflowUnavailableException) return `error:${error.code}`;
  if (error instanceof CaseException) {
    if (error.code === 'refused') return `refused:${error.rule?.code ?? 'refused'}`;
    if (error.code === 'closed') return 'refused:case_closed';
    if (error.code === 'interrupted') return 'error:case_interrupted';
    return `refused:${error.code}`;
  }
  if (error instanceof CodedError) return `refused:${error.code}`;
  return 'error';
}
