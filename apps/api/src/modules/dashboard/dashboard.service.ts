import { Injectable } from '@nestjs/common';
import type { Actor } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import type { DashboardSummaryView } from './dashboard.dto';

/** Counts over the read model, limited to the caller's scope. */
@Injectable()
export class DashboardService {
  constructor(private readonly query: CaseQueryRepository) {}

  async summary(actor: Actor, campaignId?: string): Promise<DashboardSummaryView> {
    const [dashboard, awaiting] = await Promise.all([this.query.dashboard({ scope: actor.scope, campaignId }), this.query.awaitingCounts({ scope: actor.scope, campaignId })]);
    return { ...dashboard, awaiting, generatedAt: new Date().toISOString() };
  }
}
