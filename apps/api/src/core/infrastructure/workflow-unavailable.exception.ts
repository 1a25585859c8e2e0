import { CodedException } from '../errors/coded.exception';

/** Temporal did not answer in time (no worker polling, server down): 503, outcome unknown for commands. */
export class WorkflowUnavailableException extends CodedException<'workflow_unavailable'> {
  override readonly name = 'WorkflowUnavailableException';

  static create(): WorkflowUnavailableException {
    return new WorkflowUnavailableException(
      'workflow_unavailable',
      '工作流服务暂时没有响应。如为提交操作，结果未知：请稍后刷新案件查看，勿急于重复提交',
      'the workflow service did not answer in time; for a command the outcome is unknown, check the case before retrying',
    );
  }
}
