/**
 * Base of every error with a stable code: the domain's rule refusals, the Temporal client's case
 * errors, the campaigns library's and the API's own. `code` is what clients and tests match on;
 * messageZh is for the county clerk, messageEn beside it; details carry facts such as the `field`
 * refused. Pure (no Node built-ins): workflow code throws RuleViolation.
 */
export abstract class CodedError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}

/** How a code answers over HTTP: its status, and the request field it refuses when the error names none. */
export interface CodeStatus {
  readonly status: number;
  readonly field?: string;
}

/**
 * Every code of a module with its HTTP status, kept next to the module's error class. Keyed by the
 * module's code union, so a new code without a status does not compile (pinned by
 * apps/api/src/problem-codes.spec.ts). The API's problem mapping merges these tables.
 */
export type StatusTable<C extends string> = { readonly [K in C]: number | CodeStatus };
