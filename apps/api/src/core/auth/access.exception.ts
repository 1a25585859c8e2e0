import { CASE_ACTIONS, describeScope, USER_ROLE_LABELS, type Actor, type CaseActionType, type UserRole } from '@zhengdun/domain';
import { CodedException } from '../errors/coded.exception';

export type AccessExceptionCode = 'role_not_permitted' | 'out_of_scope' | 'case_out_of_scope';

/** A signed-in user asking for something their role or scope does not cover (403). */
export class AccessException extends CodedException<AccessExceptionCode> {
  override readonly name = 'AccessException';

  static roleForAction(actor: Actor, action: CaseActionType): AccessException {
    const rule = CASE_ACTIONS[action];
    return new AccessException(
      'role_not_permitted',
      `${USER_ROLE_LABELS[actor.role]}无权“${rule.label}”`,
      `role ${actor.role} may not ${action}`,
      { allowedRoles: rule.roles },
    );
  }

  static role(actor: Actor, allowed: readonly UserRole[], what: string, whatEn: string): AccessException {
    return new AccessException('role_not_permitted', `${USER_ROLE_LABELS[actor.role]}无权${what}`, `role ${actor.role} may not ${whatEn}`, {
      allowedRoles: allowed,
    });
  }

  static scope(actor: Actor, what: string): AccessException {
    return new AccessException('out_of_scope', `${what}不在您的管辖范围（${describeScope(actor.scope)}）内`, 'outside your scope');
  }

  /**
   * An existing case outside the caller's scope. Recorded as such in the audit trail, but answered
   * exactly as a missing case (404 case_not_found, see problem.ts): case ids are guessable, and a 403
   * would tell anyone which organizations are on the list.
   */
  static caseOutOfScope(caseId: string): AccessException {
    return new AccessException('case_out_of_scope', `案件 ${caseId} 不在您的管辖范围内`, `case ${caseId} is outside your scope`, { caseId });
  }
}
