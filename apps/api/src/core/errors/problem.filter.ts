import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemMapper } from './problem-mapper';

type LoggedRequest = Request & { id?: string | number; log?: PinoLogger };

/** Path of the request as `instance`, without the query, bounded in length. */
export function instanceOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0].slice(0, 300);
}

/** The throttler names its header per limit (Retry-After-public-write); clients look for Retry-After. */
function retryAfterFromThrottler(response: Response): void {
  const seconds = response
    .getHeaderNames()
    .filter((name) => name.startsWith('retry-after-'))
    .map((name) => Number(response.getHeader(name)))
    .filter((value) => Number.isFinite(value));
  if (seconds.length > 0) response.setHeader('Retry-After', String(Math.max(...seconds)));
}

/** The only place error responses are written: everything thrown becomes application/problem+json. */
@Catch()
@Injectable()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly problems: ProblemMapper) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<LoggedRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.problems.toProblem(exception, instanceOf(request));
    if (problem.unmappedCode) {
      request.log?.error({ err: exception, code: problem.unmappedCode }, 'error code without an HTTP status: add it to its module\'s status table');
    } else if (problem.unexpected) {
      request.log?.error({ err: exception }, 'unexpected error');
    } else {
      request.log?.debug({ code: problem.body.code, status: problem.status }, 'request refused');
    }
    if (response.headersSent) return;
    const body = request.id !== undefined ? { ...problem.body, traceId: String(request.id) } : problem.body;
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    if (problem.status === 429) retryAfterFromThrottler(response);
    response.status(problem.status);
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.send(JSON.stringify(body));
  }
}
