/**
 * A campaign's policy: every period the lifecycle waits on. Production policies count working
 * days and calendar days; tests use seconds so that a whole lifecycle runs in seconds.
 */
export type PeriodUnit = 'seconds' | 'days' | 'workingDays';
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

export interface CampaignPolicy {
  /** From assignment of the team to the plan's approval. */
  planPeriod: Period;
  /** Results publicity (公示), normally in working days. */
  publicityPeriod: Period;
  /** 限期整改: the new deadline after a failed acceptance or an upheld objection. */
  rectificationPeriod: Period;
  /** Regular progress reports to the assigned county leader (定期汇报). */
  reportCadence: Period;
  /** How long before a due date the responsible people are reminded (seconds or days). */
  reminderLead: Period;
  /** Between the steps of escalation: explanation → first talk → second talk (seconds or days). */
  escalationInterval: Period;
  /** From delisting (销号) to the follow-up review (回头看). */
  reviewDelay: Period;
  /**
   * Share satisfied (满意 + 基本满意) that county acceptance requires: of the 测评's respondents on cases
   * since the assessment patch, of public ratings and the survey before it. Our default 0.8, a setting.
   */
  satisfactionThreshold: number;
  /**
   * Share of the 测评's respondents who know what was rectified (知晓率) that county acceptance requires.
   * Optional so that stored policies stay valid; `assessmentRulesOf` supplies our default.
   */
  awarenessThreshold?: number;
  /** Most respondents one 测评 may report: beyond it the count is a slip. Optional, with our default. */
  assessmentMaxRespondents?: number;
  /**
   * How often the campaign sends the county its progress summary (进展汇总). Optional so that
   * policies stored before it existed stay valid; `summaryCadenceOf` supplies the default (monthly).
   * Used by the campaign, not by a case.
   */
  summaryCadence?: Period;
  /**
   * When the system proposes graded accountability of a township committee (001): each grade's
   * threshold on the share of its organizations overdue and on the talks held about its branches.
   * Optional; `committeeThresholdsOf` supplies the defaults.
   */
  committeeThresholds?: CommitteeThresholds;
  /**
   * How long the township committee has to verify a measure the branch reports done (核验时限), in
   * days or seconds (timed inside the workflow). Optional so that stored policies stay valid;
   * `verificationPeriodOf` supplies the default.
   */
  verificationPeriod?: Period;
  /**
   * How long the township committee has, once 回头看 falls due, to report its result to the county
   * (004: 回头看结果按时报县委组织部), in days or seconds. Optional; `reviewPeriodOf` supplies the default.
   */
  reviewPeriod?: Period;
  /** Share of a township's 初验 or 回头看 results the county re-checks (抽查), above 0 and at most 1; `spotCheckShareOf` supplies the default. */
  spotCheckShare?: number;
}

/** Thresholds of the three grades, in order: 严肃批评, 约谈并通报, 追责. A grade is reached by either figure. */
export interface CommitteeThresholds {
  overdueShare: [number, number, number];
  talks: [number, number, number];
}

/**
 * Our defaults, not the seeds' (they name the grades, not the numbers): a fifth of a township's weak
 * organizations overdue, or two talks about its branches, first earns serious criticism; a third or
 * four talks, a talk with the committee and a circulated notice; half or six talks, accountability.
 */
export const DEFAULT_COMMITTEE_THRESHOLDS: CommitteeThresholds = { overdueShare: [0.2, 0.35, 0.5], talks: [2, 4, 6] };

export function committeeThresholdsOf(policy: Pick<CampaignPolicy, 'committeeThresholds'>): CommitteeThresholds {
  return policy.committeeThresholds ?? DEFAULT_COMMITTEE_THRESHOLDS;
}

/** 每月汇总: the campaign's progress summary goes to the county every 30 days unless the policy says otherwise. */
export const DEFAULT_SUMMARY_CADENCE: Period = { amount: 30, unit: 'days' };

export function summaryCadenceOf(policy: Pick<CampaignPolicy, 'summaryCadence'>): Period {
  return policy.summaryCadence ?? DEFAULT_SUMMARY_CADENCE;
}

/** Our default, not the seeds': a week for the committee to check a measure on the spot or in the ledger. */
export const DEFAULT_VERIFICATION_PERIOD: Period = { amount: 7, unit: 'days' };

