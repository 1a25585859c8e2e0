import { DEFAULT_POLICY, DEFAULT_SUMMARY_CADENCE, isValidPolicy, summaryCadenceOf } from '@zhengdun/domain';

describe('the campaign’s summary cadence (进展汇总周期)', () => {
  it('defaults to monthly for policies stored before it existed', () => {
    expect(DEFAULT_POLICY.summaryCadence).toBeUndefined();
    expect(summaryCadenceOf(DEFAULT_POLICY)).toEqual(DEFAULT_SUMMARY_CADENCE);
    expect(DEFAULT_SUMMARY_CADENCE).toEqual({ amount: 30, unit: 'days' });
    expect(summaryCadenceOf({ summaryCadence: { amount: 5, unit: 'workingDays' } })).toEqual({ amount: 5, unit: 'workingDays' });
  });

  it('is optional in a valid policy, and must be a positive period when given', () => {
    expect(isValidPolicy({ ...DEFAULT_POLICY, summaryCadence: { amount: 7, unit: 'days' } })).toBe(true);
    expect(isValidPolicy({ ...DEFAULT_POLICY, summaryCadence: { amount: 10, unit: 'workingDays' } })).toBe(true);
    expect(isValidPolicy({ ...DEFAULT_POLICY, summaryCadence: { amount: 0, unit: 'days' } })).toBe(false);
    expect(isValidPolicy({ ...DEFAULT_POLICY, summaryCadence: { amount: 1, unit: 'months' } })).toBe(false);
  });
});
