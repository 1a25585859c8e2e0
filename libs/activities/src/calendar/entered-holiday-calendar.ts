/**
 * The worker's calendar: the shipped package plus the arrangements the county entered, re-read from
 * Postgres at most every `refreshMs` so an entry made in the browser counts within that time on
 * every worker. Due dates are computed in activities, so a replay never sees the change.
 */
import type { HolidayArrangementRepository } from '@zhengdun/persistence';
import { ChineseStatutoryCalendar, type WorkingDayCalendar } from './working-day-calendar';

export type CalendarSource = () => Promise<WorkingDayCalendar>;

export function enteredHolidayCalendar(arrangements: HolidayArrangementRepository, refreshMs = 30_000): CalendarSource {
  let cached: { calendar: WorkingDayCalendar; at: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < refreshMs) return cached.calendar;
    try {
      const calendar = new ChineseStatutoryCalendar(await arrangements.all());
      cached = { calendar, at: Date.now() };
      return calendar;
    } catch {
      // Postgres unreachable: an action's deadlines must not wait for it (the case writes later). The
      // entries last read, or the package alone until they can be read.
      return cached?.calendar ?? new ChineseStatutoryCalendar();
    }
  };
}
