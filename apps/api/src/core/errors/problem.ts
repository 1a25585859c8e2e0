/**
 * The one mapping from anything thrown to an RFC 9457 problem: status, a Chinese title and detail a
 * county clerk can read, the English beside them, a stable `code`, and the field(s) for a 400.
 * A coded error's status comes from the merged status tables of the modules (ProblemCodes, composed
 * in apps/api/src/problem-codes.ts, so that this file needs no module); a code none of them holds is
 * a bug, answered 500. Used by ProblemFilter (every error response) and by the idempotency
 * interceptor and the batch endpoint (which store or report the same answer), through ProblemMapper.
 */
import { HttpException } from '@nestjs/common';
import { CodedError, RuleViolation, type CodeStatus, type RuleCode, type StatusTable } from '@zhengdun/domain';
import { CaseException, caseNotFound } from '@zhengdun/temporal';
import { AccessException } from '../auth/access.exception';
import { AuthException } from '../auth/auth.exception';
import { RequestValidationException, type FieldError } from './request-validation.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemBody {
  type: string;
  title: string;
  title_en: string;
  status: number;
  detail: string;
  detail_en: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  rule?: { code: RuleCode; details: Record<string, unknown> };
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
  /** Unexpected errors are logged with their stack; client errors only as a line. */
  unexpected: boolean;
  /** A coded error whose code no status table holds: a bug to fix in its module's table. */
  unmappedCode?: string;
}

const TITLES: Record<number, [string, string]> = {
  400: ['请求内容有误', 'Invalid request'],
  401: ['未登录或登录已失效', 'Not authenticated'],
  403: ['无权进行此操作', 'Forbidden'],
  404: ['未找到', 'Not found'],
  405: ['不支持的请求方法', 'Method not allowed'],
  409: ['操作被拒绝', 'Conflict'],
  413: ['请求内容过大', 'Payload too large'],
  415: ['不支持的内容类型', 'Unsupported media type'],
  422: ['无法处理的请求', 'Unprocessable request'],
  429: ['请求过于频繁', 'Too many requests'],
  431: ['请求头过大', 'Request header fields too large'],
  500: ['系统内部错误', 'Internal server error'],
  503: ['服务暂不可用', 'Service unavailable'],
};

/** Every code the API may answer with and how (status, default field): the modules' tables merged. */
export type ProblemCodes = ReadonlyMap<string, CodeStatus>;

/**
 * Merges the modules' status tables, named for the message. Two modules may share a code (e.g.
 * out_of_scope) only if they answer it alike: otherwise a client could not tell what a code means.
 */
export function mergeStatusTables(tables: Record<string, StatusTable<string>>): ProblemCodes {
  const merged = new Map<string, CodeStatus>();
  const owners = new Map<string, string>();
  for (const [table, entries] of Object.entries(tables)) {
    for (const [code, entry] of Object.entries(entries)) {
      const answer: CodeStatus = typeof entry === 'number' ? { status: entry } : entry;
      const earlier = merged.get(code);
      if (earlier && (earlier.status !== answer.status || earlier.field !== answer.field)) {
        throw new Error(`error code ${code}: ${owners.get(code)} answers ${JSON.stringify(earlier)}, ${table} ${JSON.stringify(answer)}`);
      }
      merged.set(code, answer);
      owners.set(code, table);
    }
  }
  return merged;
}

function problemType(code: string): string {
  return `urn:zhengdun:problem:${code}`;
}

function build(status: number, code: string, detail: string, detailEn: string, extra: Partial<ProblemBody> = {}, instance?: string): ProblemBody {
  const [title, titleEn] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
  return {
    type: problemType(code),
    title,
    title_en: titleEn,
    status,
    detail,
    detail_en: detailEn,
    ...(instance ? { instance } : {}),
    code,
    ...extra,
  };
}

/** A field an error names (details.field, or its table's default) is reported like a 400's. */
function fieldOf(field: unknown, detail: string, detailEn: string): Partial<ProblemBody> {
  return typeof field === 'string' ? { errors: [{ field, detail, detail_en: detailEn }] } : {};
}

function internalError(instance?: string, unmappedCode?: string): ProblemResponse {
  return {
    status: 500,
    body: build(500, 'internal_error', '系统内部错误，请稍后重试；如持续出现请联系管理员', 'internal server error', {}, instance),
    headers: {},
    unexpected: true,
    ...(unmappedCode ? { unmappedCode } : {}),
  };
}

/** Codes whose own message would not help the user: what to tell them instead. */
const SERVER_FAULTS: Partial<Record<string, [string, string]>> = {
  actor_unverified: ['系统配置错误，操作未执行', 'the API and the worker disagree on the actor key; nothing was applied'],
};

function ruleOf(error: CodedError): ProblemBody['rule'] {
  if (error instanceof RuleViolation) return { code: error.code, details: error.details };
  if (error instanceof CaseException) return error.rule;
  return undefined;
}

