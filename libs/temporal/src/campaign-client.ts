/**
 * Starting and reading a campaign's workflow (`campaign:<id>`). Start is idempotent: a campaign that
 * is already running, or has run, is not started again. Checking the campaign itself is the caller's
 * job (libs/campaigns' CampaignWorkflowService); this class only speaks to Temporal.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  campaignLastSummaryQuery,
  campaignStatusQuery,
  campaignWorkflowId,
  daysLeft,
  type CampaignStatus,
  type CampaignSummary,
  type CampaignWorkflowInput,
} from '@zhengdun/workflows';

export interface CampaignStartResult {
  workflowId: string;
  /** false when the campaign's workflow already runs or has run: nothing new was started. */
  started: boolean;
}

export class CampaignClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Starts the countdown, the summaries and the end-date escalation of a campaign, once. */
  async start(input: CampaignWorkflowInput): Promise<CampaignStartResult> {
    const workflowId = campaignWorkflowId(input.campaign.id);
    try {
      await this.client.workflow.start('campaignWorkflow', {
        workflowId,
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw error;
    }
  }

  /** The campaign's state, `daysLeft` counted from the real clock now; undefined when it has no workflow. */
  async status(campaignId: string): Promise<CampaignStatus | undefined> {
    const status = await this.queryOrUndefined(() => this.client.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignStatusQuery));
    return status && { ...status, daysLeft: daysLeft(status.campaign.endsAt, Date.now()), asOf: new Date().toISOString() };
  }

  /** The last progress summary (null before the first); undefined when the campaign has no workflow. */
  lastSummary(campaignId: string): Promise<CampaignSummary | null | undefined> {
    return this.queryOrUndefined(() => this.client.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignLastSummaryQuery));
  }

  private async queryOrUndefined<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
