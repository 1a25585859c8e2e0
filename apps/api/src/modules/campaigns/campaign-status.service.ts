import { Injectable } from '@nestjs/common';
import { CampaignWorkflowService } from '@zhengdun/campaigns';
import type { Actor } from '@zhengdun/domain';
import { campaignWorkflowId } from '@zhengdun/workflows';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { CampaignsService } from './campaigns.service';
import type { CampaignStatusView } from './campaign-views.dto';

/** A campaign's clock and county-wide figures, read from its workflow (GET /campaigns/:id/status). */
@Injectable()
export class CampaignStatusService {
  constructor(
    private readonly workflows: CampaignWorkflowService,
    private readonly campaigns: CampaignsService,
    private readonly temporal: TemporalCalls,
  ) {}

  /**
   * The campaign's clock for everyone in its county; its figures (the last progress summary, the end
   * report) are county-wide, so only county-level users get them: a township or an organization sees
   * null there and its own figures on /dashboard/summary, which is scoped.
   */
  async status(actor: Actor, campaignId: string): Promise<CampaignStatusView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const status = await this.temporal.run(() => this.workflows.status(campaign.id));
    const countyWide = actor.scope.level === 'county';
    return {
      campaignId: campaign.id,
      workflowId: campaignWorkflowId(campaign.id),
      daysLeft: status.daysLeft,
      asOf: status.asOf,
      startedAt: status.startedAt,
      endsAt: status.campaign.endsAt,
      summariesSent: status.summariesSent,
      nextSummaryAt: status.nextSummaryAt,
      lastSummary: countyWide ? (status.lastSummary as unknown as Record<string, unknown> | null) : null,
      ended: status.ended,
      end: countyWide ? (status.end as unknown as Record<string, unknown> | null) : null,
    };
  }
}
