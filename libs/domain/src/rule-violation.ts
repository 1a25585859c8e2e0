import { CodedError, type StatusTable } from './coded-error';

/**
 * A refusal by a domain rule. Carries a stable code (for the API's status and for tests), a message a
 * county clerk can read (Chinese) and the English beside it. Pure: usable inside workflow code.
 */
export class RuleViolation extends CodedError<RuleCode> {
  override readonly name = 'RuleViolation';
}

export type RuleCode =
  | 'wrong_stage'
  | 'role_not_permitted'
  | 'out_of_scope'
  | 'wrong_person'
  | 'team_incomplete'
  | 'team_invalid'
  | 'category_not_for_domain'
  | 'appointing_body'
  | 'invalid_plan'
  | 'unknown_measure'
  | 'measure_already_done'
  | 'measures_incomplete'
  | 'measure_needs_verification'
  | 'measure_verification_not_used'
  | 'measure_already_reported'
  | 'measure_not_reported'
  | 'invalid_date'
  | 'same_secretary'
  | 'unknown_objection'
  | 'objection_already_resolved'
  | 'reason_required'
  | 'unknown_problem'
  | 'invalid_input'
  | 'case_closed'
  | 'unknown_proposal'
  | 'proposal_closed'
  | 'unresolved_problems_required'
  | 'amendment_required'
  | 'nothing_to_approve'
  | 'assessment_required'
  | 'invalid_assessment'
  | 'review_check_required'
  | 'actor_unverified';

/**
 * What each refusal tells a client to do. 422: change what you send (the case itself does not stand
 * in the way); 409: the case is not in a state for this now, sending the same again will not help
 * until it is; 403: not you.
 */
export const RULE_CODE_STATUS: StatusTable<RuleCode> = {
  invalid_plan: 422,
  reason_required: 422,
  invalid_input: 422,
  team_invalid: 422,
  category_not_for_domain: 422,
  // An id the request names that the case does not hold: the client picked from stale or wrong data.
  unknown_measure: 422,
  unknown_problem: 422,
  unknown_objection: 422,
  unknown_proposal: 422,
  wrong_stage: 409,
  case_closed: 409,
  measure_already_done: 409,
  measures_incomplete: 409,
  // Measures are reported and verified on this case (or completed directly on an older one): use the other action.
  measure_needs_verification: 409,
  measure_verification_not_used: 409,
  measure_already_reported: 409,
  measure_not_reported: 409,
  // A date outside what the rules allow (a new due date after the campaign's end, a replacement in the future).
  invalid_date: 422,
  same_secretary: 422,
  team_incomplete: 409,
  objection_already_resolved: 409,
  // A talk already recorded or declined, a handling already decided: one record per proposal.
  proposal_closed: 409,
  // A failed acceptance or an upheld objection must name the problems that are not resolved (限期整改).
  unresolved_problems_required: 422,
  // Reopened problems need new measures approved by the committee before publicity starts again.
  amendment_required: 409,
  nothing_to_approve: 409,
  // 县级验收 is judged on the 测评 held for it: record it (its counts must add up).
  assessment_required: 422,
  invalid_assessment: 422,
  // 回头看 on a case that had problems given a deadline must say whether they stayed solved.
  review_check_required: 422,
  role_not_permitted: 403,
  out_of_scope: 403,
  wrong_person: 403,
  // The body that may name this team role is another (the county names the county-level leader …).
  appointing_body: 403,
  // The workflow did not recognise the API's signature: the API and the worker hold different keys.
  actor_unverified: 500,
};

export function violation(
  code: RuleCode,
  messageZh: string,
  messageEn: string,
  details?: Record<string, unknown>,
): RuleViolation {
  return new RuleViolation(code, messageZh, messageEn, details);
}
