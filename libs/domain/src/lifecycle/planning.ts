/** Stage 3 (整顿方案): one plan per organization (一村一策), drafted, approved or returned, publicized. */
import type { MeasureDraft, RootCauseDraft } from '../actions';
import { measureDueLimit, openProblems, reelectionDateFor, type CaseState, type Measure } from '../case-state';
import { chinaDate } from '../china-time';
import { violation } from '../rule-violation';
import { assertTeamComplete } from '../team';
import { committeeOf, moveTo, notify, record, secretaryOf, teamRecipients, trimmed, type Draft } from './draft';

export interface PlanIssue {
  field: string;
  messageZh: string;
  messageEn: string;
}

/** Shortest description that still says what will be done: "假大空" plans are the failure (County speech). */
export const MIN_MEASURE_LENGTH = 4;

function normalized(text: string): string {
  return text.replace(/[\s，。、；,.;!！]/g, '').toLowerCase();
}

/**
 * Checks measures against the case's open problems: every problem has at least one measure with an
 * owner and a due date before the campaign's end; no empty or duplicate measures.
 */
export function planIssues(
  state: Pick<CaseState, 'problems' | 'campaign' | 'deadlines' | 'measures' | 'round'> & Partial<CaseState>,
  measures: readonly MeasureDraft[],
  now: string,
  options: { requireEveryProblem: boolean } = { requireEveryProblem: true },
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const problemIds = new Set(state.problems.map((problem) => problem.id));
  const seen = new Set<string>();
  const limit = measureDueLimit(state);
  const limitPassed = Date.parse(limit.at) <= Date.parse(now);
  let limitPassedSaid = false;
  // 换届前整顿到位 (seed 002): a village's measures are due before its committees' re-election.
  const reelectionAt = state.org?.domain === 'rural' ? reelectionDateFor(state.campaign, state.org.township) : undefined;
  measures.forEach((measure, index) => {
    const at = `measures[${index}]`;
    const n = index + 1;
    if (!problemIds.has(measure.problemId)) {
      issues.push({ field: `${at}.problemId`, messageZh: `第${n}条措施对应的问题不存在`, messageEn: `measure ${n} names an unknown problem` });
    }
    const description = trimmed(measure.description);
    if (description.length < MIN_MEASURE_LENGTH) {
      issues.push({
        field: `${at}.description`,
        messageZh: `第${n}条措施内容为空或过于简单，请写明具体做什么`,
        messageEn: `measure ${n} is empty or too vague`,
      });
    }
    if (trimmed(measure.ownerId).length === 0 || trimmed(measure.ownerName).length === 0) {
      issues.push({ field: `${at}.owner`, messageZh: `第${n}条措施未明确责任人`, messageEn: `measure ${n} has no responsible person` });
    }
    const due = Date.parse(measure.dueAt);
    if (!Number.isFinite(due)) {
      issues.push({ field: `${at}.dueAt`, messageZh: `第${n}条措施未明确完成时限`, messageEn: `measure ${n} has no valid due date` });
    } else if (due <= Date.parse(now)) {
      issues.push({ field: `${at}.dueAt`, messageZh: `第${n}条措施的完成时限已过`, messageEn: `measure ${n} is due in the past` });
    } else if (due > Date.parse(limit.at)) {
      if (!(limitPassed && limitPassedSaid)) issues.push(
        limitPassed
          ? {
              // After the campaign's end with no deadline set yet: say (once) who opens the way, not just "too late".
              field: `${at}.dueAt`,
              messageZh: `本轮整顿已于 ${chinaDate(limit.at)} 截止，须由县委组织部设定整改期限后，措施按该期限制定`,
              messageEn: `the campaign ended on ${limit.at.slice(0, 10)}: the county department must set a rectification deadline for measures to be due by`,
            }
          : limit.source === 'campaign_end'
            ? { field: `${at}.dueAt`, messageZh: `第${n}条措施的完成时限晚于本轮整顿截止日期`, messageEn: `measure ${n} is due after the campaign's end date` }
            : {
                field: `${at}.dueAt`,
                messageZh: `第${n}条措施的完成时限晚于整改期限（${chinaDate(limit.at)}）`,
                messageEn: `measure ${n} is due after the rectification deadline ${limit.at.slice(0, 10)}`,
              },
      );
      limitPassedSaid ||= limitPassed;
    } else if (reelectionAt && due > Date.parse(reelectionAt)) {
      issues.push({
        field: `${at}.dueAt`,
        messageZh: `第${n}条措施的完成时限晚于村“两委”换届日期（${chinaDate(reelectionAt)}），须换届前整顿到位`,
        messageEn: `measure ${n} is due after the village committees' re-election on ${reelectionAt.slice(0, 10)}: rectification must be done before it`,
      });
    }
    const key = `${measure.problemId}|${normalized(description)}`;
    if (description.length > 0 && seen.has(key)) {
      issues.push({ field: `${at}.description`, messageZh: `第${n}条措施与前面的措施重复`, messageEn: `measure ${n} duplicates an earlier one` });
    }
    seen.add(key);
  });
  if (options.requireEveryProblem) {
    const covered = new Set(measures.map((measure) => measure.problemId));
    for (const problem of state.problems) {
      if (isOpenInRound(state, problem.id) && !covered.has(problem.id)) {
        issues.push({
          field: 'measures',
          messageZh: `问题“${problem.description}”没有对应的整改措施`,
          messageEn: `problem ${problem.id} has no measure`,
        });
      }
    }
  }
  if (measures.length === 0) {
    issues.push({ field: 'measures', messageZh: '整顿方案没有任何措施', messageEn: 'the plan has no measures' });
  }
  return issues;
}

