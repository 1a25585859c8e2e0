/**
 * Shared fixtures for the domain specs: a rural village case with its "four ones" (四个一), actors
 * for every role, a test policy counted in seconds and a helper that walks a case through `decide`
 * to any stage. Times are written as seconds after T0 so that tests read as a timetable.
 */
import {
  decide,
  fire,
  nextScheduledEvent,
  openCase,
  plainDueDates,
  ratingReceived,
  scheduledEvents,
  type ActionContext,
  type Actor,
  type CampaignPolicy,
  type CampaignRef,
  type CaseAction,
  type CaseNotification,
  type CaseState,
  type MeasureDraft,
  type Organization,
  type OrgDomain,
  type Outcome,
  type ProblemInput,
  type ScheduledEvent,
  type Stage,
  type TeamMember,
} from '../index';

export const T0_ISO = '2025-03-01T00:00:00.000Z';
const T0 = Date.parse(T0_ISO);

/** The instant `s` seconds after T0. */
export function at(s: number): string {
  return new Date(T0 + s * 1000).toISOString();
}

/** A policy in seconds, so every period can be checked exactly. */
export const TEST_POLICY: CampaignPolicy = {
  planPeriod: { amount: 100, unit: 'seconds' },
  publicityPeriod: { amount: 50, unit: 'seconds' },
  rectificationPeriod: { amount: 200, unit: 'seconds' },
  reportCadence: { amount: 300, unit: 'seconds' },
  reminderLead: { amount: 10, unit: 'seconds' },
  escalationInterval: { amount: 20, unit: 'seconds' },
  reviewDelay: { amount: 1000, unit: 'seconds' },
  satisfactionThreshold: 0.8,
};

export function ctxAt(s: number, policy: CampaignPolicy = TEST_POLICY): ActionContext {
  const now = at(s);
  return { now, due: plainDueDates(now, policy) };
}

export const COUNTY = '城固县';
export const TOWNSHIP = '博望镇';
export const ORG_CODE = '610722-BW-001';

/** The hard end date of the campaign: 10月底前全面完成. */
export const CAMPAIGN: CampaignRef = { id: 'c2025', name: '2025年软弱涣散基层党组织整顿', county: COUNTY, endsAt: '2025-10-31T16:00:00.000Z' };

export const SECRETARY = { personId: 'sec-1', name: '王建国' };

export function makeOrg(overrides: Partial<Organization> = {}): Organization {
  return {
    code: ORG_CODE,
    name: '博望镇柳营村党支部',
    domain: 'rural',
    county: COUNTY,
    township: TOWNSHIP,
    isKeyVillage: false,
    secretary: SECRETARY,
    ...overrides,
  };
}

/** The "four ones" of a rural village. */
export const RURAL_TEAM: TeamMember[] = [
  { teamRole: 'county_leader', personId: 'lead-county', name: '李县长', title: '副县长' },
  { teamRole: 'township_leader', personId: 'lead-township', name: '张镇长', title: '镇党委副书记' },
  { teamRole: 'first_secretary', personId: 'lead-first', name: '赵书记', title: '驻村第一书记' },
  { teamRole: 'paired_agency', personId: 'lead-agency', name: '县农业农村局', title: '结对帮扶单位' },
];

/** A complete team for any domain. */
export function fullTeam(domain: OrgDomain, opts: { keyVillage?: boolean } = {}): TeamMember[] {
  switch (domain) {
    case 'rural':
      return RURAL_TEAM.map((member) =>
        member.teamRole === 'township_leader' && opts.keyVillage
          ? { teamRole: 'township_leader', personId: 'lead-party-sec', name: '陈书记', title: '镇党委书记', isTownshipPartySecretary: true }
          : member,
      );
    case 'state_owned_enterprise':
      return [
        { teamRole: 'designated_cadre', personId: 'lead-cadre', name: '国资工委科长' },
        { teamRole: 'supervising_committee', personId: 'lead-committee', name: '国资委党委' },
      ];
    case 'non_public_enterprise':
      return [
        { teamRole: 'party_building_instructor', personId: 'lead-instructor', name: '党建指导员', appointingUnit: '县市场监督管理局' },
        { teamRole: 'linked_leader', personId: 'lead-linked', name: '市场监管局联系领导', appointingUnit: '县市场监督管理局' },
      ];
    default:
      return [{ teamRole: 'responsible_leader', personId: 'lead-responsible', name: '责任领导' }];
  }
}

