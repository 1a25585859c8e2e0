import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { CodedError, RULE_CODE_STATUS, violation, type RuleCode } from '@zhengdun/domain';
import { CASE_EXCEPTION_STATUS, CaseException } from '@zhengdun/temporal';
import { ACCESS_EXCEPTION_STATUS, AccessException } from '../auth/access.exception';
import { AUTH_EXCEPTION_STATUS, AuthException } from '../auth/auth.exception';
import { IDEMPOTENCY_EXCEPTION_STATUS, IdempotencyException } from '../idempotency/idempotency.exception';
import { mergeStatusTables, toProblem as toProblemWith } from './problem';
import { REQUEST_VALIDATION_EXCEPTION_STATUS, RequestValidationException } from './request-validation.exception';

// The application merges every module's table (apps/api/src/problem-codes.ts); these are core's own and the libraries'.
const CODES = mergeStatusTables({
  RULE_CODE_STATUS,
  CASE_EXCEPTION_STATUS,
  ACCESS_EXCEPTION_STATUS,
  AUTH_EXCEPTION_STATUS,
  IDEMPOTENCY_EXCEPTION_STATUS,
  REQUEST_VALIDATION_EXCEPTION_STATUS,
});
const toProblem = (error: unknown, instance?: string) => toProblemWith(error, CODES, instance);

const refused = (code: RuleCode, details: Record<string, unknown> = {}) => new CaseException('refused', '中文说明', 'english', { code, details });

describe('toProblem', () => {
  it.each<[string, CaseException, number, string]>([
    ['not found', new CaseException('not_found', '整顿对象不存在', 'case not found'), 404, 'case_not_found'],
    ['already exists', new CaseException('already_exists', '已在名单中', 'exists'), 409, 'case_already_exists'],
    ['closed', new CaseException('closed', '已归档', 'closed', { code: 'case_closed', details: {} }), 409, 'case_closed'],
    ['role not permitted', refused('role_not_permitted'), 403, 'role_not_permitted'],
    ['out of scope', refused('out_of_scope'), 403, 'out_of_scope'],
    ['wrong person', refused('wrong_person'), 403, 'wrong_person'],
    ['wrong stage', refused('wrong_stage'), 409, 'wrong_stage'],
    ['invalid plan', refused('invalid_plan'), 422, 'invalid_plan'],
    ['invalid input', refused('invalid_input'), 422, 'invalid_input'],
    ['reason required', refused('reason_required'), 422, 'reason_required'],
    ['measures incomplete', refused('measures_incomplete'), 409, 'measures_incomplete'],
  ])('maps a CaseException (%s)', (_name, error, status, code) => {
    const { status: got, body } = toProblem(error, '/cases/x');
    expect(got).toBe(status);
    expect(body).toMatchObject({ status, code, type: `urn:zhengdun:problem:${code}`, instance: '/cases/x', detail: error.messageZh, detail_en: error.messageEn });
    expect(body.title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('carries the rule and the field a rule names', () => {
    const { body } = toProblem(refused('reason_required', { field: 'reason' }));
    expect(body.rule).toEqual({ code: 'reason_required', details: { field: 'reason' } });
    expect(body.errors).toEqual([{ field: 'reason', detail: '中文说明', detail_en: 'english' }]);
  });

  it('maps a RuleViolation thrown in the API like the same refusal from the workflow', () => {
    expect(toProblem(violation('team_invalid', '角色不适用', 'role does not apply')).status).toBe(422);
    expect(toProblem(violation('wrong_stage', '阶段不对', 'not now')).status).toBe(409);
    expect(toProblem(violation('out_of_scope', '不在范围', 'outside')).status).toBe(403);
  });

  it('maps the API’s own exceptions', () => {
    expect(toProblem(AuthException.missing())).toMatchObject({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="zhengdun"' } });
    expect(toProblem(AuthException.expired()).headers['WWW-Authenticate']).toContain('invalid_token');
    expect(toProblem(new AccessException('out_of_scope', '不在', 'outside')).status).toBe(403);
    expect(toProblem(IdempotencyException.reused()).status).toBe(422);
    expect(toProblem(IdempotencyException.inProgress()).status).toBe(409);
    const validation = toProblem(RequestValidationException.field('measures[0].dueAt', '必须是日期', 'must be a date'));
    expect(validation).toMatchObject({ status: 400, body: { code: 'invalid_request', errors: [{ field: 'measures[0].dueAt' }] } });
    expect(validation.body.detail).toContain('measures[0].dueAt');
  });

  it('recognizes the body parser’s errors', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    expect(toProblem(new BadRequestException('Unexpected token', { cause: syntax })).body.code).toBe('malformed_json');
    const tooLarge = Object.assign(new Error('request entity too large'), { statusCode: 413, type: 'entity.too.large' });
    expect(toProblem(new PayloadTooLargeException('too large', { cause: tooLarge }))).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(toProblem(new NotFoundException('Cannot GET /x')).body.code).toBe('route_not_found');
  });

  it('answers a workflow and API holding different actor keys with a 500 that tells nothing of keys', () => {
    const problem = toProblem(refused('actor_unverified'));
    expect(problem).toMatchObject({ status: 500, unexpected: true, body: { code: 'actor_unverified', detail: '系统配置错误，操作未执行' } });
  });

  it('answers a code no table holds with a 500 marked as a bug, never a guessed 4xx', () => {
    class StrayException extends CodedError<'stray_code'> {}
    const problem = toProblem(new StrayException('stray_code', '某项被拒绝', 'something refused', { field: 'x' }));
    expect(problem).toMatchObject({ status: 500, unexpected: true, unmappedCode: 'stray_code', body: { code: 'internal_error' } });
    expect(JSON.stringify(problem.body)).not.toContain('某项被拒绝');
    // A rule code a newer worker sends that this API does not know yet.
    const unknownRule = new CaseException('refused', '新规则', 'new rule', { code: 'new_rule' as RuleCode, details: {} });
    expect(toProblem(unknownRule)).toMatchObject({ status: 500, unexpected: true, unmappedCode: 'new_rule' });
  });

  it('refuses to merge tables that answer one code differently', () => {
    expect(() => mergeStatusTables({ A: { shared: 409 }, B: { shared: 422 } })).toThrow(/shared/);
    expect(mergeStatusTables({ A: { shared: 403 }, B: { shared: { status: 403 } } }).get('shared')).toEqual({ status: 403 });
  });

  it('hides unexpected errors behind a 500 and marks them for the log', () => {
    const problem = toProblem(new Error('connection refused at 10.0.0.5:5432'));
    expect(problem).toMatchObject({ status: 500, unexpected: true, body: { code: 'internal_error' } });
    expect(JSON.stringify(problem.body)).not.toContain('10.0.0.5');
    expect(toProblem(new HttpException('boom', 502)).body.detail_en).not.toContain('boom');
  });
});
