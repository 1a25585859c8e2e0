/**
 * 待办: what awaits a person on a case, with its due date. Each to-do is an action this person may take
 * now (actionsFor, the same check the workflow applies) and that the case is waiting on — a plan to
 * review, an objection to resolve, an explanation owed, a talk the system proposed …; actions that are
 * always open (a progress report, more measures) are not to-dos until their date comes.
 */
import { actionsFor } from './actions/authorize';
import { explanationsOwed, lapsesAwaitingReview } from './actions/definition';
import type { CaseActionType } from './actions/registry';
import { currentMeasures, planBlockedByDeadline, problemsAwaitingAmendment, verifiesMeasures, type CaseState } from './case-state';
import { dueItems } from './lifecycle/escalation';
import { subtractPlainPeriod } from './policy';
import type { Actor } from './roles';

export const TODO_KINDS = [
  'plan_owed',
  'deadline_to_set',
  'plan_to_review',
  'measure_due',
  'measure_to_verify',
  'amendment_owed',
  'measures_to_approve',
  'report_due',
  'explanation_owed',
  'explanation_to_review',
  'publicity_to_start',
  'objection_to_resolve',
  'preliminary_acceptance_due',
  'county_acceptance_due',
  'follow_up_review_due',
  'talk_to_hold',
  'handling_to_decide',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  plan_owed: '待提交整顿方案',
  deadline_to_set: '待设定整改期限',
  plan_to_review: '待审批整顿方案',
  measure_due: '待完成整改措施',
  measure_to_verify: '待核验整改措施',
  amendment_owed: '待补充限期整改措施',
  measures_to_approve: '待批准补充措施',
  report_due: '待汇报整顿进展',
  explanation_owed: '待说明逾期原因',
  explanation_to_review: '待审核逾期说明',
  publicity_to_start: '待启动结果公示',
  objection_to_resolve: '待处理公示异议',
  preliminary_acceptance_due: '待初验',
  county_acceptance_due: '待县级验收',
  follow_up_review_due: '待回头看',
  talk_to_hold: '待约谈（系统提请）',
  handling_to_decide: '待决定组织处理',
};

export interface Todo {
  kind: TodoKind;
  /** The action that settles it: the button it links to. */
  action: CaseActionType;
  /** What it is about, in a line. */
  subject: string;
  /** Its deadline, where the policy sets one (ISO 8601). */
  dueAt?: string;
  /** Since when it waits, where no deadline is set (a plan submitted, an objection received …). */
  since?: string;
}

/** Deadlines first, the earliest first; then what has waited longest. */
export function byUrgency(a: Pick<Todo, 'dueAt' | 'since'>, b: Pick<Todo, 'dueAt' | 'since'>): number {
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
  if (a.dueAt || b.dueAt) return a.dueAt ? -1 : 1;
  return (a.since ?? '').localeCompare(b.since ?? '');
}

