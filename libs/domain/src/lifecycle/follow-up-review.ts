/** Stage 7 (回头看): after delisting, check for rebound; archive, or reopen for the next round. */
import type { ReviewChecks } from '../actions';
import type { ReviewRecord } from '../case-state';
import type { ProblemInput } from '../problems';
import { violation } from '../rule-violation';
import { committeeOf, moveTo, notify, record, secretaryOf, trimmed, type Draft } from './draft';
import { assertValidProblems } from './identification';

const REVIEW_CHECK_LABELS: Record<keyof ReviewChecks, string> = {
  measuresCarriedOut: '整改措施落实',
  mechanismsWorking: '长效机制运行',
  promisesDelivered: '承诺实事兑现',
  unqualifiedMembersHandled: '不合格党员处置',
};

/** The review delay's timer fired: the case is due for its return visit. */
export function reviewFallsDue(draft: Draft): void {
  if (draft.state.stage !== 'delisted') return;
  draft.state.deadlines.reviewDueAt = undefined;
  moveTo(draft, 'follow_up_review', '销号后回头看到期');
  notify(draft, 'review_due', [committeeOf(draft.state)], '回头看到期', '请对照四个方面开展回头看：措施落实、长效机制、承诺兑现、不合格党员处置。');
}

export function recordFollowUpReview(
  draft: Draft,
  checks: ReviewChecks,
  opinion: string,
  reboundedProblemIds: string[],
  newProblems: ProblemInput[],
): ReviewRecord {
  const { state } = draft;
  if (trimmed(opinion).length === 0) {
    throw violation('reason_required', '请填写回头看意见', 'a follow-up review needs a written opinion', { field: 'opinion' });
  }
  for (const id of reboundedProblemIds) {
    if (!state.problems.some((problem) => problem.id === id)) {
      throw violation('unknown_problem', `问题 ${id} 不存在`, `no problem ${id} on this case`, { field: 'reboundedProblemIds' });
    }
  }
  if (newProblems.length > 0) assertValidProblems(newProblems);
  const failed = (Object.keys(REVIEW_CHECK_LABELS) as (keyof ReviewChecks)[]).filter((key) => checks[key] !== true);
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
  const review: ReviewRecord = {
    at: draft.now,
    by: draft.actor,
    checks,
    opinion: trimmed(opinion),
    reboundedProblemIds: [...new Set(reboundedProblemIds)],
    newProblemIds,
    outcome: rebound ? 'rebound' : 'archived',
  };
  state.reviews.push(review);
  record(draft, 'follow_up_review_recorded', `回头看：${review.opinion}`);
  if (!rebound) {
    moveTo(draft, 'archived', '回头看未发现反弹，整顿成果巩固');
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
  return review;
}
