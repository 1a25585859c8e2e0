/** Stage 4 (整顿实施): measures carried out with evidence, progress reported, explanations given. */
import { chinaTime } from '../china-time';
import type { MeasureDraft } from '../actions';
import { currentMeasures, measureDueLimit, problemsAwaitingAmendment, verifiesMeasures, type ActorRef, type CaseState, type Measure } from '../case-state';
import type { ProblemInput, ReopeningSource } from '../problems';
import { addPlainPeriod, verificationPeriodOf } from '../policy';
import { violation, type RuleViolation } from '../rule-violation';
import { committeeOf, moveTo, notify, record, secretaryOf, trimmed, type Draft } from './draft';
import { assertValidMeasures, toMeasures } from './planning';

export function addMeasures(draft: Draft, measures: MeasureDraft[]): void {
  const { state, actor } = draft;
  assertValidMeasures(draft, measures, false);
  const added = toMeasures(state, measures);
  // 补充措施 for a problem in 限期整改: the committee's own count as approved; the branch's wait for it.
  const byCommittee = actor.role === 'township_committee';
  for (const measure of added) {
    const reopened = state.problems.find((problem) => problem.id === measure.problemId && problem.reopened && !problem.reopened.amendedAt)?.reopened;
    if (!reopened) continue;
    reopened.measureIds.push(measure.id);
    if (byCommittee) reopened.amendedAt = draft.now;
    else measure.awaitsApproval = true;
  }
  state.measures.push(...added);
  record(draft, 'measures_added', `增补整改措施${added.length}条`);
  if (added.some((measure) => measure.awaitsApproval)) {
    notify(draft, 'measures_added', [committeeOf(state)], '限期整改补充措施待批准', added.filter((m) => m.awaitsApproval).map((m) => m.description).join('；'));
  }
}

/**
 * 限期整改: the problems a failed 初验 or 验收, or an upheld objection, names as not resolved open again;
 * each needs new measures the committee approves before publicity can start again.
 */
export function reopenProblems(draft: Draft, unresolved: readonly { problemId: string; reason: string }[], source: ReopeningSource): void {
  const { state } = draft;
  const current = new Map(state.problems.filter((problem) => problem.round === state.round).map((problem) => [problem.id, problem] as const));
  for (const { problemId, reason } of unresolved) {
    if (!current.has(problemId)) {
      throw violation('unknown_problem', `本轮整顿没有问题 ${problemId}`, `no problem ${problemId} in this round`, { field: 'unresolvedProblems', problemId });
    }
    if (trimmed(reason).length === 0) {
      throw violation('reason_required', '请写明每个问题未整改到位的原因', 'each problem named needs a reason', { field: 'unresolvedProblems', problemId });
    }
  }
  if (unresolved.length === 0) return;
  const named = [...new Map(unresolved.map((item) => [item.problemId, item] as const)).values()];
  for (const { problemId, reason } of named) current.get(problemId)!.reopened = { at: draft.now, by: draft.actor, source, reason: trimmed(reason), measureIds: [] };
  const listed = named.map(({ problemId, reason }) => `${current.get(problemId)!.description}（${trimmed(reason)}）`).join('；');
  record(draft, 'problems_reopened', `限期整改的问题${named.length}个：${listed}`);
  notify(draft, 'problems_reopened', [secretaryOf(state)], '限期整改：请针对以下问题补充整改措施', `${listed}。补充措施经乡镇党委批准并落实后，方可重新公示。`);
}

/** A problem found during the round (an upheld objection's), numbered after the case's others. */
export function addProblem(draft: Draft, input: ProblemInput): string {
  const id = `p${draft.state.problems.length + 1}`;
  draft.state.problems.push({ id, category: input.category, description: trimmed(input.description), round: draft.state.round });
  return id;
}

