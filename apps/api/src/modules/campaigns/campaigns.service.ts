import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@zhengdun/config';
import { campaignPolicyProblems, DEFAULT_POLICY, isValidPolicy, PERIOD_NAMES, type Actor, type CampaignPolicy, type Reelection } from '@zhengdun/domain';
import { CampaignWorkflowService } from '@zhengdun/campaigns';
import { CampaignRepository, type CampaignEntity } from '@zhengdun/persistence';
import { AccessException } from '../../core/auth/access.exception';
import { TemporalCalls } from '../../core/infrastructure/temporal-calls.service';
import { API_CONFIG } from '../../core/infrastructure/injection-tokens';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { AuditService } from '../../core/audit/audit.service';
import { CampaignRequestException } from './campaign-request.exception';
import type { CampaignView, CreateCampaignDto } from './campaign.dto';

export function toCampaignView(entity: CampaignEntity): CampaignView {
  return {
    id: entity.id,
    name: entity.name,
    county: entity.county,
    endsAt: entity.endsAt.toISOString(),
    policy: entity.policy,
    reelection: entity.reelection ? { at: entity.reelection.at, byTownship: entity.reelection.byTownship ?? {} } : null,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
  };
}

/** Dates as instants (ISO, UTC); a township named twice keeps its last date. */
function reelectionOf(dto: CreateCampaignDto): Reelection | null {
  if (!dto.reelection) return null;
  const byTownship = Object.fromEntries((dto.reelection.townships ?? []).map((entry) => [entry.township, new Date(entry.at).toISOString()]));
  return { at: new Date(dto.reelection.at).toISOString(), ...(Object.keys(byTownship).length > 0 ? { byTownship } : {}) };
}

/** Plain copy of a validated policy, the defaults filling what it leaves out (the DTO instance carries class identity into JSON otherwise). */
function policyOf(dto: CreateCampaignDto, allowSeconds: boolean): CampaignPolicy {
  if (!dto.policy) return DEFAULT_POLICY;
  // What the county leaves out comes from the defaults.
  const given = dto.policy;
  const policy = {
    ...Object.fromEntries(PERIOD_NAMES.map((name) => [name, { ...(given[name] ?? DEFAULT_POLICY[name]) }])),
    satisfactionThreshold: given.satisfactionThreshold ?? DEFAULT_POLICY.satisfactionThreshold,
    ...(given.awarenessThreshold !== undefined ? { awarenessThreshold: given.awarenessThreshold } : {}),
    ...(given.assessmentMaxRespondents !== undefined ? { assessmentMaxRespondents: given.assessmentMaxRespondents } : {}),
    ...(given.spotCheckShare !== undefined ? { spotCheckShare: given.spotCheckShare } : {}),
    ...(dto.policy.summaryCadence ? { summaryCadence: { amount: dto.policy.summaryCadence.amount, unit: dto.policy.summaryCadence.unit } } : {}),
    ...(dto.policy.verificationPeriod ? { verificationPeriod: { amount: dto.policy.verificationPeriod.amount, unit: dto.policy.verificationPeriod.unit } } : {}),
    ...(dto.policy.reviewPeriod ? { reviewPeriod: { amount: dto.policy.reviewPeriod.amount, unit: dto.policy.reviewPeriod.unit } } : {}),
    ...(dto.policy.committeeThresholds
      ? { committeeThresholds: { overdueShare: [...dto.policy.committeeThresholds.overdueShare], talks: [...dto.policy.committeeThresholds.talks] } }
      : {}),
  } as CampaignPolicy;
  if (!isValidPolicy(policy)) {
    throw new CampaignRequestException(
      'invalid_policy',
      '整顿政策设置有误：提醒提前量、督办间隔、措施核验时限和回头看报告时限只能按自然日或秒计，不能按工作日；进度汇总周期须大于零',
      'invalid policy: reminderLead, escalationInterval, verificationPeriod and reviewPeriod cannot be in working days; summaryCadence must be more than zero',
      { field: 'policy' },
    );
  }
  const problems = campaignPolicyProblems(policy, { allowSeconds });
  if (problems.length > 0) {
    throw new RequestValidationException(problems.map((problem) => ({ field: problem.field, detail: problem.messageZh, detail_en: problem.messageEn })));
  }
  return policy;
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly audit: AuditService,
    private readonly workflows: CampaignWorkflowService,
    private readonly temporal: TemporalCalls,
    @Inject(API_CONFIG) private readonly config: AppConfig,
  ) {}

  create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignView> {
    const id = `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    return this.audit.command(actor, null, 'createCampaign', { id, ...dto }, async () => {
      if (dto.county !== actor.scope.county) throw AccessException.scope(actor, dto.county);
      const policy = policyOf(dto, this.config.allowSecondsPeriods);
      const endsAt = new Date(dto.endsAt);
      if (endsAt.getTime() <= Date.now()) {
        throw new CampaignRequestException('ends_in_past', '截止时间必须晚于当前时间', 'endsAt must be in the future', { field: 'endsAt' });
      }
      const entity = await this.campaigns.create({ id, name: dto.name.trim(), county: dto.county, endsAt, policy, reelection: reelectionOf(dto), createdBy: actor.userId });
      // The countdown, monthly summaries and end-date escalation: started once, after the row exists.
      await this.temporal.run(() => this.workflows.start(entity));
      return toCampaignView(entity);
    });
  }

  async list(actor: Actor): Promise<CampaignView[]> {
    return (await this.campaigns.findByCounty(actor.scope.county)).map(toCampaignView);
  }

  /** A campaign of the caller's county; another county's is answered as a missing one (its name included). */
  async get(actor: Actor, id: string): Promise<CampaignEntity> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign || campaign.county !== actor.scope.county) throw CampaignRequestException.notFound(id);
    return campaign;
  }
}
