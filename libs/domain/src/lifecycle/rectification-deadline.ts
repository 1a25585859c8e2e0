/**
 * After the end date, never a dead end: a case still open, or reopened by a 回头看, once its campaign
 * has ended plans against a rectification deadline the county department sets (设定整改期限). Until
 * then no valid plan exists (every measure must be due by the campaign's end), so its plan deadline
 * is not escalated, and the county is asked to set one (to-do `deadline_to_set`).
 */
import { measureDueLimit, planBlockedByDeadline } from '../case-state';
import { chinaTime } from '../china-time';
import { violation } from '../rule-violation';
import { committeeOf, countyOf, notify, record, secretaryOf, trimmed, type Draft } from './draft';

export function setRectificationDeadline(draft: Draft, dueAt: string, reason: string): void {
  const { state } = draft;
  if (trimmed(reason).length === 0) {
    throw violation('reason_required', '请写明设定整改期限的理由', 'a rectification deadline needs a reason', { field: 'reason' });
  }
  const at = new Date(dueAt).toISOString();
  const planning = state.stage === 'assigned' || state.stage === 'planning';
  // In planning the branch gets its plan period afresh (it could not plan before): the deadline must leave room after it.
  const earliest = planning && state.plan.status !== 'submitted' ? draft.due.planPeriod : draft.now;
  if (Date.parse(at) <= Date.parse(earliest)) {
    throw violation(
      'invalid_date',
      planning ? `整改期限须晚于新的方案提交期限（${chinaTime(earliest)}）` : '整改期限须晚于现在',
      planning ? `the rectification deadline must be after the new plan deadline ${earliest}` : 'the rectification deadline must be in the future',
      { field: 'dueAt', earliest },
    );
  }
  state.deadlines.rectificationDueAt = at;
  if (planning && state.plan.status !== 'submitted') state.deadlines.planDueAt = draft.due.planPeriod;
  const limit = measureDueLimit(state);
  record(draft, 'county_deadline_set', `县委组织部设定整改期限至 ${chinaTime(at)}：${trimmed(reason)}`);
  notify(
    draft,
    'rectification_deadline_set',
    [secretaryOf(state), committeeOf(state)],
    '县委组织部设定整改期限',
    planning
      ? `整改措施的完成时限不晚于 ${chinaTime(limit.at)}；请于 ${chinaTime(state.deadlines.planDueAt!)} 前提交整顿方案。`
      : `整改须于 ${chinaTime(at)} 前完成。`,
  );
}

/** Said when a case reopens after its campaign's end: the county must set a deadline before the branch can plan. */
export function askCountyForDeadline(draft: Draft): void {
  const { state } = draft;
  if (!planBlockedByDeadline(state, draft.now)) return;
  record(draft, 'deadline_needed', `${state.campaign.name}已截止，待县委组织部设定整改期限后制定整顿方案`);
  notify(
    draft,
    'rectification_deadline_needed',
    [countyOf(state)],
    '请设定整改期限',
    `${state.org.name}在${state.campaign.name}截止后仍需整顿，整改措施没有可用的完成时限。请设定整改期限，支部据此制定整顿方案。`,
  );
}
