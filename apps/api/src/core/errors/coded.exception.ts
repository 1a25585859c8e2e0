/**
 * Base of every exception the API's own modules throw: a stable code, a message a county clerk can
 * read (Chinese) and the English beside it. Never an HTTP exception: ProblemFilter maps each class
 * and code to a status in one table.
 */
export abstract class CodedException<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${messageZh} (${messageEn})`);
  }
}
