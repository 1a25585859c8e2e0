import type { AcceptanceChecks, MeasureDraft, ReviewChecks, ReviewFindings, SatisfactionLevel } from './actions';
import type { IdentificationSource, Organization } from './organization';
import type { CampaignPolicy } from './policy';
import type { Problem, ProblemInput, ProblemStatus } from './problems';
import type { UserRole } from './roles';
import type { Stage } from './stages';
import type { TeamMember } from './team';

export interface CampaignRef {
  id: string;
  name: string;
  county: string;
  /** The hard end date: 10月底前全面完成 (County speech). ISO 8601. */
  endsAt: string;
  /** 村（社区）“两委”换届, when one is ahead: rural rectification is done before it (换届前整顿到位). */
  reelection?: Reelection;
}

/** The county's re-election date, and the townships that hold theirs on another day. ISO 8601. */
export interface Reelection {
  at: string;
  byTownship?: Record<string, string>;
}

/** The re-election date that binds an organization of this township, if any. */
export function reelectionDateFor(campaign: Pick<CampaignRef, 'reelection'>, township: string): string | undefined {
  const { reelection } = campaign;
  if (!reelection) return undefined;
  return Object.prototype.hasOwnProperty.call(reelection.byTownship ?? {}, township) ? reelection.byTownship![township] : reelection.at;
}

/** Who did something, as recorded; `system` for timers, `public` for anonymous signals. */
export interface ActorRef {
  userId: string;
  name: string;
  role: UserRole | 'system' | 'public';
}

/** pending → (reported: 已报告待核验, on cases that verify measures) → done (verified, or completed on older cases). */
export type MeasureStatus = 'pending' | 'reported' | 'done';
export type PlanStatus = 'none' | 'submitted' | 'returned' | 'approved';
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';
export type AcceptanceLevel = 'preliminary' | 'county';
export type ReviewOutcome = 'archived' | 'rebound' | 'rolled_over';

export interface Measure extends MeasureDraft {
  id: string;
  round: number;
  status: MeasureStatus;
  completedAt?: string;
  completedBy?: ActorRef;
  evidence?: string;
  /** The branch's report that the measure is done, awaiting the township committee's verification. */
  report?: { at: string; by: ActorRef; evidence: string; verifyDueAt: string };
  /** Reports the committee returned (not done yet): why, and the new date the measure must meet. */
  returns?: { at: string; by: ActorRef; evidence: string; reason: string; newDueAt: string }[];
  /** The committee's verification that made the measure done (不能把说了当成做了). */
  verified?: { at: string; by: ActorRef; comment: string };
  /** Added by the branch for a reopened problem: waits for the township committee's approval (补充措施). */
  awaitsApproval?: boolean;
}

/** How a supervision visit was made (004: 四不两直、明查暗访、抽查). */
export type SupervisionKind = 'unannounced' | 'covert' | 'spot_check' | 'routine';

/** 督导检查: a visit the county or the township committee made, what it found, and the problem it added. */
export interface SupervisionRecord {
  kind: SupervisionKind;
  visitedAt: string;
  visitors: string;
  findings: string;
  recordedAt: string;
  recordedBy: ActorRef;
  addedProblemId?: string;
}

/** One holder of the branch secretary's post, and when (调整书记 keeps who held it when). */
export interface SecretaryTerm {
  personId: string;
  name: string;
  from: string;
  until?: string;
  /** 选派: sent from a county or township agency because the village had no one suitable. */
  sentFrom?: string;
  reason?: string;
  recordedBy?: ActorRef;
}

export interface PlanState {
  version: number;
  status: PlanStatus;
  submittedAt?: string;
  returnReasons: string[];
  approvedAt?: string;
  /** The approved plan is publicized in the village or enterprise (County speech). */
  publicizedAt?: string;
}

export interface ProgressReport {
  at: string;
  by: ActorRef;
  summary: string;
}

export interface Publicity {
  round: number;
  startedAt: string;
  endsAt: string;
  periodEnded: boolean;
}

export interface Objection {
  id: string;
  content: string;
  receivedAt: string;
  status: ObjectionStatus;
  reason?: string;
  resolvedAt?: string;
  resolvedBy?: ActorRef;
}

