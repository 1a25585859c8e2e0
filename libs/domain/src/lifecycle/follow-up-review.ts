/** Stage 7 (回头看): after delisting, check for rebound; archive, or reopen for the next round. */
import type { NextCampaign, ReviewChecks, ReviewFindings } from '../actions';
import type { CaseState, ReviewRecord } from '../case-state';
import { chinaDate } from '../china-time';
import { addPlainPeriod, isValidPolicy, reviewPeriodOf } from '../policy';
import type { ProblemInput } from '../problems';
import type { Actor, UserRole } from '../roles';
import { REVIEW_CHECK_LABELS } from '../labels';
import { violation, type RuleViolation } from '../rule-violation';
import { committeeOf, countyOf, moveTo, notify, record, secretaryOf, trimmed, type Draft } from './draft';
import { assertValidProblems, caseIdFor, type OpenCaseInput } from './identification';
import { askCountyForDeadline } from './rectification-deadline';

/**
 * The review delay's timer fired: the case is due for its return visit, and (cases since
 * `reviewReport`) its result is due at the county within the policy's review period (004).
 */
export function reviewFallsDue(draft: Draft): void {
  const { state } = draft;
  if (state.stage !== 'delisted') return;
  state.deadlines.reviewDueAt = undefined;
  moveTo(draft, 'follow_up_review', '销号后回头看到期');
  const checks = hadDeadlineProblems(state) ? '措施落实、长效机制、承诺兑现、不合格党员处置，以及限期整改的问题是否整改到位' : '措施落实、长效机制、承诺兑现、不合格党员处置';
  let by = '';
  if (state.reviewReport === 'due_by_period') {
    state.deadlines.reviewReportDueAt = addPlainPeriod(draft.now, reviewPeriodOf(state.policy));
    by = `并于 ${chinaDate(state.deadlines.reviewReportDueAt)} 前在系统中记录结果（报县委组织部）`;
  }
  notify(draft, 'review_due', [committeeOf(state)], '回头看到期', `请对照检查${checks}，逐项写明情况${by}。`);
}

/** The case had problems given a deadline (限期整改: a failed acceptance, an upheld objection, a supervision finding). */
export function hadDeadlineProblems(state: Pick<CaseState, 'problems'>): boolean {
  return state.problems.some((problem) => problem.reopened !== undefined);
}

export const REVIEW_CHECK_KEYS = Object.keys(REVIEW_CHECK_LABELS) as (keyof ReviewChecks)[];

/** The checks a review of this case answers: 002's 限期整改 check only where the case had such problems. */
export function reviewChecksFor(state: Pick<CaseState, 'problems'>): (keyof ReviewChecks)[] {
  return REVIEW_CHECK_KEYS.filter((key) => key !== 'deadlineProblemsSolved' || hadDeadlineProblems(state));
}

/** The checks answered 不合格 (the deadline-problems check counts only where it was answered). */
function failedChecks(checks: ReviewChecks): (keyof ReviewChecks)[] {
  return REVIEW_CHECK_KEYS.filter((key) => (key === 'deadlineProblemsSolved' ? checks[key] === false : checks[key] !== true));
}

/**
 * What a 回头看 must say, judged when it is recorded (so reviews recorded before these rules replay as
 * they were): whether the 限期整改 problems stayed solved, where the case had any (002), and what was
 * found for every check answered 不合格.
 */
export function reviewRefusal(state: CaseState, checks: ReviewChecks, findings: ReviewFindings): RuleViolation | undefined {
  if (hadDeadlineProblems(state) && typeof checks.deadlineProblemsSolved !== 'boolean') {
    return violation('review_check_required', '该整顿对象有限期整改的问题，请检查“限期整改问题整改到位”', 'this case had problems given a deadline: answer checks.deadlineProblemsSolved', {
      field: 'checks.deadlineProblemsSolved',
    });
  }
  const unexplained = failedChecks(checks).find((key) => trimmed(findings[key] ?? '').length === 0);
  if (unexplained) {
    return violation('reason_required', `“${REVIEW_CHECK_LABELS[unexplained]}”不合格，请写明检查发现的情况`, `check ${unexplained} failed: say what was found`, {
      field: `findings.${unexplained}`,
    });
  }
  return undefined;
}

