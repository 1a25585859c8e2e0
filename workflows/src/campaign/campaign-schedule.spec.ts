import { addPeriodPlain, daysLeft, endNoticeKey, isSummaryBeforeEnd, nextWakeMs, summaryKey } from './campaign-schedule';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');

describe('campaign schedule', () => {
  it('counts whole days left, rounding up, and 0 once the end has passed', () => {
    const endsAt = new Date(T0 + 10 * DAY).toISOString();
    expect(daysLeft(endsAt, T0)).toBe(10);
    expect(daysLeft(endsAt, T0 + 1)).toBe(10);
    expect(daysLeft(endsAt, T0 + 9 * DAY + 1)).toBe(1);
    expect(daysLeft(endsAt, T0 + 10 * DAY)).toBe(0);
    expect(daysLeft(endsAt, T0 + 11 * DAY)).toBe(0);
  });

  it('adds plain periods; working days are left to the calendar activity', () => {
    expect(addPeriodPlain('2026-03-01T00:00:00.000Z', { amount: 30, unit: 'days' })).toBe('2026-03-31T00:00:00.000Z');
    expect(addPeriodPlain('2026-03-01T00:00:00.000Z', { amount: 5, unit: 'seconds' })).toBe('2026-03-01T00:00:05.000Z');
    expect(addPeriodPlain('2026-03-01T00:00:00.000Z', { amount: 5, unit: 'workingDays' })).toBeUndefined();
  });

  it('sends a summary only for periods ending before the end date', () => {
    expect(isSummaryBeforeEnd('2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z')).toBe(true);
    expect(isSummaryBeforeEnd('2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z')).toBe(false);
  });

  it('wakes at least daily, never with a zero timer', () => {
    expect(nextWakeMs(T0 + 5000, T0)).toBe(5000);
    expect(nextWakeMs(T0 + 40 * DAY, T0)).toBe(DAY);
    expect(nextWakeMs(T0 - 10, T0)).toBe(1);
  });

  it('keys each notification by campaign and period', () => {
    expect(summaryKey('c1', 3)).toBe('campaign:c1:summary:3');
    expect(endNoticeKey('c1')).toBe('campaign:c1:ended');
  });
});
