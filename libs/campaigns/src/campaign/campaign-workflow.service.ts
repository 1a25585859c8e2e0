/**
 * Starting and reading a campaign's workflow (`campaign:<id>`). Start is idempotent: a campaign that
 * is already running, or has run, is not started again.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { isValidPolicy, summaryCadenceOf, type CampaignPolicy, type CampaignRef } from '@zhengdun/domain';
import {
  campaignLastSummaryQuery,
  campaignStatusQuery,
  campaignWorkflowId,
  daysLeft,
  type CampaignStatus,
  type CampaignSummary,
  type CampaignWorkflowInput,
} from '@zhengdun/workflows';
import { CampaignsException } from '../campaigns.exception';

export interface CampaignDefinition {
  id: string;
  name: string;
  county: string;
  /** The hard end date (a Date as the campaign entity holds it, or ISO 8601). */
  endsAt: Date | string;
  /** With `summaryCadence` for the county's summaries (default 30 days). */
  policy: CampaignPolicy;
}

export interface CampaignStartResult {
  workflowId: string;
  /** false when the campaign's workflow already runs or has run: nothing new was started. */
  started: boolean;
}

export function campaignRefOf(definition: CampaignDefinition): CampaignRef {
  const endsAt = definition.endsAt instanceof Date ? definition.endsAt.toISOString() : new Date(definition.endsAt).toISOString();
  return { id: definition.id, name: definition.name, county: definition.county, endsAt };
}

export class CampaignWorkflowService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Starts the countdown, the summaries and the end-date escalation of a campaign, once. */
  async start(definition: CampaignDefinition): Promise<CampaignStartResult> {
    const endsAt = definition.endsAt instanceof Date ? definition.endsAt.getTime() : Date.parse(definition.endsAt);
    if (Number.isNaN(endsAt)) throw new CampaignsException('invalid_campaign', '整顿截止时间无效', 'endsAt is not a date', { field: 'endsAt' });
    if (!isValidPolicy(definition.policy)) {
      throw new CampaignsException('invalid_campaign', '整顿政策设置有误', 'invalid campaign policy', { field: 'policy' });
    }
    const workflowId = campaignWorkflowId(definition.id);
    const input: CampaignWorkflowInput = { campaign: campaignRefOf(definition), policy: { ...definition.policy, summaryCadence: summaryCadenceOf(definition.policy) } };
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

  /** The campaign's state; `daysLeft` counted from the real clock now. */
  async status(campaignId: string): Promise<CampaignStatus> {
    const status = await this.query(campaignId, () => this.client.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignStatusQuery));
    return { ...status, daysLeft: daysLeft(status.campaign.endsAt, Date.now()), asOf: new Date().toISOString() };
  }

  async daysLeft(campaignId: string): Promise<number> {
    return (await this.status(campaignId)).daysLeft;
  }

  async lastSummary(campaignId: string): Promise<CampaignSummary | null> {
    return this.query(campaignId, () => this.client.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignLastSummaryQuery));
  }

  private async query<T>(campaignId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new CampaignsException('campaign_not_found', `整顿批次 ${campaignId} 尚未启动`, `campaign ${campaignId} has no workflow`);
      }
      throw error;
    }
  }
}