export interface SatisfactionTally {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Ids of ratings already counted, so a retried signal counts once. */
  ratingIds: string[];
}

/** 测评 as recorded with an acceptance (see `assessment` in actions/fields.ts). */
export interface Assessment {
  heldAt: string;
  participants: string;
  respondents: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  aware: number;
}

/** 满意率 (满意 + 基本满意) and 知晓率 over the 测评's respondents. */
export function assessmentRates(assessment: Assessment): { satisfaction: number; awareness: number } {
  return { satisfaction: (assessment.satisfied + assessment.basicallySatisfied) / assessment.respondents, awareness: assessment.aware / assessment.respondents };
}

export interface AcceptanceRecord {
  level: AcceptanceLevel;
  at: string;
  by: ActorRef;
  checks: AcceptanceChecks;
  opinion: string;
  /** The rate the acceptance was judged on: the 测评's where one was recorded. */
  satisfactionRate?: number;
  assessment?: Assessment;
  awarenessRate?: number;
  /** Public ratings (满意 + 基本满意 share) at the time: a signal beside the 测评, never the deciding figure. */
  publicRatingRate?: number;
  passed: boolean;
  failedChecks: string[];
}

export interface ReviewRecord {
  at: string;
  by: ActorRef;
  checks: ReviewChecks;
  /** What was found for each check, in words (reviews recorded since findings were asked for). */
  findings?: ReviewFindings;
  opinion: string;
  reboundedProblemIds: string[];
  newProblemIds: string[];
  /** rebound: reopened in this case; rolled_over: carried into the next campaign's case (滚动整顿). */
  outcome: ReviewOutcome;
  rolledOverToCaseId?: string;
}

/**
 * 滚动整顿: the open problems a follow-up review found, carried into the next campaign's case.
 * `pending` until the workflow has opened that case; the id is known from the start (one case per
 * organization per campaign).
 */
export interface RolloverRecord {
  toCaseId: string;
  campaign: CampaignRef;
  policy: CampaignPolicy;
  problems: ProblemInput[];
  requestedAt: string;
  requestedBy: ActorRef;
  /** opened: this case opened it; linked_existing: the organization was already listed in that campaign. */
  status: 'pending' | 'opened' | 'linked_existing';
  settledAt?: string;
}

export type EscalationStep = 'reminder' | 'explanation_requested' | 'talk' | 'organizational_handling';

export interface EscalationRecord {
  /** Unique per case: `${dueItemKey}:${step}${n}`. Also the notification's idempotency key. */
  key: string;
  step: EscalationStep;
  dueItemKey: string;
  dueItemLabel: string;
  at: string;
}

export interface Explanation {
  dueItemKey: string;
  text: string;
  at: string;
  by: ActorRef;
}

/** 0 none, 1 explanation requested (说明原因), 2 admonishment talk (约谈), 3 organizational handling (组织处理). */
export type EscalationLevel = 0 | 1 | 2 | 3;

/**
 * A lapse (逾期): one overdue episode of a case. Every due item that falls overdue at the same instant,
 * or while the lapse is open, belongs to it; the branch answers one request for explanation for it.
 * Open while any of its items is still due.
 */
export interface Lapse {
  id: string;
  openedAt: string;
  items: { key: string; label: string; dueAt: string }[];
  /** The talk the system proposed because this lapse stayed open (at most one per lapse). */
  talkProposalId?: string;
  /**
   * The township committee's review of the branch's explanation: accepted with a new date by which
   * the items must be done (no talk is proposed before it), or not accepted (a talk is proposed now).
   */
  review?: { accepted: boolean; newDueAt?: string; comment: string; by: ActorRef; at: string };
}

/** Someone a talk is (to be) held with: the branch secretary or the secretary of the organization above. */
export interface TalkSubject {
  personId: string;
  name: string;
  /** 支部书记 or 上级党组织书记 (for a key or hard village, the township Party secretary). */
  standing: 'branch_secretary' | 'secretary_above';
}

export type ProposalStatus = 'proposed' | 'held' | 'declined' | 'decided';

