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

describe('a year the package does not know', () => {
  // A made-up arrangement for 2027, as a county would enter it from the State Council's notice.
  const arrangement = {
    year: 2027,
    holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
    makeUpWorkdays: ['2027-01-09'],
  };

  it('counts Monday to Friday and says the year is missing', () => {
    const bare = new ChineseStatutoryCalendar();
    expect(bare.sourceOf(2026)).toBe('package');
    expect(bare.sourceOf(2027)).toBe('missing');
    // Thu 24 Dec 2026 + 10 working days: New Year's Day (Fri) is counted, so the 10th is Thu 7 Jan.
    expect(chinaDate(bare.addWorkingDays('2026-12-24T02:00:00.000Z', 10))).toBe('2027-01-07');
  });

  it('counts on the arrangement the county entered', () => {
    const entered = new ChineseStatutoryCalendar([arrangement]);
    expect(entered.sourceOf(2027)).toBe('entered');
    expect(entered.isWorkingDay('2027-01-01')).toBe(false);
    expect(entered.isWorkingDay('2027-01-09')).toBe(true); // Saturday, 调休上班
    // New Year's Day is off now: the 10th working day after 24 Dec is Fri 8 Jan.
    expect(chinaDate(entered.addWorkingDays('2026-12-24T02:00:00.000Z', 10))).toBe('2027-01-08');
    // Years the package knows are unchanged.
    expect(entered.isWorkingDay('2026-10-01')).toBe(false);
  });
});