export const PROBLEMS: ProblemInput[] = [
  { category: 'secretary_incompetent', description: '支部书记年龄偏大，工作不在状态' },
  { category: 'petitions_and_conflicts', description: '土地流转纠纷长期信访' },
];

export const ACTORS = {
  county: { userId: 'u-county', name: '县委组织部组织科', role: 'county_department', scope: { level: 'county', county: COUNTY } },
  committee: { userId: 'u-committee', name: '博望镇党委', role: 'township_committee', scope: { level: 'township', county: COUNTY, township: TOWNSHIP } },
  leader: { userId: 'lead-first', name: '赵书记', role: 'assigned_leader', scope: { level: 'county', county: COUNTY } },
  secretary: { userId: SECRETARY.personId, name: SECRETARY.name, role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode: ORG_CODE } },
  auditor: { userId: 'u-auditor', name: '审计', role: 'auditor', scope: { level: 'county', county: COUNTY } },
} satisfies Record<string, Actor>;

export const OUTSIDERS = {
  otherCountyDepartment: { userId: 'u-other-county', name: '洋县组织部', role: 'county_department', scope: { level: 'county', county: '洋县' } },
  otherTownshipCommittee: { userId: 'u-other-township', name: '原公镇党委', role: 'township_committee', scope: { level: 'township', county: COUNTY, township: '原公镇' } },
  otherVillageSecretary: { userId: 'sec-9', name: '别村书记', role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode: '610722-BW-009' } },
  /** A branch secretary account in this organization's scope that is not its secretary. */
  anotherSecretaryInScope: { userId: 'sec-2', name: '刘副书记', role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode: ORG_CODE } },
  /** An assigned leader of the county who is not on this case's team. */
  leaderNotOnTeam: { userId: 'lead-x', name: '孙县长', role: 'assigned_leader', scope: { level: 'county', county: COUNTY } },
} satisfies Record<string, Actor>;

export interface OpenOptions {
  org?: Partial<Organization>;
  team?: TeamMember[];
  problems?: ProblemInput[];
  policy?: CampaignPolicy;
  carriedFromCaseId?: string;
}

/** Opens a case at T0 (s = 0). With no `team`, the domain's full team is named. */
export function openTestCase(opts: OpenOptions = {}): CaseState {
  const org = makeOrg(opts.org);
  const policy = opts.policy ?? TEST_POLICY;
  return openCase(
    {
      campaign: CAMPAIGN,
      policy,
      org,
      source: 'screening',
      problems: opts.problems ?? PROBLEMS,
      team: opts.team ?? fullTeam(org.domain, { keyVillage: org.isKeyVillage }),
      ...(opts.carriedFromCaseId ? { carriedFromCaseId: opts.carriedFromCaseId } : {}),
    },
    { userId: ACTORS.county.userId, name: ACTORS.county.name, role: 'county_department' },
    at(0),
    plainDueDates(at(0), policy),
  );
}

/** One concrete measure per open problem of the current round, owned by the secretary. */
export function planFor(state: CaseState, dueS = 500): MeasureDraft[] {
  return state.problems
    .filter((problem) => problem.round === state.round)
    .map((problem, index) => ({
      problemId: problem.id,
      description: `针对“${problem.description}”召开专题组织生活会并建立台账`,
      ownerId: SECRETARY.personId,
      ownerName: SECRETARY.name,
      dueAt: at(dueS + index),
    }));
}

export function act(state: CaseState, action: CaseAction, actor: Actor, s: number): Outcome {
  return decide(state, action, actor, ctxAt(s, state.policy));
}

export function fireAt(state: CaseState, event: ScheduledEvent, s?: number): Outcome {
  return fire(state, event, { now: s === undefined ? event.at : at(s), due: plainDueDates(s === undefined ? event.at : at(s), state.policy) });
}

export function findEvent(state: CaseState, kind: ScheduledEvent['kind'], keyPart = ''): ScheduledEvent {
  const event = scheduledEvents(state).find((e) => e.kind === kind && e.key.includes(keyPart));
  if (!event) throw new Error(`no scheduled ${kind} event matching "${keyPart}" in stage ${state.stage}`);
  return event;
}

export const ALL_CHECKS_PASS = { ledger: true, plan: true, results: true };
export const REVIEW_ALL_PASS = { measuresCarriedOut: true, mechanismsWorking: true, promisesDelivered: true, unqualifiedMembersHandled: true };

export interface Walk {
  state: CaseState;
  /** Seconds after T0 of the last step taken. */
  now: number;
  notifications: CaseNotification[];
}

