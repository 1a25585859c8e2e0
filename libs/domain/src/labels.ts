/**
 * The Chinese words for every status the domain records, typed by the domain's own unions so that a
 * new status without a label does not compile. The UI, the ledger and the API use only these.
 * Stage and role labels live beside their unions (stages.ts, roles.ts).
 */
import type { AcceptanceChecks, ReviewChecks } from './actions';
import type { AcceptanceLevel, EscalationLevel, EscalationStep, HandlingDecision, MeasureStatus, ObjectionStatus, PlanStatus, ProposalStatus, ReviewOutcome, SupervisionKind, TalkSubject } from './case-state';
import type { ProblemStatus } from './problems';

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '整改中', resolved: '已解决', rebounded: '反弹' };
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = { pending: '整改中', reported: '已报告待核验', done: '已销项' };
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  none: '未提交',
  submitted: '已提交，待审批',
  returned: '已退回修改',
  approved: '已审批通过',
};
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { open: '待处理', upheld: '属实（退回整改）', dismissed: '不成立' };
export const ACCEPTANCE_LEVEL_LABELS: Record<AcceptanceLevel, string> = { preliminary: '党（工）委初验', county: '县级验收' };
export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = {
  unannounced: '四不两直',
  covert: '暗访',
  spot_check: '抽查',
  routine: '常规督导',
};

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  archived: '未反弹，归档',
  rebound: '问题反弹，重新整顿',
  rolled_over: '转入下一轮整顿',
};

/** 督办等级 (docs/domain.md "Deadlines, reminders and escalation"). */
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = { 0: '无', 1: '说明原因', 2: '约谈', 3: '提请组织处理' };
export const ESCALATION_STEP_LABELS: Record<EscalationStep, string> = {
  reminder: '到期提醒',
  explanation_requested: '要求说明原因',
  talk: '约谈',
  organizational_handling: '提请组织处理',
};

/** 组织处理 as the county department decides it. */
export const HANDLING_DECISION_LABELS: Record<HandlingDecision, string> = {
  adjust_secretary: '调整支部书记',
  admonishment: '诫勉谈话',
  circulated_criticism: '通报批评',
  no_action: '不予组织处理',
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = { proposed: '待处理', held: '已约谈', declined: '不予约谈', decided: '已决定' };

export const TALK_SUBJECT_STANDING_LABELS: Record<TalkSubject['standing'], string> = { branch_secretary: '支部书记', secretary_above: '上级党组织书记' };

/** The three checks of 验收 (County speech: 看台账、看方案、看成效). */
export const ACCEPTANCE_CHECK_LABELS: Record<keyof AcceptanceChecks, string> = {
  ledger: '台账（措施是否扎实具体）',
  plan: '方案（是否严格落实）',
  results: '成效（群众是否知晓满意）',
};

/** The four checks of 回头看 (Key tasks 2020). */
export const REVIEW_CHECK_LABELS: Record<keyof ReviewChecks, string> = {
  measuresCarriedOut: '整改措施落实',
  mechanismsWorking: '长效机制运行',
  promisesDelivered: '承诺实事兑现',
  unqualifiedMembersHandled: '不合格党员处置',
  deadlineProblemsSolved: '限期整改问题整改到位',
};

/** Who a timeline entry names when no person acted. */
export const NON_PERSON_ACTOR_LABELS = { system: '系统', public: '党员群众' } as const;

/**
 * Discipline-inspection words for "case" and "opening a case", which nothing people read may say:
 * county staff say 整顿对象 and 列入整顿名单 (docs/domain.md). Written as escapes so that this file
 * itself passes the text searches that use it.
 */
export const WORDS_NOBODY_READS = /\u6848\u4ef6|\u7acb\u6848/g;
