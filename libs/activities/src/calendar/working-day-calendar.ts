/**
 * Working days on the Chinese statutory calendar: public holidays off, make-up working days
 * (调休, often a Saturday) on. The holiday data comes from the maintained `chinese-days` package for
 * the years it knows, and from the arrangements the county entered (节假日安排) for the others or to
 * correct it; a year neither knows counts Monday to Friday and says so (`sourceOf`).
 * The rest of the code sees only this interface.
 */
import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { CHINA_OFFSET_MS, chinaDate, daysOf, type HolidayArrangement, type HolidayCalendarSource } from '@zhengdun/domain';

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

/** Whether the shipped package holds a year's arrangement: every year has statutory holidays on weekdays. */
export function packageKnowsYear(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export class ChineseStatutoryCalendar implements WorkingDayCalendar {
  private readonly enteredYears = new Set<number>();
  private readonly enteredOff = new Set<string>();
  private readonly enteredOn = new Set<string>();
  private readonly packageYears = new Map<number, boolean>();

  /** `entered`: the arrangements the county entered; each replaces the package's for its year. */
  constructor(entered: readonly HolidayArrangement[] = []) {
    for (const arrangement of entered) {
      this.enteredYears.add(arrangement.year);
      for (const period of arrangement.holidays) for (const day of daysOf(period)) this.enteredOff.add(day);
      for (const day of arrangement.makeUpWorkdays) this.enteredOn.add(day);
    }
  }

  sourceOf(year: number): HolidayCalendarSource {
    if (this.enteredYears.has(year)) return 'entered';
    let known = this.packageYears.get(year);
    if (known === undefined) this.packageYears.set(year, (known = packageKnowsYear(year)));
    return known ? 'package' : 'missing';
  }

  isWorkingDay(date: string): boolean {
    if (this.enteredOff.has(date)) return false;
    if (this.enteredOn.has(date)) return true;
    return this.sourceOf(Number(date.slice(0, 4))) === 'package' ? isWorkday(date) : isWeekday(date);
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
