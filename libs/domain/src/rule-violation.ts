/**
 * A refusal by a domain rule. Carries a stable code (for the API's 409 and for tests), a message a
 * county clerk can read (Chinese) and the English beside it. Pure: usable inside workflow code.
 */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(
    readonly code: RuleCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}

export type RuleCode =
  | 'wrong_stage'
  | 'role_not_permitted'
  | 'out_of_scope'
  | 'wrong_person'
  | 'team_incomplete'
  | 'team_invalid'
  | 'invalid_plan'
  | 'unknown_measure'
  | 'measure_already_done'
  | 'measures_incomplete'
  | 'unknown_objection'
  | 'objection_already_resolved'
  | 'reason_required'
  | 'unknown_problem'
  | 'invalid_input'
  | 'case_closed'
  | 'actor_unverified';

export function violation(
  code: RuleCode,
  messageZh: string,
  messageEn: string,
  details?: Record<string, unknown>,
): RuleViolation {
  return new RuleViolation(code, messageZh, messageEn, details);
}
