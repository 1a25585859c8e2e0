import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { drawSample, SPOT_CHECK_STAGE_LABELS, spotCheckShareOf, townshipResultOf, type Actor, type SpotCheckStage } from '@zhengdun/domain';
import { SpotCheckRepository, type SpotCheckEntity, type SpotCheckResultEntity, type TownshipCaseResults } from '@zhengdun/persistence';
import { AuditService } from '../../core/audit/audit.service';
import { CampaignRequestException } from './campaign-request.exception';
import { CampaignsService } from './campaigns.service';
import type { DrawSpotCheckDto, RecordSpotCheckResultDto, SpotCheckView } from './spot-checks.dto';

/**
 * 抽查 (004: the townships' self-checks never replace the department's own): the county draws a
 * reproducible random sample of a township's 初验 or 回头看 results, once per township and stage,
 * and re-checks each; a re-check that disagrees counts against the township (its figures in the
 * ranking and the committee accountability).
 */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly spotChecks: SpotCheckRepository,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
  ) {}

  /** A township committee sees its own township's spot-checks; the county and its auditors see all. */
  async list(actor: Actor, campaignId: string): Promise<SpotCheckView[]> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const township = actor.scope.level === 'township' ? actor.scope.township : undefined;
    return this.viewsOf(await this.spotChecks.list(campaign.id, township));
  }

  /**
   * The spot-checks whose sample holds this case, each with only this case's item: for the case page.
   * The caller has checked that the actor may see the case (its township's spot-checks are then theirs too).
   */
  async ofCase(caseId: string): Promise<SpotCheckView[]> {
    const views = await this.viewsOf(await this.spotChecks.sampling(caseId));
    return views.map((view) => ({ ...view, items: view.items.filter((item) => item.caseId === caseId) }));
  }

  /** Drawn spot-checks as people read them, with their re-checks; each township's cases read once, however many of its results were sampled. */
  private async viewsOf(drawn: readonly SpotCheckEntity[]): Promise<SpotCheckView[]> {
    const results = await this.spotChecks.results(drawn.map((spotCheck) => spotCheck.id));
    const casesOf = new Map<string, Promise<TownshipCaseResults[]>>();
    const townshipCases = (spotCheck: SpotCheckEntity) => {
      const key = `${spotCheck.campaignId}\u0000${spotCheck.township}`;
      if (!casesOf.has(key)) casesOf.set(key, this.spotChecks.casesOfTownship(spotCheck.campaignId, spotCheck.township));
      return casesOf.get(key)!;
    };
    return Promise.all(
      drawn.map(async (spotCheck) => viewOf(spotCheck, await townshipCases(spotCheck), results.filter((result) => result.spotCheckId === spotCheck.id))),
    );
  }

  draw(actor: Actor, campaignId: string, dto: DrawSpotCheckDto): Promise<SpotCheckView> {
    return this.audit.command(actor, null, 'drawSpotCheck', { campaignId, ...dto }, async () => {
      const campaign = await this.campaigns.get(actor, campaignId);
      const cases = await this.spotChecks.casesOfTownship(campaign.id, dto.township);
      if (cases.length === 0) throw CampaignRequestException.unknownTownship(dto.township, undefined);
      const population = cases.filter((entry) => townshipResultOf(entry.results, dto.stage)).map((entry) => entry.caseId);
      if (population.length === 0) throw CampaignRequestException.nothingToSample(dto.township, SPOT_CHECK_STAGE_LABELS[dto.stage]);
      const share = spotCheckShareOf(campaign.policy);
      const seed = randomBytes(16).toString('hex');
      const drawn = await this.spotChecks.draw({
        campaignId: campaign.id,
        township: dto.township,
        stage: dto.stage,
        share,
        seed,
        population,
        sample: drawSample(population, share, seed),
        drawnById: actor.userId,
        drawnByName: actor.name,
        drawnAt: new Date(),
      });
      if (!drawn) throw CampaignRequestException.spotCheckExists(dto.township, SPOT_CHECK_STAGE_LABELS[dto.stage]);
      return viewOf(drawn, cases, []);
    });
  }

  recordResult(actor: Actor, campaignId: string, spotCheckId: number, dto: RecordSpotCheckResultDto): Promise<SpotCheckView> {
    return this.audit.command(actor, dto.caseId, 'recordSpotCheckResult', { campaignId, spotCheckId, ...dto }, async () => {
      const campaign = await this.campaigns.get(actor, campaignId);
      const spotCheck = await this.spotChecks.find(campaign.id, spotCheckId);
      if (!spotCheck) throw CampaignRequestException.spotCheckNotFound(campaignId, spotCheckId);
      if (!spotCheck.sample.includes(dto.caseId)) throw CampaignRequestException.notInSample(dto.caseId);
      const cases = await this.spotChecks.casesOfTownship(campaign.id, spotCheck.township);
      const township = cases.find((entry) => entry.caseId === dto.caseId);
      const townshipResult = township && townshipResultOf(township.results, spotCheck.stage as SpotCheckStage);
      if (!townshipResult) throw CampaignRequestException.notInSample(dto.caseId);
      const recorded = await this.spotChecks.recordResult({
        spotCheckId,
        caseId: dto.caseId,
        townshipPassed: townshipResult.passed,
        countyPassed: dto.passed,
        finding: dto.finding.trim(),
        checkedById: actor.userId,
        checkedByName: actor.name,
        checkedAt: new Date(),
      });
      if (!recorded) throw CampaignRequestException.alreadyRechecked(dto.caseId);
      return viewOf(spotCheck, cases, await this.spotChecks.results([spotCheckId]));
    });
  }
}

/** A spot-check as people read it: each sampled case with the township's result and the county's re-check. */
function viewOf(spotCheck: SpotCheckEntity, townshipCases: readonly TownshipCaseResults[], results: readonly SpotCheckResultEntity[]): SpotCheckView {
  const stage = spotCheck.stage as SpotCheckStage;
  const cases = new Map(townshipCases.map((entry) => [entry.caseId, entry]));
  const items = spotCheck.sample.map((caseId) => {
    const entry = cases.get(caseId);
    const result = entry && townshipResultOf(entry.results, stage);
    const recheck = results.find((candidate) => candidate.caseId === caseId);
    return {
      caseId,
      orgName: entry?.orgName ?? caseId,
      // The result the county re-checked, as it stood then; before a re-check, the township's latest.
      townshipPassed: recheck?.townshipPassed ?? result?.passed ?? false,
      townshipAt: result?.at ?? '',
      townshipOpinion: result?.opinion ?? '',
      ...(recheck
        ? {
            recheck: {
              passed: recheck.countyPassed,
              agrees: recheck.countyPassed === recheck.townshipPassed,
              finding: recheck.finding,
              checkedBy: recheck.checkedByName,
              checkedAt: new Date(recheck.checkedAt).toISOString(),
            },
          }
        : {}),
    };
  });
  const sample = drawSample(spotCheck.population, spotCheck.share, spotCheck.seed);
  return {
    id: spotCheck.id,
    township: spotCheck.township,
    stage,
    stageLabel: SPOT_CHECK_STAGE_LABELS[stage],
    share: spotCheck.share,
    seed: spotCheck.seed,
    population: spotCheck.population,
    reproducible: sample.length === spotCheck.sample.length && sample.every((caseId, index) => caseId === spotCheck.sample[index]),
    drawnBy: spotCheck.drawnByName,
    drawnAt: new Date(spotCheck.drawnAt).toISOString(),
    items,
    rechecked: results.length,
    disagreed: results.filter((result) => result.countyPassed !== result.townshipPassed).length,
  };
}
