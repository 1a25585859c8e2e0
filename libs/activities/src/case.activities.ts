/** The case workflow's activities: every I/O the lifecycle needs, each idempotent under retry. */
import type { DataSource } from 'typeorm';
import { addPlainPeriod, PERIOD_NAMES, type CampaignPolicy, type DueDates } from '@zhengdun/domain';
import { CaseReadModelRepository, HolidayArrangementRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { CalendarActivities, CaseActivities } from '@zhengdun/workflows';
import { calendarSource } from './calendar/entered-holiday-calendar';
import type { WorkingDayCalendar } from './calendar/working-day-calendar';

/** `calendar`: a fixed one for tests; by default the package plus the arrangements the county entered. */
export function createCaseActivities(dataSource: DataSource, fixedCalendar?: WorkingDayCalendar): CaseActivities & CalendarActivities {
  const readModel = new CaseReadModelRepository(dataSource);
  const outbox = new NotificationOutboxRepository(dataSource);
  const currentCalendar = calendarSource(fixedCalendar, new HolidayArrangementRepository(dataSource));
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
