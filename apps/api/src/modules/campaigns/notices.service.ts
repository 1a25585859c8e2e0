import { Injectable } from '@nestjs/common';
import { noticeDocument } from '@zhengdun/campaigns';
import {
  committeeThresholdsOf,
  COMMITTEE_GRADE_LABELS,
  CONVERTED_STAGES,
  gradesReached,
  proposedGrade,
  rankTownships,
  type Actor,
  type CommitteeDecision,
  type CommitteeGrade,
  type NoticeContent,
  type TownshipRank,
} from '@zhengdun/domain';
import { CampaignNoticeRepository, type CampaignEntity, type CampaignNoticeEntity } from '@zhengdun/persistence';
import { AuditService } from '../../core/audit/audit.service';
import { CampaignRequestException } from './campaign-request.exception';
import { CampaignsService } from './campaigns.service';
import type { CommitteeAccountabilityView, DecideCommitteeDto, IssueNoticeDto, NoticeView } from './notices.dto';

/** How many lagging organizations a notice names. */
const LAGGING_NAMED = 50;

function toNoticeView(notice: CampaignNoticeEntity): NoticeView {
  return { number: notice.number, title: notice.title, issuedAt: new Date(notice.issuedAt).toISOString(), issuedBy: notice.issuedByName, content: notice.content };
}

/** 督查通报: the township ranking and the circulated notices of a campaign (issued by the county, read by its townships). */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: CampaignNoticeRepository,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
  ) {}

  async ranking(actor: Actor, campaignId: string): Promise<TownshipRank[]> {
    const campaign = await this.campaigns.get(actor, campaignId);
    return rankTownships(await this.notices.townshipFigures(campaign.id, CONVERTED_STAGES));
  }

  issue(actor: Actor, campaignId: string, dto: IssueNoticeDto): Promise<NoticeView> {
    return this.audit.command(actor, null, 'issueNotice', { campaignId, ...dto }, async () => {
      const campaign = await this.campaigns.get(actor, campaignId);
      const content = await this.contentOf(campaign, dto);
      const notice = await this.notices.issue(campaign.id, {
        title: (number) => `${campaign.name}督查通报（第${number}期）`,
        issuedAt: new Date(),
        issuedBy: { userId: actor.userId, name: actor.name },
        content,
      });
      return toNoticeView(notice);
    });
  }

  /** Per township: the grades its figures reach, the one proposed now, and the county's decisions. */
  async committeeAccountability(actor: Actor, campaignId: string): Promise<CommitteeAccountabilityView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const thresholds = committeeThresholdsOf(campaign.policy);
    const ranking = rankTownships(await this.notices.townshipFigures(campaign.id, CONVERTED_STAGES));
    const decisions = await this.notices.committeeDecisions(campaign.id);
    return {
      thresholds,
      townships: ranking.map((figures) => {
        const mine = decisions.filter((decision) => decision.township === figures.township);
        const reached = gradesReached(figures, thresholds);
        const proposed = proposedGrade(reached, mine.map((decision) => decision.grade as CommitteeGrade));
        return {
          figures,
          reached,
          ...(proposed ? { proposed } : {}),
          decisions: mine.map((decision) => ({
            township: decision.township,
            grade: decision.grade as CommitteeGrade,
            decision: decision.decision as CommitteeDecision,
            reason: decision.reason,
            decidedBy: { userId: decision.decidedById, name: decision.decidedByName, role: 'county_department' as const },
            decidedAt: new Date(decision.decidedAt).toISOString(),
          })),
        };
      }),
    };
  }

  /** The county decides the grade proposed for a township — only that one, and once. */
  decideCommittee(actor: Actor, campaignId: string, dto: DecideCommitteeDto): Promise<CommitteeAccountabilityView> {
    return this.audit.command(actor, null, 'decideCommitteeAccountability', { campaignId, ...dto }, async () => {
      const current = await this.committeeAccountability(actor, campaignId);
      const row = current.townships.find((candidate) => candidate.figures.township === dto.township);
      if (!row) throw CampaignRequestException.unknownTownship(dto.township, 0);
      if (row.proposed !== dto.grade) {
        throw CampaignRequestException.gradeNotProposed(dto.township, COMMITTEE_GRADE_LABELS[dto.grade], row.proposed && COMMITTEE_GRADE_LABELS[row.proposed]);
      }
      const recorded = await this.notices.decideCommittee({
        campaignId,
        township: dto.township,
        grade: dto.grade,
        decision: dto.decision,
        reason: dto.reason.trim(),
        decidedById: actor.userId,
        decidedByName: actor.name,
        decidedAt: new Date(),
      });
      if (!recorded) throw CampaignRequestException.gradeNotProposed(dto.township, COMMITTEE_GRADE_LABELS[dto.grade], undefined);
      return this.committeeAccountability(actor, campaignId);
    });
  }

  async list(actor: Actor, campaignId: string): Promise<NoticeView[]> {
    const campaign = await this.campaigns.get(actor, campaignId);
    return (await this.notices.list(campaign.id)).map(toNoticeView);
  }

  /** The notice as a Word document; its title and number as stored, never recomputed. */
  async document(actor: Actor, campaignId: string, number: number): Promise<{ fileName: string; content: Buffer }> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const notice = await this.notices.find(campaign.id, number);
    if (!notice) throw CampaignRequestException.noticeNotFound(campaignId, number);
    const content = await noticeDocument({ number: notice.number, title: notice.title, issuedAt: new Date(notice.issuedAt), issuedByName: notice.issuedByName, content: notice.content });
    return { fileName: `${notice.title}.docx`, content };
  }

  private async contentOf(campaign: CampaignEntity, dto: IssueNoticeDto): Promise<NoticeContent> {
    const ranking = rankTownships(await this.notices.townshipFigures(campaign.id, CONVERTED_STAGES));
    const townships = new Set(ranking.map((row) => row.township));
    const criticisms = (dto.criticisms ?? []).map((criticism, index) => {
      if (!townships.has(criticism.township)) throw CampaignRequestException.unknownTownship(criticism.township, index);
      return { township: criticism.township, text: criticism.text.trim(), deadline: criticism.deadline };
    });
    return {
      campaignName: campaign.name,
      county: campaign.county,
      ranking,
      lagging: await this.notices.lagging(campaign.id, LAGGING_NAMED),
      criticisms,
      ...(dto.remarks?.trim() ? { remarks: dto.remarks.trim() } : {}),
    };
  }
}