export const HANDLING_DECISIONS = ['adjust_secretary', 'admonishment', 'circulated_criticism', 'no_action'] as const;
/** 组织处理 the county department decides: adjust the secretary, 诫勉谈话, 通报批评, or none (with a reason). */
export type HandlingDecision = (typeof HANDLING_DECISIONS)[number];

/**
 * What the system proposes and people decide (the system never records a human act): a talk (提请约谈)
 * when a lapse stays open, organizational handling (提请组织处理) when a person has had two talks.
 */
export interface Proposal {
  id: string;
  kind: 'talk' | 'organizational_handling';
  at: string;
  status: ProposalStatus;
  subjects: TalkSubject[];
  /** Why: the lapse (talk) or the talks counted (handling). */
  reason: string;
  lapseId?: string;
  /** The talk as held: recorded by the person who held it or took the record. */
  talk?: { heldAt: string; talkedTo: TalkSubject[]; record: string; recordedBy: ActorRef; recordedAt: string };
  decision?: { decision: HandlingDecision; reason: string; decidedBy: ActorRef; decidedAt: string };
  declined?: { reason: string; by: ActorRef; at: string };
}

export interface EscalationState {
  level: EscalationLevel;
  /** Talks held: timers recorded them before the proposals model, people record them since. */
  talks: number;
  organizationalHandling: boolean;
  records: EscalationRecord[];
  explanations: Explanation[];
  /**
   * `proposals`: lapses, talks proposed by the system and recorded by people, handling decided by the
   * county. Absent on cases opened before (they keep the timer ladder, which their histories replay).
   */
  model?: 'proposals';
  lapses?: Lapse[];
  proposals?: Proposal[];
  /** Recorded talks per person talked to (personId), on this case. */
  talkCounts?: Record<string, number>;
}

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: string;
  by: ActorRef;
  reason?: string;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  actor: ActorRef;
  summary: string;
}

export interface CaseState {
  caseId: string;
  campaign: CampaignRef;
  org: Organization;
  source: IdentificationSource;
  policy: CampaignPolicy;
  stage: Stage;
  /** Rectification round: 1, then +1 each time 回头看 finds a rebound. */
  round: number;
  problems: Problem[];
  team: TeamMember[];
  plan: PlanState;
  measures: Measure[];
  reports: ProgressReport[];
  deadlines: {
    planDueAt?: string;
    rectificationDueAt?: string;
    nextReportDueAt?: string;
    reviewDueAt?: string;
    /** 回头看 fell due: its result is to reach the county by then (cases since `reviewReport`). */
    reviewReportDueAt?: string;
  };
  publicity?: Publicity;
  objections: Objection[];
  satisfaction: SatisfactionTally;
  acceptances: AcceptanceRecord[];
  reviews: ReviewRecord[];
  escalation: EscalationState;
  history: StageChange[];
  timeline: TimelineEntry[];
  /** Count of timeline entries: the read model's idempotency key for this case. */
  seq: number;
  createdAt: string;
  updatedAt: string;
  /** Set when a case was carried over from an earlier campaign's case (滚动整顿). */
  carriedFromCaseId?: string;
  rolledOverToCaseId?: string;
  /** Present once a follow-up review has rolled this case's open problems into the next campaign. */
  rollover?: RolloverRecord;
  /**
   * `committee`: the branch reports a measure done and the township committee verifies it; only
   * verified measures are done. Absent on cases opened before (their secretary completes measures).
   */
  measureVerification?: 'committee';
  /**
   * `due_by_period`: once 回头看 falls due, the township committee reports its result within the
   * policy's review period, reminded before and told (with the county) when it passes. Absent on
   * cases opened before (their 回头看 has no date).
   */
  reviewReport?: 'due_by_period';
  /** The holders of the secretary's post, once it has changed hands (the current one last). */
  secretaries?: SecretaryTerm[];
  /**
   * `attainable_only`: the plan deadline is reminded and escalated only while a valid plan could meet
   * it (measureDueLimit after it). Absent on cases opened before: their histories escalate it regardless.
   */
  planDeadline?: 'attainable_only';
  /**
   * `assessment`: county acceptance is judged on the recorded 测评 (满意率 and 知晓率 against the policy);
   * public ratings are a signal only. Absent on cases opened before: ratings and the survey decide.
   */
  acceptanceBasis?: 'assessment';
  /** Supervision visits recorded on the case, oldest first (absent until the first). */
  supervisions?: SupervisionRecord[];
}

