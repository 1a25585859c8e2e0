/** The case workflow's activities: every I/O the lifecycle needs, each idempotent under retry. */
import type { DataSource } from 'typeorm';
import { addPlainPeriod, PERIOD_NAMES, type CampaignPolicy, type DueDates } from '@zhengdun/domain';
import { CaseReadModelRepository, HolidayArrangementRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { CalendarActivities, CaseActivities } from '@zhengdun/workflows';
import { enteredHolidayCalendar, type CalendarSource } from './calendar/entered-holiday-calendar';

/** `currentCalendar`: the package plus the arrangements the county entered (the worker shares one with the campaign activities). */
export function createCaseActivities(
  dataSource: DataSource,
  currentCalendar: CalendarSource = enteredHolidayCalendar(new HolidayArrangementRepository(dataSource)),
): CaseActivities & CalendarActivities {
  const readModel = new CaseReadModelRepository(dataSource);
  const outbox = new NotificationOutboxRepository(dataSource);
  return {
    projectCase: (projection) => readModel.writeProjection(projection),
    enqueueNotifications: (notifications) => outbox.enqueue(notifications),
    persistCaseChanges: ({ projection, notifications }) => readModel.writeProjection(projection, notifications),
    async dueDatesFrom(now: string, policy: CampaignPolicy): Promise<DueDates> {
      const due = {} as DueDates;
      const calendar = await currentCalendar();
      for (const name of PERIOD_NAMES) {
        const period = policy[name];
        due[name] = period.unit === 'workingDays' ? calendar.addWorkingDays(now, period.amount) : addPlainPeriod(now, period);
      }
      return due;
    },
  };
}