export function verificationPeriodOf(policy: Pick<CampaignPolicy, 'verificationPeriod'>): Period {
  return policy.verificationPeriod ?? DEFAULT_VERIFICATION_PERIOD;
}

/** Our default, not the seeds' (004 sets a date per campaign): a month to visit and report the 回头看. */
export const DEFAULT_REVIEW_PERIOD: Period = { amount: 30, unit: 'days' };

export function reviewPeriodOf(policy: Pick<CampaignPolicy, 'reviewPeriod'>): Period {
  return policy.reviewPeriod ?? DEFAULT_REVIEW_PERIOD;
}

/** Our defaults, not the seeds' (they ask 群众是否知晓满意, without a figure): settings of the campaign. */
export const DEFAULT_AWARENESS_THRESHOLD = 0.8;
export const DEFAULT_ASSESSMENT_MAX_RESPONDENTS = 2000;

export function assessmentRulesOf(policy: Pick<CampaignPolicy, 'satisfactionThreshold' | 'awarenessThreshold' | 'assessmentMaxRespondents'>): {
  satisfaction: number;
  awareness: number;
  maxRespondents: number;
} {
  return {
    satisfaction: policy.satisfactionThreshold,
    awareness: policy.awarenessThreshold ?? DEFAULT_AWARENESS_THRESHOLD,
    maxRespondents: policy.assessmentMaxRespondents ?? DEFAULT_ASSESSMENT_MAX_RESPONDENTS,
  };
}

export const DEFAULT_POLICY: CampaignPolicy = {
  planPeriod: { amount: 15, unit: 'workingDays' },
  publicityPeriod: { amount: 5, unit: 'workingDays' },
  rectificationPeriod: { amount: 20, unit: 'workingDays' },
  reportCadence: { amount: 30, unit: 'days' },
  reminderLead: { amount: 3, unit: 'days' },
  escalationInterval: { amount: 7, unit: 'days' },
  reviewDelay: { amount: 182, unit: 'days' },
  satisfactionThreshold: 0.8,
};

export const PERIOD_NAMES = [
  'planPeriod',
  'publicityPeriod',
  'rectificationPeriod',
  'reportCadence',
  'reminderLead',
  'escalationInterval',
  'reviewDelay',
] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;

/** Adds a period that needs no calendar; working days need the holiday calendar (an activity). */
export function addPlainPeriod(fromIso: string, period: Period): string {
  if (period.unit === 'workingDays') {
    throw new Error('working days need the holiday calendar');
  }
  const ms = period.unit === 'seconds' ? period.amount * MS_PER_SECOND : period.amount * MS_PER_DAY;
  return new Date(Date.parse(fromIso) + ms).toISOString();
}

export function subtractPlainPeriod(fromIso: string, period: Period): string {
  return addPlainPeriod(fromIso, { amount: -period.amount, unit: period.unit });
}

/** Optional periods timed inside the workflow (no calendar activity): days or seconds, never working days. */
const WORKFLOW_TIMED = ['verificationPeriod', 'reviewPeriod'] as const;

/** Escalation steps are timed inside the workflow, so their periods cannot be in working days. */
const PLAIN_ONLY: readonly PeriodName[] = ['reminderLead', 'escalationInterval'];

/**
 * Due dates counted from `now` with no holiday calendar. Exact for plain periods; working days are
 * counted as calendar days, which is good enough where only the rules are checked, never the dates.
 */
export function plainDueDates(now: string, policy: CampaignPolicy): DueDates {
  const due = {} as DueDates;
  for (const name of PERIOD_NAMES) {
    const period = policy[name];
    due[name] = addPlainPeriod(now, period.unit === 'workingDays' ? { amount: period.amount, unit: 'days' } : period);
  }
  return due;
}

export function usesWorkingDays(policy: CampaignPolicy): boolean {
  return PERIOD_NAMES.some((name) => policy[name].unit === 'workingDays');
}

export function isValidPeriod(value: unknown): value is Period {
  if (typeof value !== 'object' || value === null) return false;
  const period = value as Period;
  return (
    Number.isFinite(period.amount) &&
    period.amount >= 0 &&
    ['seconds', 'days', 'workingDays'].includes(period.unit)
  );
}

