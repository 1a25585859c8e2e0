/** Stage 6 (验收): preliminary acceptance by the committee (初验), then county acceptance and 销号. */
import { chinaDate } from '../china-time';
import type { AcceptanceChecks } from '../actions';
import { satisfactionRate, type AcceptanceRecord, type CaseState } from '../case-state';
import { ACCEPTANCE_CHECK_LABELS } from '../labels';
import { violation, type RuleViolation } from '../rule-violation';
import { committeeOf, countyOf, moveTo, notify, record, secretaryOf, trimmed, type Draft } from './draft';
import { reopenProblems, returnToRemediation } from './remediation';


function failedChecks(checks: AcceptanceChecks): string[] {
  return (Object.keys(ACCEPTANCE_CHECK_LABELS) as (keyof AcceptanceChecks)[]).filter((key) => checks[key] !== true).map((key) => ACCEPTANCE_CHECK_LABELS[key]);
}

function assertOpinion(opinion: string): void {
  if (trimmed(opinion).length === 0) {
    throw violation('reason_required', '请填写验收意见', 'an acceptance needs a written opinion', { field: 'opinion' });
  }
}

export interface UnresolvedProblem {
  problemId: string;
  reason: string;
}

function fail(draft: Draft, level: AcceptanceRecord['level'], failures: string[], unresolved: readonly UnresolvedProblem[]): void {
  const label = level === 'preliminary' ? '初验' : '县级验收';
  returnToRemediation(draft, `${label}未通过：${failures.join('；')}`);
  notify(draft, 'acceptance_failed', [secretaryOf(draft.state), committeeOf(draft.state)], `${label}未通过，限期整改`, failures.join('；'));
  reopenProblems(draft, unresolved, level === 'preliminary' ? 'preliminary_acceptance' : 'county_acceptance');
}

/** A passing acceptance names no problem as unresolved. */
function assertNoneUnresolved(unresolved: readonly UnresolvedProblem[]): void {
  if (unresolved.length > 0) {
    throw violation('invalid_input', '验收通过时不应列出未整改到位的问题', 'a passing acceptance names no unresolved problems', { field: 'unresolvedProblems' });
  }
}

/** What an acceptance finds wanting: the checks not met and, for 县级验收, the satisfaction rate. */
export function acceptanceFailures(state: CaseState, level: AcceptanceRecord['level'], checks: AcceptanceChecks, survey?: { respondents: number; satisfied: number }): string[] {
  const failures = failedChecks(checks);
  if (level === 'preliminary') return failures;
  const rate = satisfactionRate(state.satisfaction, survey);
  const threshold = state.policy.satisfactionThreshold;
  if (rate === undefined) failures.push('群众满意度：尚无测评数据');
  else if (rate < threshold) failures.push(`群众满意度 ${(rate * 100).toFixed(1)}% 低于 ${(threshold * 100).toFixed(0)}%`);
  return failures;
}

/**
 * 限期整改 names its problems (admission, not replayed): an acceptance that fails names at least one
 * problem that is not resolved, with the reason.
 */
export function unresolvedProblemsMissing(state: CaseState, failing: boolean, unresolved: readonly UnresolvedProblem[] | undefined): RuleViolation | undefined {
  if (!failing || (unresolved ?? []).length > 0) return undefined;
  return violation(
    'unresolved_problems_required',
    '未通过时须指出哪些问题未整改到位、原因是什么，以便支部针对性补充措施（限期整改）',
    'a failed acceptance names the problems that are not resolved, with reasons',
    { field: 'unresolvedProblems', problemIds: state.problems.filter((problem) => problem.round === state.round).map((problem) => problem.id) },
  );
}

export function recordPreliminaryAcceptance(draft: Draft, checks: AcceptanceChecks, opinion: string, unresolved: readonly UnresolvedProblem[] = []): AcceptanceRecord {
  assertOpinion(opinion);
  const failures = failedChecks(checks);
  const result: AcceptanceRecord = {
    level: 'preliminary',
    at: draft.now,
    by: draft.actor,
    checks,
    opinion: trimmed(opinion),
    passed: failures.length === 0,
    failedChecks: failures,
  };
  draft.state.acceptances.push(result);
  record(draft, 'preliminary_acceptance_recorded', `初验${result.passed ? '通过' : '未通过'}：${result.opinion}`);
  if (result.passed) {
    assertNoneUnresolved(unresolved);
    moveTo(draft, 'county_acceptance', '初验通过');
  } else fail(draft, 'preliminary', failures, unresolved);
  return result;
}

export function recordCountyAcceptance(
  draft: Draft,
  checks: AcceptanceChecks,
  opinion: string,
  survey?: { respondents: number; satisfied: number },
  unresolved: readonly UnresolvedProblem[] = [],
): AcceptanceRecord {
  const { state } = draft;
  assertOpinion(opinion);
  if (survey && (!Number.isInteger(survey.respondents) || !Number.isInteger(survey.satisfied) || survey.satisfied < 0 || survey.satisfied > survey.respondents)) {
    throw violation('invalid_input', '满意度测评人数不合理', 'survey counts are inconsistent', { field: 'survey' });
  }
  const rate = satisfactionRate(state.satisfaction, survey);
  const failures = acceptanceFailures(state, 'county', checks, survey);
  const result: AcceptanceRecord = {
    level: 'county',
    at: draft.now,
    by: draft.actor,
    checks,
    opinion: trimmed(opinion),
    ...(rate === undefined ? {} : { satisfactionRate: rate }),
    passed: failures.length === 0,
    failedChecks: failures,
  };
  state.acceptances.push(result);
  record(draft, 'county_acceptance_recorded', `县级验收${result.passed ? '通过' : '未通过'}：${result.opinion}`);
  if (!result.passed) {
    fail(draft, 'county', failures, unresolved);
    return result;
  }
  assertNoneUnresolved(unresolved);
  state.deadlines.reviewDueAt = draft.due.reviewDelay;
  moveTo(draft, 'delisted', '验收合格，销号（转化提升）');
  notify(draft, 'delisted', [secretaryOf(state), committeeOf(state), countyOf(state)], '验收合格，予以销号', `回头看定于 ${chinaDate(draft.due.reviewDelay)} 前后进行。`);
  return result;
}
