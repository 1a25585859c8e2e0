/**
 * Working days on the Chinese statutory calendar: public holidays off, make-up working days
 * (调休, often a Saturday) on. The holiday data comes from the maintained `chinese-days` package;
 * the rest of the code sees only this interface.
 */
import { isWorkday } from 'chinese-days';
import { CHINA_OFFSET_MS, chinaDate } from '@zhengdun/domain';

export interface WorkingDayCalendar {
  /** `date` is a calendar day in China, YYYY-MM-DD. */
  isWorkingDay(date: string): boolean;
  /** The end (23:59:59.999 China time) of the n-th working day after the day of `fromIso`. */
  addWorkingDays(fromIso: string, n: number): string;
}

const DAY_MS = 86_400_000;

function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS + DAY_MS - 1).toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

export class ChineseStatutoryCalendar implements WorkingDayCalendar {
  isWorkingDay(date: string): boolean {
    return isWorkday(date);
  }

  addWorkingDays(fromIso: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let day = chinaDate(fromIso);
    if (n === 0) return endOfChinaDay(day);
    for (let counted = 0; counted < n; ) {
      day = nextDay(day);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return endOfChinaDay(day);
  }
}