/**
 * Walks a fresh case to `target` along the happy path, every step through `decide`/`fire`:
 * s=0 open (assigned), 10 plan submitted, 20 approved, 30.. measures done, 40 publicity started
 * (ends at 90), 41–45 five satisfied ratings, 90 publicity over, 100 preliminary acceptance,
 * 110 county acceptance (review due at 1110), 1110 review due, 1120 review without rebound.
 */
export function walkTo(target: Stage, opts: OpenOptions = {}): Walk {
  const notifications: CaseNotification[] = [];
  if (target === 'identified') {
    return { state: openTestCase({ ...opts, team: opts.team ?? [] }), now: 0, notifications };
  }
  let state = openTestCase(opts);
  let now = 0;
  const step = (action: CaseAction, actor: Actor, s: number) => {
    const outcome = act(state, action, actor, s);
    state = outcome.state;
    now = s;
    notifications.push(...outcome.notifications);
  };
  const done = () => state.stage === target;
  if (state.stage !== 'assigned') throw new Error(`case opened in ${state.stage}, not assigned`);
  if (done()) return { state, now, notifications };

  step({ type: 'submitPlan', measures: planFor(state) }, ACTORS.secretary, 10);
  if (done()) return { state, now, notifications };

  step({ type: 'approvePlan', comment: '同意' }, ACTORS.committee, 20);
  if (done()) return { state, now, notifications };

  state.measures.forEach((measure, index) => {
    step({ type: 'completeMeasure', measureId: measure.id, evidence: `已完成：${measure.description}` }, ACTORS.secretary, 30 + index);
  });
  step({ type: 'startPublicity' }, ACTORS.committee, 40);
  for (let i = 1; i <= 5; i++) {
    state = ratingReceived(state, `rating-${i}`, 'satisfied', ctxAt(40 + i)).state;
  }
  if (done()) return { state, now, notifications };

  const publicityEnd = findEvent(state, 'publicity_period_ended');
  const ended = fireAt(state, publicityEnd);
  state = ended.state;
  notifications.push(...ended.notifications);
  now = 90;
  if (done()) return { state, now, notifications };

  step({ type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS_PASS, opinion: '台账齐全，方案落实，群众满意' }, ACTORS.committee, 100);
  if (done()) return { state, now, notifications };

  step({ type: 'recordCountyAcceptance', checks: ALL_CHECKS_PASS, opinion: '验收合格' }, ACTORS.county, 110);
  if (done()) return { state, now, notifications };

  const review = fireAt(state, findEvent(state, 'review_due'));
  state = review.state;
  notifications.push(...review.notifications);
  now = 1110;
  if (done()) return { state, now, notifications };

  step({ type: 'recordFollowUpReview', checks: REVIEW_ALL_PASS, opinion: '未发现反弹', reboundedProblemIds: [], newProblems: [] }, ACTORS.committee, 1120);
  if (done()) return { state, now, notifications };
  throw new Error(`walkTo cannot reach ${target}`);
}

/** Deep copy, for before/after comparisons. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Runs `fn`, expecting a RuleViolation with `code`; returns it for further checks. */
export function expectViolation(fn: () => unknown, code: string): { code: string; details: Record<string, unknown>; messageZh: string } {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  if (!caught) throw new Error(`expected a RuleViolation "${code}", but nothing was thrown`);
  const violation = caught as { name?: string; code?: string; details: Record<string, unknown>; messageZh: string };
  if (violation.name !== 'RuleViolation') throw caught;
  expect(violation.code).toBe(code);
  return violation as { code: string; details: Record<string, unknown>; messageZh: string };
}

/** Fires the case's timers in order up to and including instant `untilS` (seconds after T0). */
export function runTimersUntil(state: CaseState, untilS: number): { state: CaseState; notifications: CaseNotification[]; fired: ScheduledEvent[] } {
  const notifications: CaseNotification[] = [];
  const fired: ScheduledEvent[] = [];
  for (let next = nextScheduledEvent(state); next && Date.parse(next.at) <= Date.parse(at(untilS)); next = nextScheduledEvent(state)) {
    // A timer that keeps coming back after it fired is a bug: fail instead of looping for ever.
    if (fired.length > 100) throw new Error(`timer ${next.key} is offered again after firing`);
    const outcome = fireAt(state, next);
    state = outcome.state;
    notifications.push(...outcome.notifications);
    fired.push(next);
  }
  return { state, notifications, fired };
}
