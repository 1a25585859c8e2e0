import type { CaseState } from './case-state';
import { openTestCase, TEST_POLICY } from './testing/fixtures';
import { deadlinesWithoutHolidays, holidayArrangementProblems, yearsNeeded, type HolidayArrangement } from './holiday-arrangement';

const valid: HolidayArrangement = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  makeUpWorkdays: ['2027-02-20'],
};

describe('holidayArrangementProblems', () => {
  it('accepts an arrangement as the notice gives it', () => {
    expect(holidayArrangementProblems(valid)).toEqual([]);
  });

  it('accepts a New Year holiday that begins the year before', () => {
    expect(holidayArrangementProblems({ year: 2023, holidays: [{ name: '元旦', from: '2022-12-31', to: '2023-01-02' }], makeUpWorkdays: [] })).toEqual([]);
  });

  it('names each mistake a clerk can make', () => {
    const problems = holidayArrangementProblems({
      year: 2027,
      holidays: [
        { name: '国庆节', from: '2027-10-07', to: '2027-10-01' },
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '重复', from: '2027-01-03', to: '2027-01-03' },
        { name: '错年', from: '2028-05-01', to: '2028-05-03' },
      ],
      makeUpWorkdays: ['2027-01-04', '2027-01-02', '2027-02-30'],
    });
    const text = problems.map((p) => p.messageZh).join('\n');
    expect(text).toContain('「国庆节」的结束日早于开始日');
    expect(text).toContain('2027-01-03同时属于「元旦」和「重复」');
    expect(text).toContain('「错年」不在2027年内');
    expect(text).toContain('2027-01-04是工作日，无需录入为调休上班日');
    expect(text).toContain('2027-01-02已录入为「元旦」假期');
    expect(text).toContain('调休上班日「2027-02-30」不是有效日期');
    expect(problems.every((p) => p.messageEn.length > 0)).toBe(true);
  });

  it('asks for at least one holiday', () => {
    expect(holidayArrangementProblems({ year: 2027, holidays: [], makeUpWorkdays: [] }).map((p) => p.field)).toEqual(['holidays']);
  });
});

describe('yearsNeeded', () => {
  it('is this year alone in spring, and next year too from October', () => {
    expect(yearsNeeded('2026-04-01', [])).toEqual([2026]);
    expect(yearsNeeded('2026-11-30', [])).toEqual([2026, 2027]);
  });

  it('reaches the latest campaign end', () => {
    expect(yearsNeeded('2026-04-01', ['2026-12-31', '2028-06-30'])).toEqual([2026, 2027, 2028]);
  });
});

describe('deadlinesWithoutHolidays', () => {
  const withPlanDue = (unit: 'workingDays' | 'days'): CaseState => {
    const state = openTestCase({ policy: { ...TEST_POLICY, planPeriod: { amount: 30, unit } } });
    return { ...state, deadlines: { ...state.deadlines, planDueAt: '2027-01-14T15:59:59.999Z' } };
  };

  it('names a working-day deadline in a year with no arrangement, and only that', () => {
    const state = withPlanDue('workingDays');
    expect(deadlinesWithoutHolidays(state, [2027])).toEqual([{ label: '提交整顿方案', dueAt: '2027-01-14T15:59:59.999Z', year: 2027 }]);
    expect(deadlinesWithoutHolidays(state, [2028])).toEqual([]);
    expect(deadlinesWithoutHolidays(state, [])).toEqual([]);
  });

  it('leaves out a deadline counted in calendar days', () => {
    expect(deadlinesWithoutHolidays(withPlanDue('days'), [2027])).toEqual([]);
  });
});
