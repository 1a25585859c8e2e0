/**
 * One workflow per campaign (整顿批次), for its whole run: it counts down to the hard end date
 * (10月底前全面完成, 000) on durable timers, sends the county a progress summary every
 * `summaryCadence`, and at the end date signals every case that is still not delisted, which then
 * has to explain why (逐支部说明原因), and sends the county the list. All I/O is in activities.
 */
import { allHandlersFinished, condition, continueAsNew, proxyActivities, proxyLocalActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { summaryCadenceOf, type Period } from '@zhengdun/domain';
import type { CampaignActivities } from './campaign.activities';
import {
  campaignDaysLeftQuery,
  campaignLastSummaryQuery,
  campaignStatusQuery,
  type CampaignProgress,
  type CampaignResult,
  type CampaignWorkflowInput,
} from './campaign.messages';
import { addPeriodPlain, daysLeft, isSummaryBeforeEnd, nextWakeMs } from './campaign-schedule';

// No maximum attempts: while Postgres or Temporal is down the step waits; it is never skipped.
const { sendCampaignSummary, escalateUnfinishedCases, sendCampaignEndNotice } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { addCampaignPeriod } = proxyLocalActivities<CampaignActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
});

/** Unfinished cases signalled per activity at the end date. */
const ESCALATION_PAGE_SIZE = 200;
const MAX_HISTORY_EVENTS = 5_000;

function nowIso(): string {
  return new Date().toISOString();
}

export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignResult> {
  const { campaign, policy } = input;
  const cadence = summaryCadenceOf(policy);
  const endsAtMs = Date.parse(campaign.endsAt);
  const progress: CampaignProgress = input.resume ?? {
    startedAt: nowIso(),
    summariesSent: 0,
    nextSummary: null,
    lastSummary: null,
    escalation: null,
    end: null,
  };

  setHandler(campaignDaysLeftQuery, () => daysLeft(campaign.endsAt, Date.now()));
  setHandler(campaignLastSummaryQuery, () => progress.lastSummary);
  setHandler(campaignStatusQuery, () => ({
    campaign,
    startedAt: progress.startedAt,
    daysLeft: daysLeft(campaign.endsAt, Date.now()),
    asOf: nowIso(),
    summariesSent: progress.summariesSent,
    nextSummaryAt: progress.nextSummary?.at ?? null,
    lastSummary: progress.lastSummary,
    ended: progress.end !== null,
    end: progress.end,
  }));

  const addPeriod = async (from: string, period: Period): Promise<string> => addPeriodPlain(from, period) ?? (await addCampaignPeriod(from, period));

  /** The first period after `from` (numbered `periodNo`) that is still ahead, skipping those missed while nobody ran. */
  async function scheduleFrom(from: string, periodNo: number): Promise<void> {
    if (!(cadence.amount > 0)) {
      progress.nextSummary = null;
      return;
    }
    let at = await addPeriod(from, cadence);
    let no = periodNo;
    while (Date.parse(at) <= Date.now() && isSummaryBeforeEnd(at, campaign.endsAt)) {
      at = await addPeriod(at, cadence);
      no += 1;
    }
    progress.nextSummary = isSummaryBeforeEnd(at, campaign.endsAt) ? { periodNo: no, at } : null;
  }

  if (!input.resume) await scheduleFrom(progress.startedAt, 1);

  const needsNewRun = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS;

  while (progress.end === null) {
    if (needsNewRun()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof campaignWorkflow>({ campaign, policy, resume: progress });
    }
    const next = progress.nextSummary;
    if (progress.escalation === null && next !== null) {
      const dueMs = Date.parse(next.at);
      if (Date.now() < dueMs) {
        await sleep(nextWakeMs(dueMs, Date.now()));
        continue;
      }
      progress.lastSummary = await sendCampaignSummary({ campaign, periodNo: next.periodNo });
      progress.summariesSent += 1;
      await scheduleFrom(next.at, next.periodNo + 1);
      continue;
    }
    if (Date.now() < endsAtMs) {
      await sleep(nextWakeMs(endsAtMs, Date.now()));
      continue;
    }
    // The end date: every case still before 已销号 is asked to explain, page by page, then the county gets the list.
    progress.nextSummary = null;
    progress.escalation ??= { afterCaseId: null, escalated: 0 };
    const page = await escalateUnfinishedCases({ campaign, afterCaseId: progress.escalation.afterCaseId, limit: ESCALATION_PAGE_SIZE });
    progress.escalation.escalated += page.signalled;
    if (page.lastCaseId !== null) {
      progress.escalation.afterCaseId = page.lastCaseId;
      continue;
    }
    const notice = await sendCampaignEndNotice({ campaign, escalated: progress.escalation.escalated });
    progress.end = { endedAt: nowIso(), unfinished: notice.unfinished, escalated: progress.escalation.escalated, notificationKey: notice.notificationKey };
  }
  await condition(allHandlersFinished);
  return { campaignId: campaign.id, summariesSent: progress.summariesSent, ...progress.end };
}
