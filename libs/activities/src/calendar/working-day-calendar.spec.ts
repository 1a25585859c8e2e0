import { chinaDate } from '@zhengdun/domain';
import { ChineseStatutoryCalendar } from './working-day-calendar';

const calendar = new ChineseStatutoryCalendar();

describe('ChineseStatutoryCalendar', () => {
  it('knows the National Day holiday and its make-up Saturday (2026)', () => {
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-07']) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
  });

  it('counts five working days of publicity across National Day', () => {
    // Starting Wed 30 Sep 2026 (China time): 1-7 Oct are off; 8, 9 (Thu, Fri), 10 (make-up Sat), 12, 13.
    const end = calendar.addWorkingDays('2026-09-30T02:00:00.000Z', 5);
    expect(chinaDate(end)).toBe('2026-10-13');
    expect(end).toBe('2026-10-13T15:59:59.999Z');
  });

  it('counts the make-up Saturday as a working day', () => {
    // Fri 9 Oct → next working day is the make-up Saturday 10 Oct, not Monday 12 Oct.
    expect(chinaDate(calendar.addWorkingDays('2026-10-09T04:00:00.000Z', 1))).toBe('2026-10-10');
  });

  it('uses the day in China, not in UTC', () => {
    // 2026-09-30T20:00Z is already 1 Oct in China.
    expect(chinaDate('2026-09-30T20:00:00.000Z')).toBe('2026-10-01');
    expect(chinaDate(calendar.addWorkingDays('2026-09-30T20:00:00.000Z', 1))).toBe('2026-10-08');
  });

  it('skips an ordinary weekend', () => {
    expect(chinaDate(calendar.addWorkingDays('2026-11-20T02:00:00.000Z', 1))).toBe('2026-11-23');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-11-20T02:00:00.000Z', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-20T02:00:00.000Z', 1.5)).toThrow(RangeError);
  });
});
