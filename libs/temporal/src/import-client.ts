/**
 * Starting and reading a screening-list import's workflow (`import:<importId>`). Storing the rows and
 * deciding whether to start is libs/campaigns' ScreeningImportService; this class only speaks to Temporal.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { importProgressQuery, importWorkflowId, type ImportProgress, type ImportWorkflowInput } from '@zhengdun/workflows';

export class ImportClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Starts the import unless its workflow runs or has completed; one that failed or was terminated starts again. */
  async start(input: ImportWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start('importWorkflow', {
        workflowId: importWorkflowId(input.importId),
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        workflowIdConflictPolicy: 'FAIL',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** Progress straight from the workflow (query); undefined once it is gone. */
  async progress(importId: string): Promise<ImportProgress | undefined> {
    try {
      return await this.client.workflow.getHandle(importWorkflowId(importId)).query(importProgressQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
