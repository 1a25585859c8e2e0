import { CASE_ACTIONS, CodedError, describeScope, USER_ROLE_LABELS, type Actor, type CaseActionType, type StatusTable, type UserRole } from '@zhengdun/domain';

export type AccessExceptionCode = 'role_not_permitted' | 'out_of_scope' | 'case_out_of_scope';

export const ACCESS_EXCEPTION_STATUS: StatusTable<AccessExceptionCode> = {
  role_not_permitted: 403,
  out_of_scope: 403,
  // Answered exactly as a case that does not exist (see caseOutOfScope).
  case_out_of_scope: 404,
};

/** A signed-in user asking for something their role or scope does not cover (403). */
export class AccessException extends CodedError<AccessExceptionCode> {
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
    return new AccessException('case_out_of_scope', `整顿对象 ${caseId} 不在您的管辖范围内`, `case ${caseId} is outside your scope`, { caseId });
  }
}
