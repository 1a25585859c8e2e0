/**
 * The one way the API, the tests and the benchmark talk to case workflows. Temporal's errors are
 * turned into CaseException codes (case.exception.ts) here so that callers never see SDK error classes.
 */
import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type TypedSearchAttributes } from '@temporalio/common';
import { caseIdFor, type Actor, type CaseAction, type CaseState, type OpenCaseInput, type PublicNotice, type RuleCode } from '@zhengdun/domain';
import { CaseException } from './case.exception';
import {
  CASE_CAMPAIGN,
  CASE_DOMAIN,
  CASE_ESCALATION_LEVEL,
  CASE_OVERDUE,
  CASE_STAGE,
  CASE_TOWNSHIP,
  caseStateQuery,
  caseUpdates,
  publicNoticeQuery,
  raiseObjectionSignal,
  rateSatisfactionSignal,
  RULE_VIOLATION_FAILURE,
  signActor,
  type ActionCommand,
  type CaseSnapshot,
  type CaseUpdate,
  type CaseWorkflowInput,
  type ObjectionSignal,
  type RatingSignal,
} from '@zhengdun/workflows';

interface RuleDetails {
  code: RuleCode;
  messageZh: string;
  messageEn: string;
  details: Record<string, unknown>;
}

function findRuleFailure(error: unknown): RuleDetails | undefined {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof ApplicationFailure && cause.type === RULE_VIOLATION_FAILURE) {
      return cause.details?.[0] as RuleDetails | undefined;
    }
  }
  return undefined;
}

/**
 * "No such case", for a case that does not exist and (in the API) for one outside the caller's scope:
 * the two must read the same, so the message says both.
 */
export function caseNotFound(caseId: string): CaseException {
  return new CaseException('not_found', `整顿对象 ${caseId} 不存在或不在您的管辖范围内`, `case ${caseId} not found (or not in your scope)`);
}

function translate(error: unknown, caseId: string): never {
  if (error instanceof CaseException) throw error;
  const rule = findRuleFailure(error);
  if (rule) throw new CaseException('refused', rule.messageZh, rule.messageEn, { code: rule.code, details: rule.details ?? {} });
  // Before the not-found check: Temporal answers an Update or Signal to a workflow that has already
  // completed (an archived case) with NOT_FOUND "workflow execution already completed", which the SDK
  // throws as WorkflowNotFoundError. The case exists; it is closed.
  if (/workflow execution already completed/i.test(String((error as Error)?.message))) {
    throw new CaseException('closed', '该整顿对象已归档，不能再操作', 'the case is closed', { code: 'case_closed', details: {} });
  }
  // Failed, but not by a rule (those are answered above): the action was not applied, and may be tried again.
  if (error instanceof WorkflowUpdateFailedError) {
    throw new CaseException('interrupted', '操作未能完成，未作任何更改，请稍后重试', 'the action could not be completed and changed nothing; try again later');
  }
  if (error instanceof WorkflowNotFoundError) throw caseNotFound(caseId);
  throw error;
}

export interface OpenCaseOptions {
  maxHistoryEvents?: number;
  /**
   * The same for every attempt of one request to open the case (from its Idempotency-Key). Kept in the
   * workflow's memo: when an attempt started the workflow but its answer was lost (a replica or
   * Temporal's history service died under it), the retry finds its own start and succeeds instead of
   * being refused as a second listing.
   */
  openRequestId?: string;
  /** How the case waits out a Postgres outage (tests shorten it). */
  outage?: CaseWorkflowInput['outage'];
}

export interface ActOptions {
  /**
   * Temporal's Update id: a second Update with the same id on the same workflow run is not applied
   * again; Temporal answers with the first one's outcome. Give the same id when retrying a command
   * whose answer was lost (a timeout, a 503), so that it is applied at most once.
   */
  updateId?: string;
}

export interface CaseClientOptions {
  /** The actor-signing key (ACTOR_SIGNING_KEY) the workers also hold; without it `act` refuses to send. */
  actorKey?: Uint8Array;
}

