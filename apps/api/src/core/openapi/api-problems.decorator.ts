import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: '请求内容有误 (invalid body, query or path parameter; names the field)',
  401: '未登录或登录已失效 (missing or invalid bearer token)',
  403: '无权进行此操作 (role or scope does not allow it)',
  404: '未找到 (unknown case or campaign)',
  409: '操作被拒绝 (not now: wrong stage, closed case, duplicate, a key still in progress …)',
  413: '请求内容过大 (body over 256 KB)',
  422: '无法处理的请求 (a rule refused the input: blank reason, invalid plan, unknown measure …; or an Idempotency-Key reused with a different request)',
  429: '请求过于频繁 (rate limited)',
  503: '服务暂不可用',
};

/** Documents problem+json answers with these statuses. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Problem', content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } }),
    ),
  );
}