export function isValidPolicy(value: unknown): value is CampaignPolicy {
  if (typeof value !== 'object' || value === null) return false;
  const policy = value as CampaignPolicy;
  return (
    PERIOD_NAMES.every((name) => isValidPeriod(policy[name])) &&
    PLAIN_ONLY.every((name) => policy[name].unit !== 'workingDays') &&
    typeof policy.satisfactionThreshold === 'number' &&
    policy.satisfactionThreshold >= 0 &&
    policy.satisfactionThreshold <= 1 &&
    (policy.awarenessThreshold === undefined || (typeof policy.awarenessThreshold === 'number' && policy.awarenessThreshold >= 0 && policy.awarenessThreshold <= 1)) &&
    (policy.assessmentMaxRespondents === undefined || (Number.isInteger(policy.assessmentMaxRespondents) && policy.assessmentMaxRespondents >= 1 && policy.assessmentMaxRespondents <= 100_000)) &&
    (policy.summaryCadence === undefined || (isValidPeriod(policy.summaryCadence) && policy.summaryCadence.amount > 0)) &&
    (policy.spotCheckShare === undefined || (typeof policy.spotCheckShare === 'number' && policy.spotCheckShare > 0 && policy.spotCheckShare <= 1)) &&
    WORKFLOW_TIMED.every((name) => policy[name] === undefined || (isValidPeriod(policy[name]) && policy[name].unit !== 'workingDays'))
  );
}

/** What county staff call each period of the policy. */
export const PERIOD_LABELS: Record<PeriodName | 'summaryCadence' | (typeof WORKFLOW_TIMED)[number], string> = {
  planPeriod: '整顿方案期限',
  publicityPeriod: '结果公示期',
  rectificationPeriod: '限期整改期',
  reportCadence: '定期汇报周期',
  reminderLead: '到期提醒提前量',
  escalationInterval: '督办间隔',
  reviewDelay: '销号后回头看间隔',
  summaryCadence: '进度汇总周期',
  verificationPeriod: '措施核验时限',
  reviewPeriod: '回头看报告时限',
};

export interface PolicyProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

/**
 * What a real campaign's policy must satisfy beyond its shape: whole periods of at least one day (a
 * reminder may come on the due day itself), so that no setting can make the system send reminders and
 * requests in a storm. Periods in seconds exist for tests and demonstrations only.
 */
export function campaignPolicyProblems(policy: CampaignPolicy, options: { allowSeconds: boolean }): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const periods: [keyof typeof PERIOD_LABELS, Period | undefined][] = [
    ...PERIOD_NAMES.map((name) => [name, policy[name]] as [PeriodName, Period]),
    ['summaryCadence', policy.summaryCadence],
    ...WORKFLOW_TIMED.map((name) => [name, policy[name]] as [(typeof WORKFLOW_TIMED)[number], Period | undefined]),
  ];
  for (const [name, period] of periods) {
    if (!period) continue;
    const field = `policy.${name}`;
    const label = PERIOD_LABELS[name];
    if ((WORKFLOW_TIMED as readonly string[]).includes(name) && period.unit === 'workingDays') {
      problems.push({ field, messageZh: `${label}须按自然日设置`, messageEn: `${name} is timed inside the workflow: days or seconds, not working days` });
      continue;
    }
    if (period.unit === 'seconds') {
      if (!options.allowSeconds) problems.push({ field, messageZh: `${label}不能按秒计，请按自然日或工作日设置`, messageEn: `${name}: periods in seconds are for tests only` });
      else if (period.amount < 1) problems.push({ field, messageZh: `${label}不能小于 1 秒`, messageEn: `${name} must be at least 1 second` });
      continue;
    }
    const minimum = name === 'reminderLead' ? 0 : 1;
    if (!Number.isInteger(period.amount) || period.amount < minimum) {
      problems.push({ field, messageZh: `${label}须为不小于 ${minimum} 的整数天数`, messageEn: `${name} must be a whole number of days, at least ${minimum}` });
    }
  }
  return problems;
}

/** Due dates of every policy period counted from one instant, computed before an action applies. */
export type DueDates = Record<PeriodName, string>;
