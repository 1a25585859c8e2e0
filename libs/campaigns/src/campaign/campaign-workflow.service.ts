/**
 * A campaign's workflow as the campaign module sees it: the definition checked before anything is
 * started, and a campaign without a workflow reported as `campaign_not_found`. The Temporal calls are
 * libs/temporal's CampaignClient.
 */
import type { CampaignClient, CampaignStartResult } from '@zhengdun/temporal';
import { isValidPolicy, summaryCadenceOf, type CampaignPolicy, type CampaignRef, type Reelection } from '@zhengdun/domain';
import type { CampaignStatus, CampaignSummary, CampaignWorkflowInput } from '@zhengdun/workflows';
import { CampaignsException } from '../campaigns.exception';

export type { CampaignStartResult } from '@zhengdun/temporal';

export interface CampaignDefinition {
  id: string;
  name: string;
  county: string;
  /** The hard end date (a Date as the campaign entity holds it, or ISO 8601). */
  endsAt: Date | string;
  /** With `summaryCadence` for the county's summaries (default 30 days). */
  policy: CampaignPolicy;
  reelection?: Reelection | null;
}

/** What a case carries of its campaign (the API's and the import's one way to build it). */
export function campaignRefOf(definition: CampaignDefinition): CampaignRef {
  const endsAt = definition.endsAt instanceof Date ? definition.endsAt.toISOString() : new Date(definition.endsAt).toISOString();
  return { id: definition.id, name: definition.name, county: definition.county, endsAt, ...(definition.reelection ? { reelection: definition.reelection } : {}) };
}

export class CampaignWorkflowService {
  constructor(private readonly client: CampaignClient) {}

  /** Starts the countdown, the summaries and the end-date escalation of a campaign, once. */
  async start(definition: CampaignDefinition): Promise<CampaignStartResult> {
    const endsAt = definition.endsAt instanceof Date ? definition.endsAt.getTime() : Date.parse(definition.endsAt);
    if (Number.isNaN(endsAt)) throw new CampaignsException('invalid_campaign', '整顿截止时间无效', 'endsAt is not a date', { field: 'endsAt' });
    if (!isValidPolicy(definition.policy)) {
      throw new CampaignsException('invalid_campaign', '整顿政策设置有误', 'invalid campaign policy', { field: 'policy' });
    }
    const input: CampaignWorkflowInput = { campaign: campaignRefOf(definition), policy: { ...definition.policy, summaryCadence: summaryCadenceOf(definition.policy) } };
    return await this.client.start(input);
  }

  /** The campaign's state; `daysLeft` counted from the real clock now. */
  async status(campaignId: string): Promise<CampaignStatus> {
    return this.found(campaignId, await this.client.status(campaignId));
  }

  async daysLeft(campaignId: string): Promise<number> {
    return (await this.status(campaignId)).daysLeft;
  }

  async lastSummary(campaignId: string): Promise<CampaignSummary | null> {
    return this.found(campaignId, await this.client.lastSummary(campaignId));
  }

  private found<T>(campaignId: string, value: T | undefined): T {
    if (value === undefined) throw new CampaignsException('campaign_not_found', `整顿批次 ${campaignId} 尚未启动`, `campaign ${campaignId} has no workflow`);
    return value;
  }
}
