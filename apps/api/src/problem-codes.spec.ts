import { resolve } from 'node:path';
import * as ts from 'typescript';
import { CodedError, type CodeStatus } from '@zhengdun/domain';
import { toProblem } from './core/errors/problem';
import { API_PROBLEM_CODES, STATUS_TABLES } from './problem-codes';

const ROOT = resolve(__dirname, '../../..');

/** Stands for any module's error: the mapping goes by code, whatever the class. */
class ProbeError extends CodedError {}

const entries = Object.entries(STATUS_TABLES).flatMap(([table, codes]) =>
  Object.entries(codes as Record<string, number | CodeStatus>).map(([code, entry]) => [table, code, typeof entry === 'number' ? entry : entry.status] as const),
);

describe('the API’s problem codes', () => {
  it.each(entries)('%s: %s answers %i', (_table, code, status) => {
    const problem = toProblem(new ProbeError(code, '说明', 'explanation'), API_PROBLEM_CODES, '/x');
    expect(problem.status).toBe(status);
    expect(problem.body.code).toBe(code);
    expect(problem.unexpected).toBe(status === 500);
  });

  it('answers domain refusals by what the client must do: 422 change the input, 409 not now, 403 not you', () => {
    const statusOf = (code: string) => API_PROBLEM_CODES.get(code)?.status;
    for (const code of ['invalid_plan', 'reason_required', 'invalid_input', 'team_invalid', 'unknown_measure', 'unknown_problem', 'unknown_objection']) expect({ code, status: statusOf(code) }).toEqual({ code, status: 422 });
    for (const code of ['wrong_stage', 'case_closed', 'measure_already_done', 'measures_incomplete', 'team_incomplete', 'objection_already_resolved']) expect({ code, status: statusOf(code) }).toEqual({ code, status: 409 });
    for (const code of ['role_not_permitted', 'out_of_scope', 'wrong_person']) expect({ code, status: statusOf(code) }).toEqual({ code, status: 403 });
    expect(statusOf('actor_unverified')).toBe(500);
  });

  it('answers a code no table holds with a 500 logged as a bug', () => {
    const problem = toProblem(new ProbeError('no_such_code', '说明', 'explanation'), API_PROBLEM_CODES);
    expect(problem).toMatchObject({ status: 500, unexpected: true, unmappedCode: 'no_such_code', body: { code: 'internal_error' } });
  });
});

/** Where each table is declared, to compile it with one code left out. */
const TABLE_SOURCES: Record<keyof typeof STATUS_TABLES, [file: string, name: string]> = {
  RuleViolation: ['libs/domain/src/rule-violation.ts', 'RULE_CODE_STATUS'],
  CaseException: ['libs/temporal/src/case.exception.ts', 'CASE_EXCEPTION_STATUS'],
  CampaignsException: ['libs/campaigns/src/campaigns.exception.ts', 'CAMPAIGNS_EXCEPTION_STATUS'],
  AccessException: ['apps/api/src/core/auth/access.exception.ts', 'ACCESS_EXCEPTION_STATUS'],
  AuthException: ['apps/api/src/core/auth/auth.exception.ts', 'AUTH_EXCEPTION_STATUS'],
  RequestValidationException: ['apps/api/src/core/errors/request-validation.exception.ts', 'REQUEST_VALIDATION_EXCEPTION_STATUS'],
  MediaTypeException: ['apps/api/src/core/http/media-type.exception.ts', 'MEDIA_TYPE_EXCEPTION_STATUS'],
  IdempotencyException: ['apps/api/src/core/idempotency/idempotency.exception.ts', 'IDEMPOTENCY_EXCEPTION_STATUS'],
  WorkflowUnavailableException: ['apps/api/src/core/infrastructure/workflow-unavailable.exception.ts', 'WORKFLOW_UNAVAILABLE_EXCEPTION_STATUS'],
  CampaignRequestException: ['apps/api/src/modules/campaigns/campaign-request.exception.ts', 'CAMPAIGN_REQUEST_EXCEPTION_STATUS'],
  NotificationsException: ['apps/api/src/modules/notifications/notifications.exception.ts', 'NOTIFICATIONS_EXCEPTION_STATUS'],
  PublicCaseException: ['apps/api/src/modules/public/public-cases.exception.ts', 'PUBLIC_CASE_EXCEPTION_STATUS'],
};

/** The file's text with the first entry of `name`'s object literal taken out, and that entry's code. */
function withoutFirstEntry(fileName: string, text: string, name: string): { text: string; removed: string } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  let literal: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === name && node.initializer && ts.isObjectLiteralExpression(node.initializer)) literal = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  const entry = literal?.properties[0];
  if (!entry || !entry.name) throw new Error(`${fileName}: no object literal ${name} with entries`);
  let end = entry.getEnd();
  if (text[end] === ',') end += 1;
  return { text: text.slice(0, entry.getStart(source)) + text.slice(end), removed: entry.name.getText(source).replace(/['"]/g, '') };
}

describe('a status table', () => {
  it('lists the source of every table the API merges', async () => {
    for (const [table, [file, name]] of Object.entries(TABLE_SOURCES)) {
      const module = (await import(resolve(ROOT, file))) as Record<string, unknown>;
      expect({ table, same: module[name] === STATUS_TABLES[table as keyof typeof STATUS_TABLES] }).toEqual({ table, same: true });
    }
  });

  // Compiles every table with its first code left out: each must fail with that code named missing.
  it('does not compile with a code left out', () => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve(ROOT, 'apps/api/tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const mutated = new Map<string, { text: string; removed: string }>();
    for (const [file, name] of Object.values(TABLE_SOURCES)) {
      const fileName = resolve(ROOT, file);
      mutated.set(fileName, withoutFirstEntry(fileName, ts.sys.readFile(fileName)!, name));
    }
    const options = { ...config.options, noEmit: true };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, ...rest) => {
      const changed = mutated.get(resolve(fileName));
      return changed ? ts.createSourceFile(fileName, changed.text, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
    };
    const program = ts.createProgram([...mutated.keys()], options, host);
    for (const [fileName, { removed }] of mutated) {
      const messages = ts
        .getPreEmitDiagnostics(program, program.getSourceFile(fileName))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      expect({ fileName, missing: messages.some((message) => message.includes(`'${removed}' is missing`)) }).toEqual({ fileName, missing: true });
    }
  }, 60_000);
});
