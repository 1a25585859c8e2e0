import { campaignRefOf } from '@zhengdun/campaigns';
import { Injectable, Logger } from '@nestjs/common';
import {
  actionsFor,
  actorRef,
  caseIdFor,
  openCase,
  openingRefusal,
  planWarnings,
  plainDueDates,
  type Actor,
  type OpenCaseInput,
} from '@zhengdun/domain';
import { CaseQueryRepository, CaseReadModelRepository, type CampaignEntity } from '@zhengdun/persistence';
import { CaseClient } from '@zhengdun/temporal';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { IdempotencyContext } from '../../core/idempotency/idempotency-context';
import { ProblemMapper } from '../../core/errors/problem-mapper';
import { validateDto } from '../../core/errors/validation';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { AuditService } from '../../core/audit/audit.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { SpotChecksService } from '../campaigns/spot-checks.service';
import type { SpotCheckListView } from '../campaigns/spot-checks.dto';
import { CaseAccessService } from './case-access.service';
import { toCaseStateView, toCaseSummaryView, toTimelineRowView } from './case-view.mapper';
import type { BatchItemResultView, BatchResultView, CaseDetailView, CaseListView, OpenedCaseView, PlanWarningListView } from './dto/case-view.dto';
import type { ListCasesQueryDto } from './dto/list-cases.dto';
import { OpenCaseDto } from './dto/open-case.dto';

function inputFor(campaign: CampaignEntity, dto: OpenCaseDto): OpenCaseInput {
  return {
    campaign: campaignRefOf(campaign),
    policy: campaign.policy,
    org: {
      code: dto.org.code,
      name: dto.org.name.trim(),
      domain: dto.org.domain,
      county: campaign.county,
      township: dto.org.township,
      isKeyVillage: dto.org.isKeyVillage ?? false,
      secretary: { personId: dto.org.secretary.personId, name: dto.org.secretary.name.trim() },
    },
    source: dto.source,
    problems: dto.problems.map((problem) => ({ category: problem.category, description: problem.description })),
    ...(dto.team
      ? {
          team: dto.team.map((member) => ({
            teamRole: member.teamRole,
            personId: member.personId,
            name: member.name,
            ...(member.title !== undefined ? { title: member.title } : {}),
            ...(member.isTownshipPartySecretary !== undefined ? { isTownshipPartySecretary: member.isTownshipPartySecretary } : {}),
            ...(member.appointingUnit !== undefined ? { appointingUnit: member.appointingUnit.trim() } : {}),
          })),
        }
      : {}),
  };
}

