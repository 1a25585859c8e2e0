/**
 * A year's statutory holiday arrangement (节假日安排) as the State Council's General Office publishes
 * it each autumn for the next year: the holidays (放假) and the make-up working days (调休上班, often a
 * weekend day). Working-day periods count on it. The holiday package the worker ships knows the years
 * up to its release; a county enters a newer year's arrangement itself instead of waiting for one.
 */
import type { CaseState } from './case-state';
import { chinaDate } from './china-time';
import { dueItems } from './lifecycle/escalation';
import type { PeriodName } from './policy';

export interface HolidayPeriod {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 … as the notice names it. */
  name: string;
  /** First and last day off, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

export interface HolidayArrangement {
  year: number;
  holidays: HolidayPeriod[];
  /** Weekend days that are working days (调休上班), YYYY-MM-DD. */
  makeUpWorkdays: string[];
}

/** Where a year's working days come from: the county's entry, the shipped package, or nowhere (weekdays only). */
export type HolidayCalendarSource = 'entered' | 'package' | 'missing';

export const HOLIDAY_SOURCE_LABELS: Record<HolidayCalendarSource, string> = {
  entered: '已录入',
  package: '系统内置',
  missing: '未录入',
};

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A year's arrangement names a handful of holidays; a bound keeps a typo from writing thousands of days. */
export const MAX_HOLIDAY_PERIODS = 12;
export const MAX_HOLIDAY_DAYS = 12;
export const MAX_MAKE_UP_WORKDAYS = 12;

function isRealDate(date: string): boolean {
  return ISO_DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Every day of a holiday period, YYYY-MM-DD. */
export function daysOf(period: HolidayPeriod): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${period.from}T00:00:00Z`); t <= Date.parse(`${period.to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export interface ArrangementProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** What is wrong with an entered arrangement, in the clerk's words; empty when it can be saved. */
export function holidayArrangementProblems(arrangement: HolidayArrangement): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  const { year } = arrangement;
  const inYear = (date: string) => date.startsWith(`${year}-`);
  if (arrangement.holidays.length === 0) {
    problems.push({ field: 'holidays', messageZh: '至少录入一个节假日（如元旦）', messageEn: 'enter at least one holiday (e.g. New Year’s Day)' });
  }
  const offDays = new Map<string, string>();
  arrangement.holidays.forEach((period, i) => {
    const field = `holidays[${i}]`;
    if (!period.name.trim()) problems.push({ field: `${field}.name`, messageZh: '请填写节日名称', messageEn: 'the holiday needs a name' });
    if (!isRealDate(period.from) || !isRealDate(period.to)) {
      problems.push({ field, messageZh: `「${period.name}」的日期不是有效日期`, messageEn: `${period.name}: not a valid date` });
      return;
    }
    // 元旦 may begin on the last days of the year before (2023's began on 2022-12-31).
    if (!inYear(period.from) && !inYear(period.to)) {
      problems.push({ field, messageZh: `「${period.name}」不在${year}年内`, messageEn: `${period.name} is not in ${year}` });
    }
    if (period.to < period.from) {
      problems.push({ field, messageZh: `「${period.name}」的结束日早于开始日`, messageEn: `${period.name} ends before it starts` });
      return;
    }
    const days = daysOf(period);
    if (days.length > MAX_HOLIDAY_DAYS) {
      problems.push({ field, messageZh: `「${period.name}」超过${MAX_HOLIDAY_DAYS}天，请核对日期`, messageEn: `${period.name} is longer than ${MAX_HOLIDAY_DAYS} days` });
      return;
    }
    for (const day of days) {
      const other = offDays.get(day);
      if (other) problems.push({ field, messageZh: `${day}同时属于「${other}」和「${period.name}」`, messageEn: `${day} is in both ${other} and ${period.name}` });
      offDays.set(day, period.name);
    }
  });
  const seen = new Set<string>();
  arrangement.makeUpWorkdays.forEach((day, i) => {
    const field = `makeUpWorkdays[${i}]`;
    if (!isRealDate(day)) {
      problems.push({ field, messageZh: `调休上班日「${day}」不是有效日期`, messageEn: `make-up working day ${day} is not a valid date` });
      return;
    }
    if (!inYear(day)) problems.push({ field, messageZh: `调休上班日${day}不在${year}年内`, messageEn: `make-up working day ${day} is not in ${year}` });
    if (!isWeekend(day)) problems.push({ field, messageZh: `${day}是工作日，无需录入为调休上班日`, messageEn: `${day} is a weekday already` });
    if (offDays.has(day)) problems.push({ field, messageZh: `${day}已录入为「${offDays.get(day)}」假期`, messageEn: `${day} is a holiday too` });
    if (seen.has(day)) problems.push({ field, messageZh: `调休上班日${day}重复`, messageEn: `make-up working day ${day} is repeated` });
    seen.add(day);
  });
  return problems;
}

/** The years whose working days a county needs now: from this year through the latest campaign end, and next year once autumn comes (the notice is due then). */
export function yearsNeeded(todayChina: string, campaignEndsChina: string[]): number[] {
  const thisYear = Number(todayChina.slice(0, 4));
  let last = thisYear;
  // From October on, periods of 10–20 working days and the next campaign reach into next year.
  if (todayChina.slice(5) >= '10-01') last = thisYear + 1;
  for (const end of campaignEndsChina) last = Math.max(last, Number(end.slice(0, 4)));
  return Array.from({ length: last - thisYear + 1 }, (_, i) => thisYear + i);
}

/** Which period of the policy set each kind of computed deadline (measures' dates are the branch's own). */
const PERIOD_OF_DUE_ITEM: Partial<Record<ReturnType<typeof dueItems>[number]['kind'], PeriodName>> = {
  plan: 'planPeriod',
  report: 'reportCadence',
  rectification: 'rectificationPeriod',
};

export interface UncertainDeadline {
  label: string;
  dueAt: string;
  year: number;
}

/**
 * The case's deadlines counted in working days that fall in a year with no holiday arrangement: they
 * were counted Monday to Friday and may be too early. Shown on the case until the year is entered.
 */
export function deadlinesWithoutHolidays(state: CaseState, missingYears: readonly number[]): UncertainDeadline[] {
  if (missingYears.length === 0) return [];
  const counted: { label: string; dueAt: string; period: PeriodName }[] = dueItems(state).flatMap((item) => {
    const period = PERIOD_OF_DUE_ITEM[item.kind];
    return period ? [{ label: item.label, dueAt: item.dueAt, period }] : [];
  });
  if (state.stage === 'publicizing' && state.publicity && !state.publicity.periodEnded) counted.push({ label: '结果公示期满', dueAt: state.publicity.endsAt, period: 'publicityPeriod' });
  if (state.stage === 'delisted' && state.deadlines.reviewDueAt) counted.push({ label: '回头看', dueAt: state.deadlines.reviewDueAt, period: 'reviewDelay' });
  return counted
    .filter((deadline) => state.policy[deadline.period].unit === 'workingDays')
    .map(({ label, dueAt }) => ({ label, dueAt, year: Number(chinaDate(dueAt).slice(0, 4)) }))
    .filter((deadline) => missingYears.includes(deadline.year));
}
