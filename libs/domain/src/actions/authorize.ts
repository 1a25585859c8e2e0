import { describeScope, isInScope, USER_ROLE_LABELS, type Actor } from '../roles';
import { violation, type RuleViolation } from '../rule-violation';
import { STAGE_LABELS } from '../stages';
import { teamGap, TEAM_ROLE_LABELS } from '../team';
import type { CaseState } from '../case-state';
import { actionDefinition, CASE_ACTION_TYPES, CASE_ACTIONS, type CaseActionType } from './registry';

/** What authorization looks at: where the case is, whose it is, who is on its team. */
export type CaseStanding = Pick<CaseState, 'stage' | 'org' | 'team'>;

type RefusalReason = 'case_closed' | 'role_not_permitted' | 'out_of_scope' | 'wrong_stage' | 'team_incomplete' | 'not_the_secretary' | 'not_on_team';

/**
 * Why this actor may not take this action on this case now, as a reason only. Cheap enough to ask for
 * every action of every case of a to-do list: a RuleViolation is an Error and captures a stack trace,
 * which made actionsFor eight times slower when it built one per refused action.
 */
function refusalReason(state: CaseStanding, type: CaseActionType, actor: Actor): RefusalReason | undefined {
  const action = CASE_ACTIONS[type];
  if (state.stage === 'archived') return 'case_closed';
  if (!action.roles.includes(actor.role)) return 'role_not_permitted';
  if (!isInScope(actor.scope, state.org)) return 'out_of_scope';
  if (!action.stages.includes(state.stage)) return state.stage === 'identified' && action.stages.includes('assigned') ? 'team_incomplete' : 'wrong_stage';
  if (actor.role === 'branch_secretary' && actor.userId !== state.org.secretary.personId) return 'not_the_secretary';
  if (actor.role === 'assigned_leader' && !state.team.some((member) => member.personId === actor.userId)) return 'not_on_team';
  return undefined;
}

/** Why this actor may not take this action on this case now, or undefined when they may. */
export function refusal(state: CaseStanding, type: CaseActionType, actor: Actor): RuleViolation | undefined {
  const reason = refusalReason(state, type, actor);
  const action = CASE_ACTIONS[type];
  switch (reason) {
    case undefined:
      return undefined;
    case 'case_closed':
      return violation('case_closed', '该整顿对象已归档，不能再操作', 'the case is archived');
    case 'role_not_permitted':
      return violation('role_not_permitted', `${USER_ROLE_LABELS[actor.role]}无权“${action.label}”`, `role ${actor.role} may not ${type}`, {
        allowedRoles: action.roles,
      });
    case 'out_of_scope':
      return violation('out_of_scope', `${state.org.name}不在您的管辖范围（${describeScope(actor.scope)}）内`, 'the case is outside your scope');
    case 'team_incomplete':
      return teamShortfall(state, action.label);
    case 'wrong_stage':
      return violation('wrong_stage', `当前处于“${STAGE_LABELS[state.stage]}”阶段，不能“${action.label}”`, `${type} is not allowed in stage ${state.stage}`, {
        stage: state.stage,
        allowedStages: action.stages,
      });
    case 'not_the_secretary':
      return violation('wrong_person', `只有本支部书记${state.org.secretary.name}可以“${action.label}”`, 'only this branch’s own secretary may do this');
    case 'not_on_team':
      return violation('wrong_person', '您不是该组织的包抓责任人', 'you are not on this case’s assigned team');
  }
}

/** A case still in 摸排确定 waits for its team: say which member is missing rather than "wrong stage". */
function teamShortfall(state: CaseStanding, label: string): RuleViolation {
  const gap = teamGap(state.org, state.team);
  const missing = gap.missing.map((role) => TEAM_ROLE_LABELS[role]);
  if (gap.keyVillageNeedsPartySecretary) missing.push('乡镇党委书记（重点村、难点村的包村乡镇领导）');
  return violation(
    'team_incomplete',
    `包抓责任人未配齐（缺少：${missing.join('、')}），尚不能“${label}”`,
    `the assigned team is incomplete (missing: ${gap.missing.join(', ') || 'township Party secretary'})`,
    { missing: gap.missing, stage: state.stage },
  );
}

/**
 * The request's own rules (see `admissible` on the definition), for a person taking the action now.
 * `action` is the whole command as sent (type and body).
 */
export function admission(state: CaseState, action: { type: CaseActionType }, actor: Actor): RuleViolation | undefined {
  const { type, ...body } = action;
  const definition = actionDefinition(type) as { admissible?(state: CaseState, body: unknown, actor: Actor): RuleViolation | undefined };
  return definition.admissible?.(state, body, actor);
}

/** Refuses an actor who may not take this action on this case now, with the rule that refuses. */
export function authorize(state: CaseStanding, type: CaseActionType, actor: Actor): void {
  const refused = refusal(state, type, actor);
  if (refused) throw refused;
}

/**
 * The actions this actor may take on this case now: the buttons the UI shows. Those authorize() lets
 * through, less those with nothing to act on yet (no proposal waiting, see `offeredWhen`).
 */
export function actionsFor(state: CaseStanding, actor: Actor): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((type) => refusalReason(state, type, actor) === undefined && (actionDefinition(type).offeredWhen?.(state as CaseState, actor) ?? true));
}

/** Whether the role could ever take this action (the API refuses other roles before asking the workflow). */
export function roleMayTake(role: Actor['role'], type: CaseActionType): boolean {
  return CASE_ACTIONS[type].roles.includes(role);
}
