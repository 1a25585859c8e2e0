import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STAGE_LABELS, STAGES, isUnderRectification, type Actor } from '@zhengdun/domain';
import { CampaignProgressRepository, PROGRESS_TIME_ZONE } from '@zhengdun/persistence';
import { CampaignsService } from './campaigns.service';
import type { CampaignProgressView } from './campaign-progress.dto';

/** At most this many days are counted (two years): a longer campaign shows its latest days. */
export const MAX_PROGRESS_DAYS = 731;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in Beijing time. */
function beijingDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Cases by stage at the end of each day since the campaign began, and the burn-down of the work left
 * (cases not yet 销号) against the end date, in the caller's scope (the county sees the county, a
 * township its township), all from the timeline table.
 */
@Injectable()
export class CampaignProgressService {
  private readonly progress: CampaignProgressRepository;

  constructor(
    dataSource: DataSource,
    private readonly campaigns: CampaignsService,
  ) {
    this.progress = new CampaignProgressRepository(dataSource);
  }

  async progressOf(actor: Actor, campaignId: string, now = new Date()): Promise<CampaignProgressView> {
    const campaign = await this.campaigns.get(actor, campaignId);
    const startsOn = beijingDate(campaign.createdAt);
    const endsOn = beijingDate(campaign.endsAt);
    const today = beijingDate(now);
    const first = dayNumber(startsOn);
    const last = Math.max(first, dayNumber(endsOn));
    const counted = Math.min(Math.max(first, dayNumber(today)), last);
    const from = Math.max(first, counted - MAX_PROGRESS_DAYS + 1);
    const counts = await this.progress.stagesByDay(campaign.id, actor.scope, dateOf(from), dateOf(counted));
    const byDate = new Map(counts.map((day) => [day.date, day.byStage]));
    const remainingOf = (byStage: Record<string, number>) => STAGES.filter(isUnderRectification).reduce((sum, stage) => sum + (byStage[stage] ?? 0), 0);
    const listed = counts.length > 0 ? Object.values(counts[counts.length - 1].byStage).reduce((sum, n) => sum + n, 0) : 0;
    const span = last - first;
    const days = [];
    for (let day = from; day <= last; day += 1) {
      const byStage = byDate.get(dateOf(day)) ?? null;
      // The ideal line: everything listed so far, converted at an even pace from the first day to the end date.
      const ideal = span === 0 ? 0 : Math.round(((listed * (last - day)) / span) * 10) / 10;
      days.push({ date: dateOf(day), byStage, remaining: byStage ? remainingOf(byStage) : null, ideal });
    }
    return {
      campaignId: campaign.id,
      startsOn,
      endsOn,
      today,
      listed,
      stages: STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage] })),
      days,
      remainingMeans: '尚未销号的整顿对象（已销号、回头看、已归档之前的各阶段）',
      truncated: from > first,
    };
  }
}
