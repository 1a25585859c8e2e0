import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response as ExpressResponse } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { canonicalJson, sha256Hex } from '@zhengdun/persistence';
import type { ApiRequest } from '../auth/api-request';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { ProblemMapper } from '../errors/problem-mapper';
import { instanceOf } from '../errors/problem.filter';
import { RequestValidationException } from '../errors/request-validation.exception';
import { MAX_NESTING, nestedTooDeeply, nestsDeeperThan } from '../errors/validation';
import { IdempotencyClaims } from './idempotency-claims.service';
import { IdempotencyContext } from './idempotency-context';
import { IdempotencyException } from './idempotency.exception';
import { DIGEST_AFTER_UPLOAD, uploadedFileDigest, uploadRead } from './uploaded-file';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotency-Replayed';
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first request with a key (per user) runs and its answer is kept;
 * a repeat with the same request gets that answer again with no second effect; the same key with a
 * different request is refused (422). Server errors (5xx) release the key so a retry runs again, and
 * a key whose API instance died while running it is free again once its lease runs out
 * (IdempotencyClaims). The handler runs inside IdempotencyContext, so that a retried case action
 * reaches Temporal with the same Update id and is applied there at most once even when its first
 * answer was lost.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly claims: IdempotencyClaims,
    private readonly context: IdempotencyContext,
    private readonly reflector: Reflector,
    private readonly problems: ProblemMapper,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    // An upload route claims its key in a second pass, once the file has been read (IdempotentUpload).
    const afterUpload = this.reflector.get<boolean | undefined>(DIGEST_AFTER_UPLOAD, context.getHandler()) === true;
    if (afterUpload && !uploadRead(request)) return next.handle();
    if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
      throw RequestValidationException.field('Idempotency-Key', '须为 1–200 个可见 ASCII 字符', 'must be 1–200 visible ASCII characters');
    }
    const owner = request.actor ? `user:${request.actor.userId}` : 'public';
    const key = `${owner}:${header}`;
    // Hashed before the validation pipe has looked at the body: a body too deep to hash is refused here.
    if (nestsDeeperThan(request.body, MAX_NESTING)) throw nestedTooDeeply('(body)');
    const digest = sha256Hex(
      canonicalJson({
        method: request.method,
        path: instanceOf(request),
        body: request.body ?? null,
        ...(afterUpload ? { file: uploadedFileDigest(request) } : {}),
      }),
    );
    const response = context.switchToHttp().getResponse<ExpressResponse>();

    return from(this.claims.claim(key, digest)).pipe(
      mergeMap((claim) => {
        switch (claim.state) {
          case 'mismatch':
            throw IdempotencyException.reused();
          case 'in_progress':
            throw IdempotencyException.inProgress();
          case 'replay':
            return [replay(claim.statusCode, claim.body)];
          case 'claimed':
            return this.runOnce(key, next, response, request);
        }
      }),
    );
  }

  private runOnce(key: string, next: CallHandler, response: ExpressResponse, request: ApiRequest): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      let value: unknown;
      let settled = false;
      // The handler runs in the async context current when handle() is called: inside run().
      const handled = this.context.run(key, () => next.handle());
      const subscription = handled.subscribe({
        next: (emitted) => {
          value = emitted;
        },
        error: (error: unknown) => {
          settled = true;
          const problem = this.problems.toProblem(error, instanceOf(request));
          const body = request.id !== undefined ? { ...problem.body, traceId: String(request.id) } : problem.body;
          const settle = problem.status >= 500 ? this.claims.release(key) : this.claims.complete(key, problem.status, body);
          settle.then(
            () => subscriber.error(error),
            () => subscriber.error(error),
          );
        },
        complete: () => {
          settled = true;
          this.claims.complete(key, response.statusCode, value ?? null).then(
            () => {
              subscriber.next(value);
              subscriber.complete();
            },
            (error: unknown) => subscriber.error(error),
          );
        },
      });
      return () => {
        subscription.unsubscribe();
        // Abandoned without an answer: stop renewing the key, so that a retry can take it over.
        if (!settled) this.claims.forget(key);
      };
    });
  }
}

/** The first answer again, as a web Response so its own status wins over the route's. */
function replay(statusCode: number, body: unknown): Response {
  const contentType = statusCode >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8';
  return new Response(JSON.stringify(body ?? null), {
    status: statusCode,
    headers: { 'content-type': contentType, [REPLAYED_HEADER]: 'true' },
  });
}
