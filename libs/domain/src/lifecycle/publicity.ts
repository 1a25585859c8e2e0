/** Stage 5 (结果公示): the outcome is publicized; every objection is dealt with before it ends. */
import type { SatisfactionLevel } from '../actions';
import { SATISFACTION_LABELS } from '../case-state';
import { violation } from '../rule-violation';
import { committeeOf, moveTo, notify, record, trimmed, type Draft } from './draft';
import type { ProblemInput } from '../problems';
import { judgesOnAssessment } from './acceptance';
import { assertValidProblems } from './identification';
import { addProblem, reopenProblems, returnToRemediation } from './remediation';

/** How many rating ids a case judged on its 测评 keeps to recognise a retried signal. */
export const RATING_IDS_KEPT = 200;

/** Longest objection text kept; the public form says so. */
export const MAX_OBJECTION_LENGTH = 2000;

/**
 * Open objections the public may have on one case: from one address, and in all. Checked by the API
 * before it signals the case, so that a flood cannot grow the case's state without bound; the
 * committee answering them makes room again.
 */
export const OPEN_OBJECTIONS_LIMITS = { perSource: 3, perCase: 50 } as const;

/** A public objection (signal). Outside publicity it is not accepted; a repeated id counts once. */
export function receiveObjection(draft: Draft, objectionId: string, content: string): boolean {
  const { state } = draft;
  const text = trimmed(content).slice(0, MAX_OBJECTION_LENGTH);
  if (state.stage !== 'publicizing' || text.length === 0) return false;
  if (state.objections.some((objection) => objection.id === objectionId)) return false;
  state.objections.push({ id: objectionId, content: text, receivedAt: draft.now, status: 'open' });
  record(draft, 'objection_received', `收到群众异议：${text.slice(0, 60)}`);
  notify(draft, 'objection_received', [committeeOf(state)], '公示期收到群众异议', '请核实处理并书面答复。');
  return true;
}

/** Satisfaction is rated while results are publicized and until county acceptance. */
export function receiveRating(draft: Draft, ratingId: string, level: SatisfactionLevel): boolean {
  const { state } = draft;
  const open = ['publicizing', 'preliminary_acceptance', 'county_acceptance'].includes(state.stage);
  if (!open || state.satisfaction.ratingIds.includes(ratingId) || !(level in SATISFACTION_LABELS)) return false;
  state.satisfaction.ratingIds.push(ratingId);
  // Where ratings are only a signal (judged on the 测评), the ids kept are the latest few, enough to count a
  // retried signal once: a flood of ratings must not grow the case's state without bound.
  if (judgesOnAssessment(state) && state.satisfaction.ratingIds.length > RATING_IDS_KEPT) state.satisfaction.ratingIds.splice(0, state.satisfaction.ratingIds.length - RATING_IDS_KEPT);
  if (level === 'satisfied') state.satisfaction.satisfied += 1;
  else if (level === 'basically_satisfied') state.satisfaction.basicallySatisfied += 1;
  else state.satisfaction.dissatisfied += 1;
  state.updatedAt = draft.now;
  return true;
}

/** `problemId`: the problem an upheld objection shows not resolved; it is reopened (限期整改). */
export function resolveObjection(draft: Draft, objectionId: string, decision: 'upheld' | 'dismissed', reason: string, problemId?: string, newProblem?: ProblemInput): void {
  const { state } = draft;
  const objection = state.objections.find((o) => o.id === objectionId);
  if (!objection) {
    throw violation('unknown_objection', '该异议不存在', `no objection ${objectionId}`, { field: 'objectionId' });
  }
  if (objection.status !== 'open') {
    throw violation('objection_already_resolved', '该异议已处理', 'this objection is already resolved', { field: 'objectionId' });
  }
  if (trimmed(reason).length === 0) {
    throw violation('reason_required', '处理异议须写明理由', 'resolving an objection needs a written reason', { field: 'reason' });
  }
  if ((problemId !== undefined || newProblem !== undefined) && decision !== 'upheld') {
    throw violation('invalid_input', '异议不成立时无需指出问题', 'a dismissed objection names no problem', { field: problemId !== undefined ? 'problemId' : 'newProblem' });
  }
  if (newProblem) assertValidProblems([newProblem]);
  Object.assign(objection, { status: decision, reason: trimmed(reason), resolvedAt: draft.now, resolvedBy: draft.actor });
  if (decision === 'upheld') {
    record(draft, 'objection_upheld', `异议属实：${trimmed(reason)}`);
    returnToRemediation(draft, `公示异议属实：${trimmed(reason)}`);
    // An objection may bring up what the plan never listed: it becomes a problem of this round, reopened at once.
    const added = newProblem ? addProblem(draft, newProblem) : undefined;
    const named = [problemId, added].filter((id): id is string => id !== undefined);
    if (named.length > 0) reopenProblems(draft, named.map((id) => ({ problemId: id, reason })), 'objection');
    return;
  }
  record(draft, 'objection_dismissed', `异议不成立：${trimmed(reason)}`);
  endPublicityWhenDone(draft);
}

/** The publicity period's timer fired. */
export function publicityPeriodEnded(draft: Draft): void {
  const { state } = draft;
  if (state.stage !== 'publicizing' || !state.publicity || state.publicity.periodEnded) return;
  state.publicity.periodEnded = true;
  record(draft, 'publicity_period_ended', '公示期满');
  endPublicityWhenDone(draft);
}

export function openObjectionCount(draft: Pick<Draft, 'state'>): number {
  return draft.state.objections.filter((objection) => objection.status === 'open').length;
}

function endPublicityWhenDone(draft: Draft): void {
  const { state } = draft;
  if (state.stage === 'publicizing' && state.publicity?.periodEnded && openObjectionCount(draft) === 0) {
    moveTo(draft, 'preliminary_acceptance', '公示期满且异议均已处理');
  }
}