/**
 * The latest date a measure may be due: the campaign's end, or the rectification deadline where that is
 * later — 限期整改 after a failed acceptance, or the deadline the county set for a case still open after
 * the campaign's end (setRectificationDeadline). Never a dead end once the county has set one.
 */
export function measureDueLimit(state: Pick<CaseState, 'campaign' | 'deadlines'>): { at: string; source: 'campaign_end' | 'rectification_deadline' } {
  const rectification = state.deadlines.rectificationDueAt;
  return rectification && Date.parse(rectification) > Date.parse(state.campaign.endsAt)
    ? { at: rectification, source: 'rectification_deadline' }
    : { at: state.campaign.endsAt, source: 'campaign_end' };
}

/**
 * Whether the case owes a plan that no valid plan can meet: every measure would have to be due by the
 * limit, which comes before the plan's own deadline (or has passed). Only the county can open the way,
 * with a rectification deadline; until then the plan deadline is not escalated (planDeadline).
 */
export function planBlockedByDeadline(state: Pick<CaseState, 'stage' | 'plan' | 'campaign' | 'deadlines'>, now?: string): boolean {
  if ((state.stage !== 'assigned' && state.stage !== 'planning') || state.plan.status === 'submitted' || state.plan.status === 'approved') return false;
  const limit = Date.parse(measureDueLimit(state).at);
  const planDue = state.deadlines.planDueAt ? Date.parse(state.deadlines.planDueAt) : -Infinity;
  return limit <= Math.max(planDue, now ? Date.parse(now) : -Infinity);
}

/** Whether this case's measures are done only once the township committee has verified them. */
export function verifiesMeasures(state: Pick<CaseState, 'measureVerification'>): boolean {
  return state.measureVerification === 'committee';
}

export function problemStatus(state: CaseState, problem: Problem): ProblemStatus {
  if (problem.round < state.round) return 'resolved';
  if (problem.reopened) {
    const added = state.measures.filter((m) => problem.reopened!.measureIds.includes(m.id));
    return problem.reopened.amendedAt && added.length > 0 && added.every((m) => m.status === 'done') ? 'resolved' : 'open';
  }
  const measures = state.measures.filter((m) => m.problemId === problem.id && m.round === state.round);
  const resolved = measures.length > 0 && measures.every((m) => m.status === 'done');
  if (resolved) return 'resolved';
  return problem.reboundedInRound === state.round ? 'rebounded' : 'open';
}

export function openProblems(state: CaseState): Problem[] {
  return state.problems.filter((problem) => problemStatus(state, problem) !== 'resolved');
}

export function currentMeasures(state: CaseState): Measure[] {
  return state.measures.filter((measure) => measure.round === state.round);
}

/** The three counts of a tally (what the read model keeps per case). */
export type RatingCounts = Pick<SatisfactionTally, 'satisfied' | 'basicallySatisfied' | 'dissatisfied'>;

export function satisfactionCounts(tally: RatingCounts): { total: number; content: number } {
  const content = tally.satisfied + tally.basicallySatisfied;
  return { total: content + tally.dissatisfied, content };
}

/** 满意 + 基本满意 over all ratings, or undefined when nobody has rated. */
export function satisfactionRate(tally: RatingCounts, survey?: { respondents: number; satisfied: number }): number | undefined {
  const { total, content } = satisfactionCounts(tally);
  const respondents = total + (survey?.respondents ?? 0);
  if (respondents === 0) return undefined;
  return (content + (survey?.satisfied ?? 0)) / respondents;
}

export const SATISFACTION_LEVELS: readonly SatisfactionLevel[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
export const SATISFACTION_LABELS: Record<SatisfactionLevel, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Problems named in a 限期整改 whose new measures the township committee has not approved yet: publicity cannot start again. */
export function problemsAwaitingAmendment(state: Pick<CaseState, 'problems' | 'round'>): Problem[] {
  return state.problems.filter((problem) => problem.round === state.round && problem.reopened && !problem.reopened.amendedAt);
}
