/**
 * Who is limited, and how much (limits from RateLimits, libs/config):
 *  - the public notice (GET), per client address;
 *  - objections and ratings, per client address and per case (every one is a signal that grows the
 *    case's workflow history, so a crowd of addresses cannot flood one case either);
 *  - every authenticated request, per user (the token's subject), generously.
 * The client address is Express's `req.ip`, which believes X-Forwarded-For only as far as TRUST_PROXY
 * says. Counters live in Postgres (PostgresThrottlerStorage), shared by every API replica.
 */
import { createHash } from 'node:crypto';
import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { normalizeIp, type ThrottlerOptions } from '@nestjs/throttler';
import type { RateLimits } from '@zhengdun/config';
import type { ApiRequest } from '../auth/api-request';

export type PublicRateLimitKind = 'read' | 'write';

const PUBLIC_RATE_LIMIT = 'zhengdun:public-rate-limit';

/** Puts a public route under the public limits of its kind. */
export const PublicRateLimit = (kind: PublicRateLimitKind) => SetMetadata(PUBLIC_RATE_LIMIT, kind);

export const PUBLIC_READ_THROTTLE = 'public-read';
export const PUBLIC_WRITE_THROTTLE = 'public-write';
export const CASE_WRITE_THROTTLE = 'case-write';
export const USER_THROTTLE = 'user';

const MINUTE_MS = 60_000;

function publicKindOf(context: ExecutionContext): PublicRateLimitKind | undefined {
  return (Reflect.getMetadata(PUBLIC_RATE_LIMIT, context.getHandler()) ?? Reflect.getMetadata(PUBLIC_RATE_LIMIT, context.getClass())) as PublicRateLimitKind | undefined;
}

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ApiRequest>();

/** The client's address as Express resolved it under TRUST_PROXY; IPv6 by /64, as the throttler does. */
const clientAddress = (request: Record<string, unknown>) => normalizeIp(String(request.ip ?? 'unknown'));

/**
 * One bucket per limit and tracker, whatever the route: a user's 600 a minute are for the whole API,
 * not per endpoint. The tracker is hashed (a case id comes from the path, before any pipe checked it).
 */
function bucketKey(name: string, tracker: string): string {
  return `${name}:${createHash('sha256').update(tracker).digest('base64url').slice(0, 32)}`;
}

/** The throttlers of ThrottlerModule; each one skips the routes it is not for. */
export function throttlersFor(limits: RateLimits): ThrottlerOptions[] {
  const perMinute = (name: string, limit: number) => ({ name, ttl: MINUTE_MS, limit, generateKey: (_context: ExecutionContext, tracker: string) => bucketKey(`${name}/${limit}`, tracker) });
  return [
    { ...perMinute(PUBLIC_READ_THROTTLE, limits.publicReadsPerMinute), skipIf: (context) => publicKindOf(context) !== 'read', getTracker: clientAddress },
    { ...perMinute(PUBLIC_WRITE_THROTTLE, limits.publicWritesPerMinute), skipIf: (context) => publicKindOf(context) !== 'write', getTracker: clientAddress },
    {
      ...perMinute(CASE_WRITE_THROTTLE, limits.caseWritesPerMinute),
      skipIf: (context) => publicKindOf(context) !== 'write',
      getTracker: (request) => String((request.params as Record<string, unknown> | undefined)?.caseId ?? ''),
    },
    {
      ...perMinute(USER_THROTTLE, limits.userPerMinute),
      // Set by AuthGuard, which runs first: routes without a signed-in user (public, health) are skipped.
      skipIf: (context) => requestOf(context).actor === undefined,
      getTracker: (request) => String((request as ApiRequest).actor?.userId ?? ''),
    },
  ];
}