function isOpenInRound(state: Pick<CaseState, 'problems' | 'round'>, problemId: string): boolean {
  const problem = state.problems.find((p) => p.id === problemId);
  return !!problem && problem.round === state.round;
}

export function assertValidMeasures(draft: Draft, measures: readonly MeasureDraft[], requireEveryProblem: boolean): void {
  const issues = planIssues(draft.state, measures, draft.now, { requireEveryProblem });
  if (issues.length > 0) {
    throw violation(
      'invalid_plan',
      `整顿方案不符合要求：${issues.map((issue) => issue.messageZh).join('；')}`,
      `invalid plan: ${issues.map((issue) => issue.messageEn).join('; ')}`,
      { issues },
    );
  }
}

export function toMeasures(state: CaseState, measures: readonly MeasureDraft[]): Measure[] {
  const start = state.measures.reduce((max, measure) => Math.max(max, Number(measure.id.slice(1))), 0);
  return measures.map((measure, index) => ({
    id: `m${start + index + 1}`,
    problemId: measure.problemId,
    description: trimmed(measure.description),
    ownerId: trimmed(measure.ownerId),
    ownerName: trimmed(measure.ownerName),
    dueAt: new Date(Date.parse(measure.dueAt)).toISOString(),
    round: state.round,
    status: 'pending',
  }));
}

/**
 * 深挖问题根源 (seed 000): the plan says why each problem arose. Checked in full before anything is
 * written; a problem the plan does not mention keeps the cause an earlier version gave.
 */
function setRootCauses(draft: Draft, rootCauses: readonly RootCauseDraft[]): void {
  const causes = rootCauses.map((entry, index) => {
    const problem = draft.state.problems.find((candidate) => candidate.id === entry.problemId);
    if (!problem) {
      throw violation('unknown_problem', `问题根源对应的问题不存在：${entry.problemId}`, `root cause ${index + 1} names an unknown problem ${entry.problemId}`, {
        field: `rootCauses[${index}].problemId`,
      });
    }
    const cause = trimmed(entry.cause);
    if (cause.length === 0) {
      throw violation('reason_required', `问题“${problem.description}”的问题根源为空，请写明或删去该条`, `root cause ${index + 1} is blank`, {
        field: `rootCauses[${index}].cause`,
      });
    }
    return { problem, cause };
  });
  for (const { problem, cause } of causes) problem.rootCause = cause;
}

export function submitPlan(draft: Draft, measures: MeasureDraft[], rootCauses: readonly RootCauseDraft[] = []): void {
  const { state } = draft;
  assertTeamComplete(state.org, state.team);
  if (state.plan.status === 'submitted') {
    throw violation('wrong_stage', '整顿方案已提交，正在等待审批', 'the plan is already submitted and awaits approval');
  }
  assertValidMeasures(draft, measures, true);
  setRootCauses(draft, rootCauses);
  // A resubmitted plan replaces the measures of this round's earlier draft.
  state.measures = state.measures.filter((measure) => measure.round !== state.round);
  state.measures.push(...toMeasures(state, measures));
  state.plan = { ...state.plan, version: state.plan.version + 1, status: 'submitted', submittedAt: draft.now };
  if (state.stage === 'assigned') moveTo(draft, 'planning');
  record(draft, 'plan_submitted', `提交整顿方案（第${state.plan.version}版），措施${measures.length}条`);
  notify(draft, 'plan_submitted', [committeeOf(state)], '整顿方案待审批', `第${state.plan.version}版整顿方案已提交，请审批。`);
}

export function returnPlan(draft: Draft, reasons: string[]): void {
  const { state } = draft;
  const given = reasons.map(trimmed).filter((reason) => reason.length > 0);
  if (given.length === 0) {
    throw violation('reason_required', '退回整顿方案须写明理由', 'returning a plan needs a reason', { field: 'reasons' });
  }
  if (state.plan.status !== 'submitted') {
    throw violation('wrong_stage', '没有待审批的整顿方案', 'there is no submitted plan to return');
  }
  state.plan = { ...state.plan, status: 'returned', returnReasons: given };
  record(draft, 'plan_returned', `退回整顿方案：${given.join('；')}`);
  notify(draft, 'plan_returned', [secretaryOf(state)], '整顿方案被退回', `退回理由：${given.join('；')}。请修改后重新提交。`);
}

export function approvePlan(draft: Draft, comment?: string): void {
  const { state } = draft;
  if (state.plan.status !== 'submitted') {
    throw violation('wrong_stage', '没有待审批的整顿方案', 'there is no submitted plan to approve');
  }
  assertTeamComplete(state.org, state.team);
  state.plan = { ...state.plan, status: 'approved', approvedAt: draft.now, publicizedAt: draft.now, returnReasons: [] };
  state.deadlines.planDueAt = undefined;
  state.deadlines.nextReportDueAt = draft.due.reportCadence;
  moveTo(draft, 'remediating', comment ? trimmed(comment) : undefined);
  record(draft, 'plan_publicized', '整顿方案审批通过并在本单位公开');
  notify(
    draft,
    'plan_approved',
    [secretaryOf(state), ...teamRecipients(state)],
    '整顿方案已审批通过',
    `整顿方案已通过审批并公开，请按措施和时限抓好落实。待整改问题${openProblems(state).length}个。`,
  );
}
