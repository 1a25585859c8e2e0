import { CodedError, type RuleCode, type StatusTable } from '@zhengdun/domain';

/** `interrupted`: the case took the action up but could not finish it (not a rule: e.g. an activity it needed failed); nothing was applied. */
export type CaseExceptionCode = 'not_found' | 'already_exists' | 'refused' | 'closed' | 'interrupted';

/** The refusal of a domain rule, as the workflow reported it (code and details of its RuleViolation). */
export interface CaseRuleRefusal {
  code: RuleCode;
  details: Record<string, unknown>;
}

/**
 * What a case workflow answered, in CaseClient's words: no such case, already listed, closed, or
 * refused by a rule (`rule`, whose code is what a client sees for it).
 */
export class CaseException extends CodedError<CaseExceptionCode> {
  override readonly name = 'CaseException';
  constructor(
    code: CaseExceptionCode,
    messageZh: string,
    messageEn: string,
    readonly rule?: CaseRuleRefusal,
  ) {
    super(code, messageZh, messageEn, rule?.details ?? {});
  }

  /** The code a client sees: a rule's refusal answers as that rule, the rest as `case_<code>`. */
  get answerCode(): string {
    return this.rule?.code ?? `case_${this.code}`;
  }
}

/**
 * HTTP statuses of the codes a CaseException answers with, other than rule codes (RULE_CODE_STATUS
 * has those). `case_refused` is a refusal without a rule, which CaseClient does not produce.
 */
export const CASE_EXCEPTION_STATUS: StatusTable<`case_${CaseExceptionCode}`> = {
  case_not_found: 404,
  case_already_exists: 409,
  case_closed: 409,
  case_refused: 409,
  case_interrupted: 503,
};