/** 批准补充措施: the township committee approves the measures the branch added for reopened problems. */
export function approveMeasures(draft: Draft, comment: string): void {
  const { state } = draft;
  const waiting = state.measures.filter((measure) => measure.awaitsApproval);
  if (waiting.length === 0) {
    throw violation('nothing_to_approve', '没有待批准的补充措施', 'no added measures await approval');
  }
  if (trimmed(comment).length === 0) throw violation('reason_required', '请填写审批意见', 'an approval needs a comment', { field: 'comment' });
  for (const measure of waiting) delete measure.awaitsApproval;
  for (const problem of state.problems) {
    if (problem.reopened && !problem.reopened.amendedAt && problem.reopened.measureIds.length > 0) problem.reopened.amendedAt = draft.now;
  }
  record(draft, 'measures_approved', `批准补充整改措施${waiting.length}条：${trimmed(comment)}`);
  notify(draft, 'measures_approved', [secretaryOf(state)], '补充整改措施已批准', `${waiting.map((m) => m.description).join('；')}。${trimmed(comment)}`);
}

/** Refuses to start publicity again while a reopened problem has no approved new measure. */
export function amendmentMissing(state: CaseState): RuleViolation | undefined {
  const missing = problemsAwaitingAmendment(state);
  if (missing.length === 0) return undefined;
  return violation(
    'amendment_required',
    `限期整改的问题尚未补充经批准的整改措施，不能重新公示：${missing.map((problem) => problem.description).join('；')}`,
    `reopened problems without approved new measures: ${missing.map((problem) => problem.id).join(', ')}`,
    { problemIds: missing.map((problem) => problem.id) },
  );
}

/** Only the measure's owner, the branch secretary or a leader on the team may close a measure. */
function assertMayCloseMeasure(draft: Draft, ownerId: string): void {
  const { state, actor } = draft;
  const isOwner = actor.userId === ownerId;
  const isSecretary = actor.role === 'branch_secretary' && actor.userId === state.org.secretary.personId;
  const isTeamMember = actor.role === 'assigned_leader' && state.team.some((member) => member.personId === actor.userId);
  if (!isOwner && !isSecretary && !isTeamMember) {
    throw violation('wrong_person', '只有措施责任人、支部书记或包抓责任人可以销项', 'only the owner, the branch secretary or an assigned leader may close this measure');
  }
}

function measureOf(draft: Draft, measureId: string): Measure {
  const measure = currentMeasures(draft.state).find((m) => m.id === measureId);
  if (!measure) {
    throw violation('unknown_measure', `整改措施 ${measureId} 不存在`, `no measure ${measureId} in this round`, { field: 'measureId' });
  }
  if (measure.status === 'done') {
    throw violation('measure_already_done', '该措施已销项', 'this measure is already done', { field: 'measureId' });
  }
  return measure;
}

export function completeMeasure(draft: Draft, measureId: string, evidence: string): void {
  const { state } = draft;
  if (verifiesMeasures(state)) {
    throw violation(
      'measure_needs_verification',
      '本整顿对象的措施须由支部报告完成、经乡镇党委核验后方可销项',
      'on this case a measure is done only when the branch has reported it and the township committee has verified it',
      { field: 'measureId' },
    );
  }
  const measure = measureOf(draft, measureId);
  assertMayCloseMeasure(draft, measure.ownerId);
  if (trimmed(evidence).length === 0) {
    throw violation('invalid_input', '销项须附整改成效说明', 'closing a measure needs evidence of what was done', { field: 'evidence' });
  }
  measure.status = 'done';
  measure.completedAt = draft.now;
  measure.completedBy = draft.actor;
  measure.evidence = trimmed(evidence);
  record(draft, 'measure_completed', `措施销项：${measure.description}`);
}

/**
 * The branch reports a measure done, with evidence (报告完成): it waits for the township committee's
 * verification, due within the policy's verification period. Not done until verified
 * (不能把说了当成做了、把做了当成做好了, 002). The branch secretary reports any measure; a leader on the
 * team only one they own.
 */
