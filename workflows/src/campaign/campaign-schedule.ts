/** Pure timing of a campaign: when summaries fall due and how many days are left. Workflow-safe. */
import { addPlainPeriod, type Period } from '@zhengdun/domain';

const MS_PER_DAY = 86_400_000;

/** Whole days left until `endsAt`, rounded up; 0 once it has passed. */
export function daysLeft(endsAt: string, nowMs: number): number {
  const left = Date.parse(endsAt) - nowMs;
  return left <= 0 ? 0 : Math.ceil(left / MS_PER_DAY);
}

/** Plain periods add without a calendar; working days need the calendar activity (undefined here). */
export function addPeriodPlain(from: string, period: Period): string | undefined {
  return period.unit === 'workingDays' ? undefined : addPlainPeriod(from, period);
}

/** A summary is sent only for periods that end strictly before the end date: the end has its own notice. */
export function isSummaryBeforeEnd(summaryAt: string, endsAt: string): boolean {
  return Date.parse(summaryAt) < Date.parse(endsAt);
}

/** The instant to wake at: the target, but at least daily so that queries see a fresh clock. */
export function nextWakeMs(targetMs: number, nowMs: number, maxSleepMs = MS_PER_DAY): number {
  return Math.max(1, Math.min(targetMs - nowMs, maxSleepMs));
}

export function summaryKey(campaignId: string, periodNo: number): string {
  return `campaign:${campaignId}:summary:${periodNo}`;
}

export function endNoticeKey(campaignId: string): string {
  return `campaign:${campaignId}:ended`;
}
