import {
  addPlainPeriod,
  campaignPolicyProblems,
  DEFAULT_POLICY,
  isValidPeriod,
  isValidPolicy,
  PERIOD_NAMES,
  plainDueDates,
  subtractPlainPeriod,
  usesWorkingDays,
  type CampaignPolicy,
} from '@zhengdun/domain';
import { at, TEST_POLICY } from './testing/fixtures';

describe('periods', () => {
  it('adds and subtracts seconds and calendar days exactly', () => {
    expect(addPlainPeriod(at(0), { amount: 90, unit: 'seconds' })).toBe(at(90));
    expect(addPlainPeriod('2025-10-30T00:00:00.000Z', { amount: 2, unit: 'days' })).toBe('2025-11-01T00:00:00.000Z');
    expect(subtractPlainPeriod(at(100), { amount: 10, unit: 'seconds' })).toBe(at(90));
    expect(subtractPlainPeriod('2025-03-01T00:00:00.000Z', { amount: 1, unit: 'days' })).toBe('2025-02-28T00:00:00.000Z');
  });

  it('refuses working days, which need the holiday calendar', () => {
    expect(() => addPlainPeriod(at(0), { amount: 5, unit: 'workingDays' })).toThrow('holiday calendar');
    expect(() => subtractPlainPeriod(at(0), { amount: 5, unit: 'workingDays' })).toThrow('holiday calendar');
  });

  it('plainDueDates counts every period from now; working days count as calendar days', () => {
    const now = '2025-03-03T08:00:00.000Z';
    const due = plainDueDates(now, DEFAULT_POLICY);
    expect(Object.keys(due).sort()).toEqual([...PERIOD_NAMES].sort());
    expect(due.planPeriod).toBe('2025-03-18T08:00:00.000Z'); // 15 working days as 15 days
    expect(due.publicityPeriod).toBe('2025-03-08T08:00:00.000Z');
    expect(due.reminderLead).toBe('2025-03-06T08:00:00.000Z');
    expect(due.reviewDelay).toBe(new Date(Date.parse(now) + 182 * 86_400_000).toISOString());
    expect(plainDueDates(at(5), TEST_POLICY)).toEqual({
      planPeriod: at(105),
      publicityPeriod: at(55),
      rectificationPeriod: at(205),
      reportCadence: at(305),
      reminderLead: at(15),
      escalationInterval: at(25),
      reviewDelay: at(1005),
    });
  });
});

describe('policy validation', () => {
  it('the default and the test policies are valid; only the default uses working days', () => {
    expect(isValidPolicy(DEFAULT_POLICY)).toBe(true);
    expect(isValidPolicy(TEST_POLICY)).toBe(true);
    expect(usesWorkingDays(DEFAULT_POLICY)).toBe(true);
    expect(usesWorkingDays(TEST_POLICY)).toBe(false);
  });

  it('the default asks 80 % satisfaction for acceptance', () => {
    expect(DEFAULT_POLICY.satisfactionThreshold).toBe(0.8);
  });

  const invalid: [string, unknown][] = [
    ['reminder lead in working days (timed inside the workflow)', { ...TEST_POLICY, reminderLead: { amount: 3, unit: 'workingDays' } }],
    ['escalation interval in working days', { ...TEST_POLICY, escalationInterval: { amount: 7, unit: 'workingDays' } }],
    ['a negative period', { ...TEST_POLICY, planPeriod: { amount: -1, unit: 'days' } }],
    ['an unknown unit', { ...TEST_POLICY, planPeriod: { amount: 1, unit: 'weeks' } }],
    ['a period that is not a number', { ...TEST_POLICY, planPeriod: { amount: '15', unit: 'days' } }],
    ['a missing period', (({ reviewDelay: _omit, ...rest }) => rest)(TEST_POLICY)],
    ['a threshold above 1', { ...TEST_POLICY, satisfactionThreshold: 1.2 }],
    ['a negative threshold', { ...TEST_POLICY, satisfactionThreshold: -0.1 }],
    ['a threshold as text', { ...TEST_POLICY, satisfactionThreshold: '0.8' }],
    ['null', null],
  ];
  it.each(invalid)('refuses %s', (_label, policy) => {
    expect(isValidPolicy(policy)).toBe(false);
  });

  it('accepts a zero period and the 0 and 1 thresholds', () => {
    const edge: CampaignPolicy = { ...TEST_POLICY, reminderLead: { amount: 0, unit: 'seconds' }, satisfactionThreshold: 1 };
    expect(isValidPolicy(edge)).toBe(true);
    expect(isValidPolicy({ ...edge, satisfactionThreshold: 0 })).toBe(true);
    expect(isValidPeriod({ amount: Number.POSITIVE_INFINITY, unit: 'days' })).toBe(false);
  });
});

describe('campaignPolicyProblems: what a real campaign may set', () => {
  it('accepts the default policy, with or without seconds allowed', () => {
    expect(campaignPolicyProblems(DEFAULT_POLICY, { allowSeconds: false })).toEqual([]);
    expect(campaignPolicyProblems(DEFAULT_POLICY, { allowSeconds: true })).toEqual([]);
  });

  it('refuses periods in seconds unless they are allowed (tests), naming every such field', () => {
    const problems = campaignPolicyProblems(TEST_POLICY, { allowSeconds: false });
    const seconds = PERIOD_NAMES.filter((name) => TEST_POLICY[name].unit === 'seconds');
    expect(seconds.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.field)).toEqual(seconds.map((name) => `policy.${name}`));
    expect(problems[0].messageZh).toMatch(/不能按秒计/);
    expect(campaignPolicyProblems(TEST_POLICY, { allowSeconds: true })).toEqual([]);
  });

  it('refuses zero and fractional days where they would make reminders storm; a reminder on the due day is fine', () => {
    const storm: CampaignPolicy = { ...DEFAULT_POLICY, escalationInterval: { amount: 0, unit: 'days' }, reportCadence: { amount: 0.5, unit: 'days' }, reminderLead: { amount: 0, unit: 'days' } };
    expect(campaignPolicyProblems(storm, { allowSeconds: false }).map((problem) => problem.field)).toEqual(['policy.reportCadence', 'policy.escalationInterval']);
    expect(campaignPolicyProblems({ ...DEFAULT_POLICY, summaryCadence: { amount: 0, unit: 'seconds' } }, { allowSeconds: true })[0]).toMatchObject({ field: 'policy.summaryCadence' });
  });
});