/** The memo field holding the request that opened the case (OpenCaseOptions.openRequestId). */
const OPEN_REQUEST_MEMO = 'openRequestId';

export class CaseClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly options: CaseClientOptions = {},
  ) {}

  /** Starts the case's workflow. A second start for the same organization in a campaign is refused. */
  async open(input: OpenCaseInput, openedBy: Actor, options: OpenCaseOptions = {}): Promise<string> {
    const caseId = caseIdFor(input.campaign.id, input.org.code);
    const args: CaseWorkflowInput = {
      open: { input, openedBy },
      ...(options.maxHistoryEvents ? { maxHistoryEvents: options.maxHistoryEvents } : {}),
      ...(options.outage ? { outage: options.outage } : {}),
    };
    try {
      await this.client.workflow.start('caseWorkflow', {
        workflowId: caseId,
        taskQueue: this.taskQueue,
        args: [args],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
        ...(options.openRequestId ? { memo: { [OPEN_REQUEST_MEMO]: options.openRequestId } } : {}),
        typedSearchAttributes: [
          { key: CASE_STAGE, value: 'identified' },
          { key: CASE_DOMAIN, value: input.org.domain },
          { key: CASE_TOWNSHIP, value: input.org.township },
          { key: CASE_CAMPAIGN, value: input.campaign.id },
          { key: CASE_OVERDUE, value: false },
          { key: CASE_ESCALATION_LEVEL, value: 0 },
        ] as unknown as TypedSearchAttributes,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        if (options.openRequestId && (await this.openedByRequest(caseId, options.openRequestId))) return caseId;
        throw new CaseException(
          'already_exists',
          `${input.org.name}已在本轮整顿名单中，不能重复列入`,
          `organization ${input.org.code} already has a case in campaign ${input.campaign.id}`,
        );
      }
      throw error;
    }
    return caseId;
  }

  /** Whether the case's workflow was started by this open request (an earlier attempt of it). */
  private async openedByRequest(caseId: string, openRequestId: string): Promise<boolean> {
    const { memo } = await this.client.workflow.getHandle(caseId).describe();
    return memo?.[OPEN_REQUEST_MEMO] === openRequestId;
  }

  /** Sends a supervisor's action as an Update; returns the new state (without its timeline) or throws the refusal. */
  async act(caseId: string, actor: Actor, action: CaseAction, options: ActOptions = {}): Promise<CaseSnapshot> {
    const update = caseUpdates[action.type] as CaseUpdate;
    if (!this.options.actorKey) throw new Error('this CaseClient has no actor-signing key: it cannot send actions');
    // The signature names the Update id, so a copy of this command is worthless under any other id.
    const updateId = options.updateId ?? randomUUID();
    const signature = signActor(this.options.actorKey, caseId, updateId, actor, action);
    try {
      return await this.client.workflow.getHandle(caseId).executeUpdate(update, { args: [{ actor, action, signature } as ActionCommand], updateId });
    } catch (error) {
      translate(error, caseId);
    }
  }

  async state(caseId: string): Promise<CaseState> {
    try {
      return await this.client.workflow.getHandle(caseId).query(caseStateQuery);
    } catch (error) {
      translate(error, caseId);
    }
  }

  async publicNotice(caseId: string): Promise<PublicNotice | null> {
    try {
      return await this.client.workflow.getHandle(caseId).query(publicNoticeQuery);
    } catch (error) {
      translate(error, caseId);
    }
  }

  async raiseObjection(caseId: string, signal: ObjectionSignal): Promise<void> {
    try {
      await this.client.workflow.getHandle(caseId).signal(raiseObjectionSignal, signal);
    } catch (error) {
      translate(error, caseId);
    }
  }

  async rateSatisfaction(caseId: string, signal: RatingSignal): Promise<void> {
    try {
      await this.client.workflow.getHandle(caseId).signal(rateSatisfactionSignal, signal);
    } catch (error) {
      translate(error, caseId);
    }
  }
}
