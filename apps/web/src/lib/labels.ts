/**
 * Chinese labels the domain lib does not carry (statuses of plans, measures, objections …) and
 * colours for tags. Stage, domain, role, team-role, problem and satisfaction labels come from
 * @zhengdun/domain and are not repeated here.
 */
import { STAGES, USER_ROLE_LABELS, isUserRole, type EscalationLevel, type Stage } from '@zhengdun/domain';

/** 督办等级 (0 none, 1 说明原因, 2 约谈, 3 组织处理). */
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  0: '无',
  1: '说明原因',
  2: '约谈',
  3: '组织处理',
};

export const ESCALATION_LEVEL_COLORS: Record<EscalationLevel, string> = {
  0: 'default',
  1: 'gold',
  2: 'orange',
  3: 'red',
};

export const ESCALATION_STEP_LABELS: Record<string, string> = {
  reminder: '到期提醒',
  explanation_requested: '要求说明原因',
  talk: '约谈',
  organizational_handling: '组织处理',
};

export const PLAN_STATUS_LABELS: Record<string, string> = {
  none: '未提交',
  submitted: '已提交，待审批',
  returned: '已退回修改',
  approved: '已审批通过',
};

export const PLAN_STATUS_COLORS: Record<string, string> = {
  none: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export const MEASURE_STATUS_LABELS: Record<string, string> = { pending: '整改中', done: '已销项' };
export const PROBLEM_STATUS_LABELS: Record<string, string> = { open: '整改中', resolved: '已解决', rebounded: '反弹' };
export const PROBLEM_STATUS_COLORS: Record<string, string> = { open: 'processing', resolved: 'success', rebounded: 'error' };
export const OBJECTION_STATUS_LABELS: Record<string, string> = { open: '待处理', upheld: '属实（退回整改）', dismissed: '不成立' };
export const OBJECTION_STATUS_COLORS: Record<string, string> = { open: 'warning', upheld: 'error', dismissed: 'default' };
export const ACCEPTANCE_LEVEL_LABELS: Record<string, string> = { preliminary: '党（工）委初验', county: '县级验收' };
export const REVIEW_OUTCOME_LABELS: Record<string, string> = { archived: '未反弹，归档', rebound: '问题反弹，重新整顿' };

export const ACCEPTANCE_CHECK_LABELS: Record<'ledger' | 'plan' | 'results', string> = {
  ledger: '看台账：措施扎实具体',
  plan: '看方案：严格落实到位',
  results: '看成效：群众知晓满意',
};

export const REVIEW_CHECK_LABELS: Record<'measuresCarriedOut' | 'mechanismsWorking' | 'promisesDelivered' | 'unqualifiedMembersHandled', string> = {
  measuresCarriedOut: '整改措施是否落实',
  mechanismsWorking: '长效机制是否发挥作用',
  promisesDelivered: '承诺实事是否兑现',
  unqualifiedMembersHandled: '不合格党员是否处置',
};

/** Tag colour by how far along the lifecycle a stage is. */
export function stageColor(stage: Stage): string {
  switch (stage) {
    case 'identified':
    case 'assigned':
      return 'default';
    case 'planning':
      return 'blue';
    case 'remediating':
      return 'geekblue';
    case 'publicizing':
      return 'purple';
    case 'preliminary_acceptance':
    case 'county_acceptance':
      return 'cyan';
    case 'delisted':
    case 'follow_up_review':
      return 'green';
    case 'archived':
      return 'default';
  }
}

export const STAGE_INDEX: Record<Stage, number> = Object.fromEntries(STAGES.map((stage, index) => [stage, index])) as Record<Stage, number>;

export function actorRoleLabel(role: string): string {
  if (role === 'system') return '系统';
  if (role === 'public') return '党员群众';
  return isUserRole(role) ? USER_ROLE_LABELS[role] : role;
}