export function recordFollowUpReview(
  draft: Draft,
  checks: ReviewChecks,
  opinion: string,
  reboundedProblemIds: string[],
  newProblems: ProblemInput[],
  nextCampaign?: NextCampaign,
  findings: ReviewFindings = {},
): ReviewRecord {
  const { state } = draft;
  if (nextCampaign !== undefined) assertValidNextCampaign(state, nextCampaign);
  if (trimmed(opinion).length === 0) {
    throw violation('reason_required', '请填写回头看意见', 'a follow-up review needs a written opinion', { field: 'opinion' });
  }
  for (const id of reboundedProblemIds) {
    if (!state.problems.some((problem) => problem.id === id)) {
      throw violation('unknown_problem', `问题 ${id} 不存在`, `no problem ${id} on this case`, { field: 'reboundedProblemIds' });
    }
  }
  if (newProblems.length > 0) assertValidProblems(newProblems);
  const failed = failedChecks(checks);
  const rebound = reboundedProblemIds.length > 0 || newProblems.length > 0;
  if (failed.length > 0 && !rebound) {
    throw violation(
      'invalid_input',
      `回头看发现“${failed.map((key) => REVIEW_CHECK_LABELS[key]).join('、')}”不到位，须列明反弹或新发现的问题`,
      'a failed review check must name the problems that came back or were found',
      { field: 'reboundedProblemIds' },
    );
  }
  const nextRound = state.round + 1;
  const firstNewNo = state.problems.length + 1;
  const newProblemIds = newProblems.map((_, index) => `p${firstNewNo + index}`);
  const written = Object.fromEntries(
    REVIEW_CHECK_KEYS.flatMap((key) => (trimmed(findings[key] ?? '').length > 0 ? [[key, trimmed(findings[key]!)]] : [])),
  ) as ReviewFindings;
  const review: ReviewRecord = {
    at: draft.now,
    by: draft.actor,
    checks,
    ...(Object.keys(written).length > 0 ? { findings: written } : {}),
    opinion: trimmed(opinion),
    reboundedProblemIds: [...new Set(reboundedProblemIds)],
    newProblemIds,
    outcome: rebound ? 'rebound' : 'archived',
  };
  state.reviews.push(review);
  state.deadlines.reviewReportDueAt = undefined;
  record(draft, 'follow_up_review_recorded', `回头看：${review.opinion}`);
  if (!rebound) {
    moveTo(draft, 'archived', '回头看未发现反弹，整顿成果巩固');
    reportReviewToCounty(draft, review, '未发现反弹，整顿对象归档');
    return review;
  }
  if (nextCampaign) {
    rollOver(draft, review, nextCampaign, newProblems);
    return review;
  }
  // 滚动整顿、查缺补漏: open problems are carried into the next round, with the same team.
  for (const problem of state.problems) {
    if (review.reboundedProblemIds.includes(problem.id)) {
      problem.round = nextRound;
      problem.reboundedInRound = nextRound;
    }
  }
  newProblems.forEach((problem, index) => {
    state.problems.push({ id: newProblemIds[index], category: problem.category, description: trimmed(problem.description), round: nextRound });
  });
  state.round = nextRound;
  state.plan = { version: 0, status: 'none', returnReasons: [] };
  // The new round is accepted on what the public think of its results, not of the last round's (the
  // rate each acceptance was judged on stays in its record). Ids are kept so a retried rating counts once.
  state.satisfaction = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, ratingIds: state.satisfaction.ratingIds };
  state.deadlines.planDueAt = draft.due.planPeriod;
  moveTo(draft, 'assigned', `回头看发现问题反弹，转入第${nextRound}轮整顿`);
  notify(draft, 'case_reopened', [secretaryOf(state), committeeOf(state)], '回头看发现问题反弹，重新整顿', `请针对${review.reboundedProblemIds.length + newProblems.length}个问题重新制定整顿方案。`);
  reportReviewToCounty(draft, review, `发现${review.reboundedProblemIds.length + newProblems.length}个问题，转入第${nextRound}轮整顿`);
  // After the campaign's end no measure can be due in time: the county is asked for a deadline (cases since planDeadline).
  if (state.planDeadline === 'attainable_only') askCountyForDeadline(draft);
  return review;
}

/**
 * 004: the townships' own checks do not replace the department's: every 回头看 result reaches the county
 * (a rollover tells it in its own notice), each check with what was found.
 */
function reportReviewToCounty(draft: Draft, review: ReviewRecord, outcome: string): void {
  notify(draft, 'review_recorded', [countyOf(draft.state)], `回头看结果：${outcome}`, `${reviewCheckLines(review).join('；')}。意见：${review.opinion}`);
}

/** Each check a review answered, as county staff read it: 整改措施落实：合格（what was found）. */
export function reviewCheckLines(review: Pick<ReviewRecord, 'checks' | 'findings'>): string[] {
  return REVIEW_CHECK_KEYS.filter((key) => review.checks[key] !== undefined).map(
    (key) => `${REVIEW_CHECK_LABELS[key]}：${review.checks[key] ? '合格' : '不合格'}${review.findings?.[key] ? `（${review.findings[key]}）` : ''}`,
  );
}

