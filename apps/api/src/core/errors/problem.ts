/**
 * The one mapping from anything thrown to an RFC 9457 problem: status, a Chinese title and detail a
 * county clerk can read, the English beside them, a stable `code`, and the field(s) for a 400.
 * Used by ProblemFilter (every error response) and by the idempotency interceptor and the batch
 * endpoint (which store or report the same answer).
 */
import { HttpException } from '@nestjs/common';
import { RuleViolation, type RuleCode } from '@zhengdun/domain';
import { CampaignsException, type CampaignsExceptionCode } from '@zhengdun/campaigns';
import { CaseException, caseNotFound } from '@zhengdun/temporal';
import { AccessException } from '../auth/access.exception';
import { AuthException } from '../auth/auth.exception';
import { IdempotencyException } from '../idempotency/idempotency.exception';
import { WorkflowUnavailableException } from '../infrastructure/workflow-unavailable.exception';
import { MediaTypeException } from '../http/media-type.exception';
import { CampaignException } from '../../modules/campaigns/campaigns.exception';
import { NotificationsException } from '../../modules/notifications/notifications.exception';
import { PublicCaseException } from '../../modules/public/public-cases.exception';
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

/** Rule codes that say "not you" rather than "not now". */
const FORBIDDEN_RULES: readonly RuleCode[] = ['role_not_permitted', 'out_of_scope', 'wrong_person'];

const STATUS_BY_CODE: Record<string, number> = {
  // AuthException
  missing_token: 401,
  invalid_token: 401,
  token_expired: 401,
  invalid_claims: 401,
  // AccessException
  role_not_permitted: 403,
  out_of_scope: 403,
  // IdempotencyException
  key_reused: 422,
  in_progress: 409,
  invalid_key: 400,
  // CampaignException
  campaign_not_found: 404,
  invalid_policy: 400,
  ends_in_past: 400,
  file_too_large: 413,
  invalid_upload: 400,
  // PublicCaseException
  not_public: 404,
  not_accepting_objections: 409,
  not_accepting_ratings: 409,
  // NotificationsException
  dead_letter_not_found: 404,
  no_contacts: 400,
  // RequestValidationException
  invalid_request: 400,
  // WorkflowUnavailableException
  workflow_unavailable: 503,
  // MediaTypeException
  unsupported_media_type: 415,
};

/** CampaignsException (@zhengdun/campaigns): status, and the field a 400 names when the library does not. */
const CAMPAIGNS_CODES: Record<CampaignsExceptionCode, { status: number; field?: string }> = {
  invalid_file: { status: 400, field: 'file' },
  file_too_large: { status: 413, field: 'file' },
  ledger_too_large: { status: 422 },
  invalid_campaign: { status: 400 },
  import_not_found: { status: 404 },
  campaign_not_found: { status: 404 },
};

function fromCampaignsException(error: CampaignsException, instance?: string): ProblemResponse {
  const mapping = CAMPAIGNS_CODES[error.code] ?? { status: 400 };
  const details = typeof error.details.field === 'string' || !mapping.field ? error.details : { ...error.details, field: mapping.field };
  const extra = fieldOf(details, error.messageZh, error.messageEn);
  return { status: mapping.status, body: build(mapping.status, error.code, error.messageZh, error.messageEn, extra, instance), headers: {}, unexpected: false };
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

function ruleStatus(code: RuleCode): number {
  return FORBIDDEN_RULES.includes(code) ? 403 : 409;
}

/** A rule that names the field it refuses (details.field) reports it like a 400 does. */
function fieldOf(details: Record<string, unknown> | undefined, detail: string, detailEn: string): Partial<ProblemBody> {
  const field = details?.field;
  return typeof field === 'string' ? { errors: [{ field, detail, detail_en: detailEn }] } : {};
}

function fromCaseException(error: CaseException, instance?: string): ProblemResponse {
  let status: number;
  let code: string;
  switch (error.code) {
    case 'not_found':
      status = 404;
      code = 'case_not_found';
      break;
    case 'already_exists':
      status = 409;
      code = 'case_already_exists';
      break;
    case 'closed':
      status = 409;
      code = 'case_closed';
      break;
    case 'refused':
    default:
      code = error.rule?.code ?? 'refused';
      status = error.rule ? ruleStatus(error.rule.code) : 409;
  }
  // The workflow did not recognise this API's signature: the API and the worker hold different keys.
  if (code === 'actor_unverified') {
    return { status: 500, body: build(500, code, '系统配置错误，操作未执行', 'the API and the worker disagree on the actor key; nothing was applied', {}, instance), headers: {}, unexpected: true };
  }
  const extra: Partial<ProblemBody> = error.rule ? { rule: error.rule, ...fieldOf(error.rule.details, error.messageZh, error.messageEn) } : {};
  return { status, body: build(status, code, error.messageZh, error.messageEn, extra, instance), headers: {}, unexpected: false };
}

interface HttpErrorCause {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
  length?: number;
}

function fromHttpException(error: HttpException, instance?: string): ProblemResponse {
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

export function toProblem(error: unknown, instance?: string): ProblemResponse {
  if (error instanceof CaseException) return fromCaseException(error, instance);
  if (error instanceof RuleViolation) {
    const status = ruleStatus(error.code);
    return {
      status,
      body: build(status, error.code, error.messageZh, error.messageEn, { rule: { code: error.code, details: error.details }, ...fieldOf(error.details, error.messageZh, error.messageEn) }, instance),
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof CampaignsException) return fromCampaignsException(error, instance);
  if (error instanceof RequestValidationException) {
    return { status: 400, body: build(400, error.code, error.messageZh, error.messageEn, { errors: error.fields }, instance), headers: {}, unexpected: false };
  }
  if (error instanceof AuthException) {
    const challenge = error.code === 'missing_token' ? 'Bearer realm="zhengdun"' : `Bearer realm="zhengdun", error="invalid_token"`;
    return { status: 401, body: build(401, error.code, error.messageZh, error.messageEn, {}, instance), headers: { 'WWW-Authenticate': challenge }, unexpected: false };
  }
  if (error instanceof AccessException && error.code === 'case_out_of_scope') {
    // Byte for byte the answer for a case that does not exist.
    return fromCaseException(caseNotFound(String(error.details.caseId)), instance);
  }
  if (
    error instanceof AccessException ||
    error instanceof IdempotencyException ||
    error instanceof CampaignException ||
    error instanceof PublicCaseException ||
    error instanceof NotificationsException ||
    error instanceof WorkflowUnavailableException ||
    error instanceof MediaTypeException
  ) {
    const status = STATUS_BY_CODE[error.code] ?? 400;
    const extra: Partial<ProblemBody> = { ...fieldOf(error.details, error.messageZh, error.messageEn) };
    if (Array.isArray(error.details.allowedRoles)) extra.allowedRoles = error.details.allowedRoles;
    if (Array.isArray(error.details.accepted)) extra.accepted = error.details.accepted;
    return { status, body: build(status, error.code, error.messageZh, error.messageEn, extra, instance), headers: {}, unexpected: false };
  }
  if (error instanceof HttpException) return fromHttpException(error, instance);
  return {
    status: 500,
    body: build(500, 'internal_error', '系统内部错误，请稍后重试；如持续出现请联系管理员', 'internal server error', {}, instance),
    headers: {},
    unexpected: true,
  };
}