/** How deep into a list a page may start (page × pageSize). */
export const MAX_LIST_OFFSET = 10_000;

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly cases: CaseClient,
    private readonly temporal: TemporalCalls,
    private readonly query: CaseQueryRepository,
    private readonly readModel: CaseReadModelRepository,
    private readonly campaigns: CampaignsService,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly problems: ProblemMapper,
    private readonly idempotency: IdempotencyContext,
    private readonly spotCheckService: SpotChecksService,
  ) {}

  /** Puts one organization on the campaign's list (摸排确定) and starts its workflow. */
  async open(actor: Actor, campaignId: string, dto: OpenCaseDto): Promise<OpenedCaseView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    return this.openIn(actor, campaign, dto, this.idempotency.updateId());
  }

  /** `openRequestId`: the same for every attempt of this request (CaseClient.open), when it has an Idempotency-Key. */
  private openIn(actor: Actor, campaign: CampaignEntity, dto: OpenCaseDto, openRequestId: string | undefined): Promise<OpenedCaseView> {
    const input = inputFor(campaign, dto);
    const caseId = caseIdFor(campaign.id, input.org.code);
    return this.audit.command(actor, caseId, 'openCase', input, async () => {
      this.access.assertInScope(actor, { county: input.org.county, township: input.org.township, orgCode: input.org.code }, input.org.name);
      // The workflow applies the same rules when it starts, but by then the start has been
      // accepted: run them here first so that a refusal reaches the caller.
      const now = new Date().toISOString();
      openCase(input, actorRef(actor), now, plainDueDates(now, input.policy));
      const refused = openingRefusal(input, actor);
      if (refused) throw refused;
      await this.temporal.run(() => this.cases.open(input, actor, { openRequestId }));
      this.logger.log({ caseId, campaignId: campaign.id }, 'case opened');
      return { caseId };
    });
  }

  /** Many organizations at once: each item is validated and opened on its own, and reported. */
  async openMany(actor: Actor, campaignId: string, items: Record<string, unknown>[], instance: string): Promise<BatchResultView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const requestId = this.idempotency.updateId();
    // One after the other, in order: the same organization twice in a batch opens the first.
    const results: BatchItemResultView[] = [];
    for (const [index, item] of items.entries()) {
      const org = (item as { org?: { code?: unknown } }).org;
      const orgCode = typeof org?.code === 'string' ? org.code.slice(0, 64) : undefined;
      try {
        const dto = await validateDto(OpenCaseDto, item, `cases[${index}]`);
        const { caseId } = await this.openIn(actor, campaign, dto, requestId && `${requestId}:${index}`);
        results.push({ index, orgCode, status: 201, caseId });
      } catch (error) {
        const problem = this.problems.toProblem(error, instance);
        if (problem.unexpected) this.logger.error({ err: error, index }, 'batch item failed');
        results.push({ index, orgCode, status: problem.status, problem: problem.body });
      }
    }
    const created = results.filter((result) => result.status === 201).length;
    return { created, failed: results.length - created, results };
  }

  async list(actor: Actor, query: ListCasesQueryDto): Promise<CaseListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // Postgres reads and drops every row before OFFSET: a deep page costs as much as the whole list.
    if ((page - 1) * pageSize >= MAX_LIST_OFFSET) {
      throw RequestValidationException.field(
        'page',
        `翻页过深：最多可查看前 ${MAX_LIST_OFFSET} 条，请用批次、阶段、乡镇等条件缩小范围，或改变排序`,
        `pages start at most ${MAX_LIST_OFFSET} rows in: narrow the list with filters or change the sort`,
      );
    }
    const { items, total } = await this.query.page(
      {
        scope: actor.scope,
        campaignId: query.campaignId,
        stage: query.stage,
        domain: query.domain,
        township: query.township,
        overdue: query.overdue,
        escalationLevel: query.escalationLevel,
        personId: query.personId,
        awaiting: query.awaiting,
      },
      { offset: (page - 1) * pageSize, limit: pageSize, sort: query.sort ?? 'updatedAt', order: query.order ?? 'desc' },
    );
    return { items: items.map(toCaseSummaryView), total, page, pageSize };
  }

  /** What the approver should know before approving the case's plan: vague measures, near-identical plans in the campaign, problems without a root cause. */
  /** 抽查复核 on the case page: the spot-checks whose sample holds this case, with the county's re-check. */
  async spotChecks(actor: Actor, caseId: string): Promise<SpotCheckListView> {
    await this.access.placeVisibleTo(actor, caseId);
    return { items: await this.spotCheckService.ofCase(caseId) };
  }

  async planWarnings(actor: Actor, caseId: string): Promise<PlanWarningListView> {
    await this.access.placeVisibleTo(actor, caseId);
    const state = (await this.query.stateOf(caseId)) ?? (await this.temporal.run(() => this.cases.state(caseId)));
    const measures = state.measures.filter((measure) => measure.round === state.round);
    if (measures.length === 0) return { warnings: [] };
    const others = await this.query.plansInCampaign(state.campaign.id, caseId);
    const problems = state.problems.filter((problem) => problem.round === state.round);
    return { warnings: planWarnings(measures, others, problems) };
  }

  /**
   * The case and its timeline from the read model, with the actions this person may take now. Only a
   * case the workflow has not yet written (just opened) is asked of the workflow itself.
   */
  async get(actor: Actor, caseId: string): Promise<CaseDetailView> {
    // Scope first: the workflow is asked only about a case the actor may see.
    await this.access.placeVisibleTo(actor, caseId);
    const state = (await this.query.stateOf(caseId)) ?? (await this.temporal.run(() => this.cases.state(caseId)));
    const timeline = await this.readModel.timelineOf(caseId);
    return {
      case: toCaseStateView(state),
      timeline: timeline.map(toTimelineRowView),
      availableActions: actionsFor(state, actor),
    };
  }
}