/** What awaits `actor` on this case at `now`, by urgency (byUrgency). */
export function todosFor(state: CaseState, actor: Actor, now: string): Todo[] {
  const may = new Set(actionsFor(state, actor));
  const todos: Todo[] = [];
  const add = (kind: TodoKind, action: CaseActionType, subject: string, when: { dueAt?: string; since?: string } = {}) => {
    if (!may.has(action)) return;
    todos.push({ kind, action, subject, ...(when.dueAt ? { dueAt: when.dueAt } : {}), ...(when.since ? { since: when.since } : {}) });
  };
  const due = dueItems(state);
  const { plan, escalation } = state;

  if (planBlockedByDeadline(state, now)) {
    // No valid plan exists until the county sets a deadline: the branch waits, the county acts.
    add('deadline_to_set', 'setRectificationDeadline', `整改措施没有可用的完成时限（${state.campaign.name}截止），设定整改期限后支部方可制定整顿方案`, { since: state.deadlines.planDueAt });
  } else if ((state.stage === 'assigned' || state.stage === 'planning') && plan.status !== 'submitted') {
    add('plan_owed', 'submitPlan', plan.status === 'returned' ? '整顿方案被退回，待修改后重新提交' : '提交整顿方案', { dueAt: state.deadlines.planDueAt });
  }
  if (state.stage === 'planning' && plan.status === 'submitted') add('plan_to_review', 'approvePlan', `第${plan.version}版整顿方案待审批`, { since: plan.submittedAt });
  if (state.stage === 'remediating') {
    const measures = currentMeasures(state);
    const pending = measures.filter((measure) => measure.status === 'pending');
    // A measure is the to-do of its owner (or of the branch secretary, who answers for every measure).
    const complete = verifiesMeasures(state) ? 'reportMeasureDone' : 'completeMeasure';
    for (const measure of pending) {
      if (actor.role === 'branch_secretary' || actor.userId === measure.ownerId) add('measure_due', complete, measure.description, { dueAt: measure.dueAt });
    }
    // Reported, not yet done: the committee's to verify by the policy's date.
    for (const measure of measures) {
      if (measure.status === 'reported' && measure.report) add('measure_to_verify', 'verifyMeasure', measure.description, { dueAt: measure.report.verifyDueAt });
    }
    // 限期整改: each reopened problem needs new measures (the branch's), approved (the committee's).
    const awaiting = problemsAwaitingAmendment(state);
    for (const problem of awaiting.filter((p) => p.reopened!.measureIds.length === 0)) {
      add('amendment_owed', 'addMeasures', `限期整改：针对“${problem.description}”补充整改措施`, { dueAt: state.deadlines.rectificationDueAt });
    }
    const toApprove = measures.filter((measure) => measure.awaitsApproval);
    if (toApprove.length > 0) add('measures_to_approve', 'approveMeasures', `限期整改补充措施${toApprove.length}条待批准`);
    if (awaiting.length === 0 && measures.every((measure) => measure.status === 'done')) add('publicity_to_start', 'startPublicity', '整改措施已全部销项，可启动结果公示');
    // The periodic report becomes a to-do when its reminder is due, not a month ahead.
    const report = due.find((item) => item.kind === 'report');
    const reminderFrom = report ? Date.parse(subtractPlainPeriod(report.dueAt, state.policy.reminderLead)) : Infinity;
    if (report && actor.role === 'branch_secretary' && reminderFrom <= Date.parse(now)) add('report_due', 'reportProgress', report.label, { dueAt: report.dueAt });
  }
  // One explanation answers a lapse (all its items); other requests are answered one by one.
  for (const record of explanationsOwed(state)) add('explanation_owed', 'submitExplanation', record.dueItemLabel, { since: record.at });
  const [toReview] = lapsesAwaitingReview(state);
  if (toReview) {
    const { explanation } = toReview;
    add('explanation_to_review', 'reviewExplanation', `逾期说明：${explanation.text}`.slice(0, 80), { since: explanation.at });
  }
  for (const objection of state.objections) {
    if (objection.status === 'open') add('objection_to_resolve', 'resolveObjection', objection.content.slice(0, 60), { since: objection.receivedAt });
  }
  if (state.stage === 'preliminary_acceptance') add('preliminary_acceptance_due', 'recordPreliminaryAcceptance', '公示期满，待党（工）委初验');
  if (state.stage === 'county_acceptance') add('county_acceptance_due', 'recordCountyAcceptance', '初验通过，待县级验收');
  if (state.stage === 'follow_up_review') add('follow_up_review_due', 'recordFollowUpReview', '销号后回头看', { dueAt: state.deadlines.reviewReportDueAt });
  for (const proposal of escalation.proposals ?? []) {
    if (proposal.status !== 'proposed') continue;
    const whom = proposal.subjects.map((subject) => subject.name).join('、');
    if (proposal.kind === 'talk') add('talk_to_hold', 'recordTalk', `约谈${whom}：${proposal.reason}`, { since: proposal.at });
    else add('handling_to_decide', 'decideHandling', `${whom}：${proposal.reason}`, { since: proposal.at });
  }
  return todos.sort(byUrgency);
}

/**
 * What the case's township committee has to do on it. None of a committee's to-dos comes due by the
 * clock alone (the dated ones, a report or a deadline to set, are the branch's and the county's), and
 * none depends on which member of the committee asks; so the read-model writer keeps this list beside
 * the state, and a committee's 待办 reads these short lists instead of parsing every candidate's state.
 * A change to the committee's to-do rules needs a migration that empties the kept lists (NULL), which
 * sends the rows back to todosFor until each case is written again.
 */
export function committeeTodos(state: CaseState, now: string): Todo[] {
  const committee: Actor = {
    userId: '',
    name: '',
    role: 'township_committee',
    scope: { level: 'township', county: state.org.county, township: state.org.township },
  };
  return todosFor(state, committee, now);
}