function fromCodedError(error: CodedError, codes: ProblemCodes, instance?: string): ProblemResponse {
  if (error instanceof AccessException && error.code === 'case_out_of_scope') {
    // Byte for byte the answer for a case that does not exist.
    return fromCodedError(caseNotFound(String(error.details.caseId)), codes, instance);
  }
  const code = error instanceof CaseException ? error.answerCode : error.code;
  const answer = codes.get(code);
  if (!answer) return internalError(instance, code);
  const { status } = answer;
  const unexpected = status >= 500 && status !== 503;
  if (unexpected) {
    const [zh, en] = SERVER_FAULTS[code] ?? ['系统内部错误，请稍后重试；如持续出现请联系管理员', 'internal server error'];
    return { status, body: build(status, code, zh, en, {}, instance), headers: {}, unexpected };
  }
  const rule = ruleOf(error);
  const extra: Partial<ProblemBody> = {
    ...(rule ? { rule } : {}),
    ...(error instanceof RequestValidationException
      ? { errors: error.fields }
      : fieldOf(error.details.field ?? answer.field, error.messageZh, error.messageEn)),
  };
  if (Array.isArray(error.details.allowedRoles)) extra.allowedRoles = error.details.allowedRoles;
  if (Array.isArray(error.details.accepted)) extra.accepted = error.details.accepted;
  const headers: Record<string, string> = {};
  if (error instanceof AuthException) {
    headers['WWW-Authenticate'] = error.code === 'missing_token' ? 'Bearer realm="zhengdun"' : `Bearer realm="zhengdun", error="invalid_token"`;
  }
  return { status, body: build(status, code, error.messageZh, error.messageEn, extra, instance), headers, unexpected: false };
}

interface HttpErrorCause {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
  length?: number;
}

/** An HTTP exception (from Nest, the body parser, Node's HTTP parser): needs no status table. */
export function httpProblem(error: HttpException, instance?: string): ProblemResponse {
  const status = error.getStatus();
  const cause = (error.cause ?? {}) as HttpErrorCause;
  const headers: Record<string, string> = {};
  const unexpected = status >= 500 && status !== 503;
  if (cause.type === 'entity.parse.failed' || (status === 400 && error.cause instanceof SyntaxError)) {
    return {
      status: 400,
      body: build(400, 'malformed_json', '请求内容不是有效的 JSON，请检查格式', 'the request body is not valid JSON', {
        errors: [{ field: '(body)', detail: '不是有效的 JSON', detail_en: 'malformed JSON' }],
      }, instance),
      headers,
      unexpected: false,
    };
  }
  if (status === 413) {
    return {
      status,
      body: build(413, 'payload_too_large', '请求内容过大（上限 256 KB），请精简后重试', 'the request body is larger than the 256 KB limit', {
        errors: [{ field: '(body)', detail: '超过 256 KB', detail_en: 'larger than 256 KB' }],
      }, instance),
      headers,
      unexpected: false,
    };
  }
  if (status === 415) {
    return { status, body: build(415, 'unsupported_media_type', '请以 application/json 格式提交', 'send the body as application/json', {}, instance), headers, unexpected: false };
  }
  if (status === 404) {
    return { status, body: build(404, 'route_not_found', '请求的地址不存在', `no route for ${instance ?? 'this path'}`, {}, instance), headers, unexpected: false };
  }
  if (status === 429) {
    return { status, body: build(429, 'too_many_requests', '提交过于频繁，请稍后再试', 'too many requests, try again later', {}, instance), headers, unexpected: false };
  }
  if (status === 503) {
    const response = error.getResponse();
    return {
      status,
      body: build(503, 'unavailable', '服务暂不可用：数据库或工作流服务无响应', 'a dependency (database or Temporal) is not answering', {
        checks: typeof response === 'object' ? response : undefined,
      }, instance),
      headers,
      unexpected: false,
    };
  }
  if (status === 400 && (error.cause instanceof URIError)) {
    return {
      status,
      body: build(400, 'malformed_url', '请求地址格式有误', 'the request URL is malformed', {
        errors: [{ field: '(path)', detail: '含有无效的百分号编码', detail_en: 'invalid percent-encoding' }],
      }, instance),
      headers,
      unexpected: false,
    };
  }
  const [title, titleEn] = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400];
  return {
    status,
    body: build(status, status >= 500 ? 'internal_error' : `http_${status}`, title, status >= 500 ? titleEn : error.message || titleEn, {}, instance),
    headers,
    unexpected,
  };
}

export function toProblem(error: unknown, codes: ProblemCodes, instance?: string): ProblemResponse {
  if (error instanceof CodedError) return fromCodedError(error, codes, instance);
  if (error instanceof HttpException) return httpProblem(error, instance);
  return internalError(instance);
}