function assertValidNextCampaign(state: CaseState, next: NextCampaign): void {
  const campaign = next?.campaign;
  if (!campaign || typeof campaign.id !== 'string' || trimmed(campaign.id).length === 0 || trimmed(campaign.name).length === 0) {
    throw violation('invalid_input', '请指定转入的下一轮整顿批次', 'nextCampaign needs a campaign id and name', { field: 'nextCampaign.campaign' });
  }
  if (campaign.id === state.campaign.id) {
    throw violation('invalid_input', '滚动整顿须转入下一轮整顿批次，不能是本批次', 'nextCampaign must be another campaign than this case’s', {
      field: 'nextCampaign.campaign.id',
    });
  }
  if (campaign.county !== state.org.county) {
    throw violation('invalid_input', `下一轮整顿批次不属于${state.org.county}`, 'nextCampaign belongs to another county', { field: 'nextCampaign.campaign.county' });
  }
  if (typeof campaign.endsAt !== 'string' || Number.isNaN(Date.parse(campaign.endsAt))) {
    throw violation('invalid_input', '下一轮整顿批次的截止时间无效', 'nextCampaign.campaign.endsAt is not a date', { field: 'nextCampaign.campaign.endsAt' });
  }
  if (!isValidPolicy(next.policy)) {
    throw violation('invalid_input', '下一轮整顿批次的整顿政策无效', 'nextCampaign.policy is not a valid policy', { field: 'nextCampaign.policy' });
  }
}

/**
 * 滚动整顿、查缺补漏 (Key tasks 2020) across campaigns: the problems that came back and those newly found become
 * a new case of the next campaign; this case is archived, linked to it. The workflow opens the new
 * case (an activity) and settles the record with `rolloverSettled`.
 */
function rollOver(draft: Draft, review: ReviewRecord, next: NextCampaign, newProblems: ProblemInput[]): void {
  const { state } = draft;
  const rebounded = state.problems.filter((problem) => review.reboundedProblemIds.includes(problem.id));
  const problems: ProblemInput[] = [
    ...rebounded.map((problem) => ({ category: problem.category, description: problem.description })),
    ...newProblems.map((problem) => ({ category: problem.category, description: trimmed(problem.description) })),
  ];
  const toCaseId = caseIdFor(next.campaign.id, state.org.code);
  review.outcome = 'rolled_over';
  review.newProblemIds = [];
  review.rolledOverToCaseId = toCaseId;
  state.rolledOverToCaseId = toCaseId;
  state.rollover = {
    toCaseId,
    campaign: { id: next.campaign.id, name: next.campaign.name, county: next.campaign.county, endsAt: next.campaign.endsAt },
    policy: next.policy,
    problems,
    requestedAt: draft.now,
    requestedBy: draft.actor,
    status: 'pending',
  };
  moveTo(draft, 'archived', `回头看发现${problems.length}个问题，滚动转入${next.campaign.name}`);
  notify(
    draft,
    'case_rolled_over',
    [secretaryOf(state), committeeOf(state), countyOf(state)],
    '回头看发现问题，滚动转入下一轮整顿',
    `${problems.length}个问题转入${next.campaign.name}继续整顿（整顿对象编号 ${toCaseId}），本轮整顿归档。`,
  );
}

/** The new case of a pending rollover, as the workflow opens it: same organization and team, source 'rollover'. */
export function rolloverInput(state: CaseState): { input: OpenCaseInput; openedBy: Actor } | undefined {
  const rollover = state.rollover;
  if (!rollover || rollover.status !== 'pending') return undefined;
  const by = rollover.requestedBy;
  return {
    input: {
      campaign: rollover.campaign,
      policy: rollover.policy,
      org: state.org,
      source: 'rollover',
      problems: rollover.problems,
      team: state.team,
      carriedFromCaseId: state.caseId,
    },
    openedBy: {
      userId: by.userId,
      name: by.name,
      role: by.role as UserRole,
      scope: { level: 'county', county: state.org.county },
    },
  };
}

/** The next campaign's case is open (or was already there): the link is recorded on this case. */
export function rolloverSettled(draft: Draft, result: { caseId: string; created: boolean }): boolean {
  const { state } = draft;
  const rollover = state.rollover;
  if (!rollover || rollover.status !== 'pending') return false;
  rollover.status = result.created ? 'opened' : 'linked_existing';
  rollover.settledAt = draft.now;
  rollover.toCaseId = result.caseId;
  state.rolledOverToCaseId = result.caseId;
  record(
    draft,
    'rolled_over',
    result.created
      ? `已转入${rollover.campaign.name}，新整顿对象编号 ${result.caseId}，问题${rollover.problems.length}个`
      : `该组织已列入${rollover.campaign.name}（整顿对象编号 ${result.caseId}），已关联`,
  );
  return true;
}
