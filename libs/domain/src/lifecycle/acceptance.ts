/** Stage 6 (验收): preliminary acceptance by the committee (初验), then county acceptance and 销号. */
import { chinaDate } from '../china-time';
import type { AcceptanceChecks } from '../actions';
import { assessmentRates, satisfactionRate, type AcceptanceRecord, type Assessment, type CaseState } from '../case-state';
import { assessmentRulesOf } from '../policy';
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

/** Whether 县级验收 is judged on the recorded 测评 (cases since the assessment patch). */
export function judgesOnAssessment(state: Pick<CaseState, 'acceptanceBasis'>): boolean {
  return state.acceptanceBasis === 'assessment';
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * What an acceptance finds wanting: the checks not met and, for 县级验收, the 测评's 满意率 and 知晓率
 * against the campaign's thresholds (before the assessment patch: public ratings and the survey).
 */
export function acceptanceFailures(
  state: CaseState,
  level: AcceptanceRecord['level'],
  checks: AcceptanceChecks,
  survey?: { respondents: number; satisfied: number },
  assessment?: Assessment,
): string[] {
  const failures = failedChecks(checks);
  if (level === 'preliminary') return failures;
  if (judgesOnAssessment(state)) {
    if (!assessment) return [...failures, '尚无测评'];
    const rules = assessmentRulesOf(state.policy);
    const rates = assessmentRates(assessment);
    if (rates.satisfaction < rules.satisfaction) failures.push(`测评满意率 ${percent(rates.satisfaction)} 低于本批次要求 ${percent(rules.satisfaction)}`);
    if (rates.awareness < rules.awareness) failures.push(`群众知晓率 ${percent(rates.awareness)} 低于本批次要求 ${percent(rules.awareness)}`);
    return failures;
  }
  const rate = satisfactionRate(state.satisfaction, survey);
  const threshold = state.policy.satisfactionThreshold;
  if (rate === undefined) failures.push('群众满意度：尚无测评数据');
  else if (rate < threshold) failures.push(`群众满意度 ${(rate * 100).toFixed(1)}% 低于 ${(threshold * 100).toFixed(0)}%`);
  return failures;
}

/** Refuses a 测评 whose counts cannot be, beyond the campaign's ceiling, or held in the future. */
export function assertValidAssessment(draft: Draft, assessment: Assessment): void {
  const { respondents, satisfied, basicallySatisfied, dissatisfied, aware } = assessment;
  const answered = satisfied + basicallySatisfied + dissatisfied;
  const { maxRespondents } = assessmentRulesOf(draft.state.policy);
  const refuse = (zh: string, en: string, field: string) => {
    throw violation('invalid_assessment', zh, en, { field: `assessment.${field}` });
  };
  if (respondents > maxRespondents) refuse(`参加测评人数（${respondents}）超过本批次上限 ${maxRespondents} 人，请核对`, `respondents ${respondents} exceed the campaign's ceiling ${maxRespondents}`, 'respondents');
  if (answered > respondents) {
    refuse(`满意、基本满意、不满意人数之和（${answered}）超过参加测评人数（${respondents}）`, `satisfied + basically satisfied + dissatisfied (${answered}) exceed the respondents (${respondents})`, 'satisfied');
  }
  if (aware > respondents) refuse(`知晓人数（${aware}）超过参加测评人数（${respondents}）`, `aware (${aware}) exceed the respondents (${respondents})`, 'aware');
  if (Date.parse(assessment.heldAt) > Date.parse(draft.now)) refuse('测评日期不能晚于今天', 'the assessment cannot be held in the future', 'heldAt');
}

/** The 测评 as recorded: trimmed, its date normalized, with its rates beside the public ratings' signal. */
function assessed(draft: Draft, assessment: Assessment | undefined): Pick<AcceptanceRecord, 'assessment' | 'satisfactionRate' | 'awarenessRate' | 'publicRatingRate'> {
  if (!assessment) return {};
  assertValidAssessment(draft, assessment);
  const rates = assessmentRates(assessment);
  const publicRate = satisfactionRate(draft.state.satisfaction);
  return {
    assessment: { ...assessment, heldAt: new Date(assessment.heldAt).toISOString(), participants: trimmed(assessment.participants) },
    satisfactionRate: rates.satisfaction,
    awarenessRate: rates.awareness,
    ...(publicRate === undefined ? {} : { publicRatingRate: publicRate }),
  };
}

/**
 * 县级验收 on a case judged on the 测评 needs one, and takes no survey (admission, not replayed: the
 * county is told what to record rather than failing the case for a missing form).
 */
export function assessmentMissing(state: CaseState, body: { survey?: unknown; assessment?: unknown }): RuleViolation | undefined {
  if (!judgesOnAssessment(state)) return undefined;
  if (body.survey !== undefined) {
    return violation('assessment_required', '本整顿对象按测评验收：请录入测评（满意度与知晓率），不再使用满意度调查（survey）', 'this case is accepted on its assessment: send `assessment`, not `survey`', { field: 'survey' });
  }
  if (body.assessment === undefined) {
    return violation('assessment_required', '县级验收须录入测评结果：参加人员、人数、满意与知晓人数', 'county acceptance needs the assessment held for it', { field: 'assessment' });
  }
  return undefined;
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

export function recordPreliminaryAcceptance(
  draft: Draft,
  checks: AcceptanceChecks,
  opinion: string,
  unresolved: readonly UnresolvedProblem[] = [],
  assessment?: Assessment,
): AcceptanceRecord {
  assertOpinion(opinion);
  const failures = failedChecks(checks);
  const result: AcceptanceRecord = {
    level: 'preliminary',
    at: draft.now,
    by: draft.actor,
    checks,
    opinion: trimmed(opinion),
    ...assessed(draft, assessment),
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
  assessment?: Assessment,
): AcceptanceRecord {
  const { state } = draft;
  assertOpinion(opinion);
  if (judgesOnAssessment(state)) return recordAssessedCountyAcceptance(draft, checks, opinion, unresolved, assessment);
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
  delist(draft, unresolved);
  return result;
}

/** 县级验收 judged on the 测评 (cases since the assessment patch): public ratings are recorded beside it, as a signal. */
function recordAssessedCountyAcceptance(draft: Draft, checks: AcceptanceChecks, opinion: string, unresolved: readonly UnresolvedProblem[], assessment?: Assessment): AcceptanceRecord {
  const { state } = draft;
  const measured = assessed(draft, assessment);
  const failures = acceptanceFailures(state, 'county', checks, undefined, assessment);
  const result: AcceptanceRecord = { level: 'county', at: draft.now, by: draft.actor, checks, opinion: trimmed(opinion), ...measured, passed: failures.length === 0, failedChecks: failures };
  state.acceptances.push(result);
  const rates = measured.assessment ? `（测评满意率 ${percent(measured.satisfactionRate!)}，知晓率 ${percent(measured.awarenessRate!)}）` : '';
  record(draft, 'county_acceptance_recorded', `县级验收${result.passed ? '通过' : '未通过'}${rates}：${result.opinion}`);
  if (result.passed) delist(draft, unresolved);
  else fail(draft, 'county', failures, unresolved);
  return result;
}

function delist(draft: Draft, unresolved: readonly UnresolvedProblem[]): void {
  const { state } = draft;
  assertNoneUnresolved(unresolved);
  state.deadlines.reviewDueAt = draft.due.reviewDelay;
  moveTo(draft, 'delisted', '验收合格，销号（转化提升）');
  notify(draft, 'delisted', [secretaryOf(state), committeeOf(state), countyOf(state)], '验收合格，予以销号', `回头看定于 ${chinaDate(draft.due.reviewDelay)} 前后进行。`);
}
