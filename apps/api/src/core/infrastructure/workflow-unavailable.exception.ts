import { CodedError, type StatusTable } from '@zhengdun/domain';

export const WORKFLOW_UNAVAILABLE_EXCEPTION_STATUS: StatusTable<'workflow_unavailable'> = { workflow_unavailable: 503 };

/** Temporal did not answer in time (no worker polling, server down): 503, outcome unknown for commands. */
export class WorkflowUnavailableException extends CodedError<'workflow_unavailable'> {
  override readonly name = 'WorkflowUnavailableException';

  static create(): WorkflowUnavailableException {
    return new WorkflowUnavailableException(
      'workflow_unavailable',
      '工作流服务暂时没有响应。如为提交操作，结果未知：请稍后刷新整顿对象查看，勿急于重复提交',
      'the workflow service did not answer in time; for a command the outcome is unknown, check the case before retrying',
    );
  }

  /** The workflow applied the action but its record is not written yet (Postgres unreachable for the worker). */
  static notYetRecorded(): WorkflowUnavailableException {
    return new WorkflowUnavailableException(
      'workflow_unavailable',
      '操作已受理，但尚未记入整顿台账（数据库暂不可用）。请稍后用同一 Idempotency-Key 重试，不会重复执行',
      'the action was taken but is not recorded yet (the database is unreachable); retry later with the same Idempotency-Key, it will not be applied twice',
    );
  }
}