export function reportMeasureDone(draft: Draft, measureId: string, evidence: string): void {
  const { state, actor } = draft;
  if (!verifiesMeasures(state)) {
    throw violation('measure_verification_not_used', '本整顿对象的措施按原方式销项，无需报告核验', 'this case completes measures without verification');
  }
  const measure = measureOf(draft, measureId);
  if (measure.status === 'reported') {
    throw violation('measure_already_reported', '该措施已报告完成，正等待乡镇党委核验', 'this measure is already reported and awaits verification', { field: 'measureId' });
  }
  const isSecretary = actor.role === 'branch_secretary' && actor.userId === state.org.secretary.personId;
  if (!isSecretary && actor.userId !== measure.ownerId) {
    throw violation('wrong_person', '只有支部书记或该措施的责任人可以报告完成', 'only the branch secretary or the measure’s owner may report it done', { field: 'measureId' });
  }
  if (trimmed(evidence).length === 0) {
    throw violation('invalid_input', '报告完成须附整改成效说明', 'a report needs evidence of what was done', { field: 'evidence' });
  }
  const verifyDueAt = addPlainPeriod(draft.now, verificationPeriodOf(state.policy));
  measure.status = 'reported';
  measure.report = { at: draft.now, by: draft.actor, evidence: trimmed(evidence), verifyDueAt };
  record(draft, 'measure_reported', `报告措施完成，待乡镇党委核验：${measure.description}`);
  notify(draft, 'measure_reported', [committeeOf(state)], '整改措施已报告完成，请核验', `${measure.description}。成效：${trimmed(evidence)}。请于 ${chinaTime(verifyDueAt)} 前核验。`);
}

/**
 * The township committee verifies a reported measure: accepted, it is done (销项); returned, it is
 * pending again with the reason and a new date within the campaign (and any 限期整改 deadline).
 */
export function verifyMeasure(draft: Draft, measureId: string, accepted: boolean, comment: string, newDueAt?: string): void {
  const { state } = draft;
  const measure = measureOf(draft, measureId);
  if (measure.status !== 'reported' || !measure.report) {
    throw violation('measure_not_reported', '该措施尚未报告完成，不能核验', 'this measure has not been reported done', { field: 'measureId' });
  }
  if (trimmed(comment).length === 0) {
    throw violation('reason_required', accepted ? '请写明核验意见' : '请写明退回理由', accepted ? 'a verification needs a comment' : 'a returned report needs a reason', { field: 'comment' });
  }
  if (accepted) {
    measure.status = 'done';
    measure.completedAt = draft.now;
    measure.completedBy = measure.report.by;
    measure.evidence = measure.report.evidence;
    measure.verified = { at: draft.now, by: draft.actor, comment: trimmed(comment) };
    record(draft, 'measure_verified', `核验通过，措施销项：${measure.description}`);
    return;
  }
  if (!newDueAt) {
    throw violation('invalid_input', '退回须给出新的完成时限', 'a returned report needs a new due date', { field: 'newDueAt' });
  }
  const { at: latest, source } = measureDueLimit(state);
  if (Date.parse(newDueAt) <= Date.parse(draft.now) || Date.parse(newDueAt) > Date.parse(latest)) {
    throw violation(
      'invalid_date',
      `新的完成时限须晚于现在，且不晚于${source === 'campaign_end' ? '整顿批次截止时间' : '整改期限'}（${chinaTime(latest)}）`,
      `the new due date must be after now and no later than ${latest}`,
      { field: 'newDueAt', latest },
    );
  }
  (measure.returns ??= []).push({ at: draft.now, by: draft.actor, evidence: measure.report.evidence, reason: trimmed(comment), newDueAt: new Date(newDueAt).toISOString() });
  measure.status = 'pending';
  measure.report = undefined;
  measure.dueAt = new Date(newDueAt).toISOString();
  record(draft, 'measure_returned', `核验未通过，退回整改：${measure.description}（${trimmed(comment)}），新的完成时限 ${chinaTime(measure.dueAt)}`);
  notify(draft, 'measure_returned', [secretaryOf(state)], '整改措施核验未通过，已退回', `${measure.description}：${trimmed(comment)}。请于 ${chinaTime(measure.dueAt)} 前完成并重新报告。`);
}

