/** The campaign workflow's activities: summaries and the end-date escalation, from the read model. */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { addPlainPeriod, type Period } from '@zhengdun/domain';
import { CampaignProgressRepository, HolidayArrangementRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import { campaignEndedSignal, daysLeft, summaryKey, type CampaignActivities, type CampaignSummary } from '@zhengdun/workflows';
import { enteredHolidayCalendar, type CalendarSource } from './calendar/entered-holiday-calendar';
import { endNotification, summaryNotification } from './campaign-notices';
import { forEachLimit, heartbeatIfActivity } from './concurrency';

export interface CampaignActivityDeps {
  dataSource: DataSource;
  /** Signals the case workflows at the end date. */
  client: Client;
  /** The package plus the arrangements the county entered; read from the database by default. */
  calendar?: CalendarSource;
  /** Signals in flight at once (default 8). */
  signalConcurrency?: number;
}

function isClosedOrMissing(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError || /already completed|not found/i.test(String((error as Error)?.message));
}

export function createCampaignActivities(deps: CampaignActivityDeps): CampaignActivities {
  const progress = new CampaignProgressRepository(deps.dataSource);
  const outbox = new NotificationOutboxRepository(deps.dataSource);
  const currentCalendar = deps.calendar ?? enteredHolidayCalendar(new HolidayArrangementRepository(deps.dataSource));
  const concurrency = deps.signalConcurrency ?? 8;
  return {
    async sendCampaignSummary({ campaign, periodNo }): Promise<CampaignSummary> {
      const figures = await progress.figures(campaign.id);
      const now = Date.now();
      const summary: CampaignSummary = {
        campaignId: campaign.id,
        periodNo,
        at: new Date(now).toISOString(),
        ...figures,
        daysLeft: daysLeft(campaign.endsAt, now),
        notificationKey: summaryKey(campaign.id, periodNo),
      };
      await outbox.enqueue([summaryNotification(campaign, summary)]);
      return summary;
    },

    async escalateUnfinishedCases({ campaign, afterCaseId, limit }) {
      const page = await progress.unfinishedPage(campaign.id, afterCaseId, limit);
      let signalled = 0;
      await forEachLimit(page, concurrency, async (unfinished) => {
        try {
          await deps.client.workflow.getHandle(unfinished.caseId).signal(campaignEndedSignal, { campaignId: campaign.id, endsAt: campaign.endsAt });
          signalled += 1;
        } catch (error) {
          if (!isClosedOrMissing(error)) throw error;
        }
        heartbeatIfActivity(unfinished.caseId);
      });
      return { listed: page.length, signalled, lastCaseId: page.length === limit && page.length > 0 ? page[page.length - 1].caseId : null };
    },

    async sendCampaignEndNotice({ campaign, escalated }) {
      const unfinished = await progress.unfinishedList(campaign.id);
      const notification = endNotification(campaign, unfinished, escalated, new Date().toISOString());
      await outbox.enqueue([notification]);
      return { unfinished: unfinished.length, notificationKey: notification.key };
    },

    async addCampaignPeriod(from: string, period: Period): Promise<string> {
      return period.unit === 'workingDays' ? (await currentCalendar()).addWorkingDays(from, period.amount) : addPlainPeriod(from, period);
    },
  };
}
