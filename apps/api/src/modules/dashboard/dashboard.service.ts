import { Injectable } from '@nestjs/common';
import type { Actor } from '@zhengdun/domain';
import { CaseQueryRepository } from '@zhengdun/persistence';
import type { DashboardSummaryView } from './dashboard.dto';

/** Counts over the read model, limited to the caller's scope. */
@Injectable()
export class DashboardService {
  constructor(private readonly query: CaseQueryRepository) {}

  async summary(actor: Actor, campaignId?: string): Promise<DashboardSummaryView> {
    const filter = { scope: actor.scope, campaignId };
    const [dashboard, awaiting, measures] = await Promise.all([this.query.dashboard(filter), this.query.awaitingCounts(filter), this.query.measureCounts(filter)]);
    return { ...dashboard, awaiting, measures, generatedAt: new Date().toISOString() };
  }
}