export function reportProgress(draft: Draft, summary: string): void {
  const { state } = draft;
  if (trimmed(summary).length === 0) {
    throw violation('invalid_input', '汇报内容不能为空', 'a progress report needs a summary', { field: 'summary' });
  }
  const by: ActorRef = draft.actor;
  state.reports.push({ at: draft.now, by, summary: trimmed(summary) });
  state.deadlines.nextReportDueAt = draft.due.reportCadence;
  record(draft, 'progress_reported', `汇报整顿进展：${trimmed(summary)}`);
  // A report is addressed to the county leader who leads the case (定期向联系县级领导汇报, County speech).
  // Only on cases of the proposals model: an older case's history schedules no notification here.
  const countyLeader = state.team.find((member) => member.teamRole === 'county_leader');
  if (countyLeader && state.escalation.model === 'proposals') {
    notify(draft, 'progress_reported', [{ kind: 'person', personId: countyLeader.personId, name: countyLeader.name }], `整顿进展汇报（${draft.actor.name}）`, trimmed(summary));
  }
}

export function submitExplanation(draft: Draft, dueItemKey: string, explanation: string): void {
  const { state } = draft;
  if (!state.escalation.records.some((r) => r.dueItemKey === dueItemKey && r.step === 'explanation_requested')) {
    throw violation('invalid_input', '该事项未被要求说明原因', 'no explanation was requested for this item', { field: 'dueItemKey' });
  }
  if (trimmed(explanation).length === 0) {
    throw violation('reason_required', '请写明逾期原因', 'the explanation is empty', { field: 'explanation' });
  }
  state.escalation.explanations.push({ dueItemKey, text: trimmed(explanation), at: draft.now, by: draft.actor });
  record(draft, 'explanation_submitted', `逾期说明：${trimmed(explanation)}`);
}

export function startPublicity(draft: Draft): void {
  const { state } = draft;
  const pending = currentMeasures(state).filter((measure) => measure.status !== 'done');
  if (pending.length > 0) {
    const unverified = verifiesMeasures(state) ? '未经核验销项' : '未销项';
    throw violation(
      'measures_incomplete',
      `还有${pending.length}条整改措施${unverified}，不能启动结果公示`,
      `${pending.length} measures are not done yet`,
      { pendingMeasureIds: pending.map((measure) => measure.id) },
    );
  }
  state.publicity = { round: state.round, startedAt: draft.now, endsAt: draft.due.publicityPeriod, periodEnded: false };
  state.deadlines.rectificationDueAt = undefined;
  state.deadlines.nextReportDueAt = undefined;
  moveTo(draft, 'publicizing');
  record(draft, 'publicity_started', `整顿结果公示至 ${chinaTime(draft.due.publicityPeriod)}`);
  notify(draft, 'publicity_started', [committeeOf(state)], '整顿结果开始公示', `公示期至 ${chinaTime(draft.due.publicityPeriod)}，期间收到的异议须逐件处理。`);
}

/** 限期整改: back to remediation with a new deadline; the history of the failed step is kept. */
export function returnToRemediation(draft: Draft, reason: string): void {
  const { state } = draft;
  state.deadlines.rectificationDueAt = draft.due.rectificationPeriod;
  state.deadlines.nextReportDueAt = draft.due.reportCadence;
  state.publicity = undefined;
  moveTo(draft, 'remediating', reason);
  record(draft, 'rectification_deadline_set', `限期整改至 ${chinaTime(draft.due.rectificationPeriod)}`);
}
