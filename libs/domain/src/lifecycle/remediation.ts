/** Stage 4 (整顿实施): measures carried out with evidence, progress reported, explanations given. */
import type { MeasureDraft } from '../actions';
import { currentMeasures, type ActorRef } from '../case-state';
import { violation } from '../rule-violation';
import { committeeOf, moveTo, notify, record, trimmed, type Draft } from './draft';
import { assertValidMeasures, toMeasures } from './planning';

export function addMeasures(draft: Draft, measures: MeasureDraft[]): void {
  assertValidMeasures(draft, measures, false);
  const added = toMeasures(draft.state, measures);
  draft.state.measures.push(...added);
  record(draft, 'measures_added', `增补整改措施${added.length}条`);
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

export function completeMeasure(draft: Draft, measureId: string, evidence: string): void {
  const { state } = draft;
  const measure = currentMeasures(state).find((m) => m.id === measureId);
  if (!measure) {
    throw violation('unknown_measure', `整改措施 ${measureId} 不存在`, `no measure ${measureId} in this round`, { field: 'measureId' });
  }
  if (measure.status === 'done') {
    throw violation('measure_already_done', '该措施已销项', 'this measure is already done', { field: 'measureId' });
  }
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
    throw violation(
      'measures_incomplete',
      `还有${pending.length}条整改措施未销项，不能启动结果公示`,
      `${pending.length} measures are not done yet`,
      { pendingMeasureIds: pending.map((measure) => measure.id) },
    );
  }
  state.publicity = { round: state.round, startedAt: draft.now, endsAt: draft.due.publicityPeriod, periodEnded: false };
  state.deadlines.rectificationDueAt = undefined;
  state.deadlines.nextReportDueAt = undefined;
  moveTo(draft, 'publicizing');
  record(draft, 'publicity_started', `整顿结果公示至 ${draft.due.publicityPeriod}`);
  notify(draft, 'publicity_started', [committeeOf(state)], '整顿结果开始公示', `公示期至 ${draft.due.publicityPeriod}，期间收到的异议须逐件处理。`);
}

/** 限期整改: back to remediation with a new deadline; the history of the failed step is kept. */
export function returnToRemediation(draft: Draft, reason: string): void {
  const { state } = draft;
  state.deadlines.rectificationDueAt = draft.due.rectificationPeriod;
  state.deadlines.nextReportDueAt = draft.due.reportCadence;
  state.publicity = undefined;
  moveTo(draft, 'remediating', reason);
  record(draft, 'rectification_deadline_set', `限期整改至 ${draft.due.rectificationPeriod}`);
}
