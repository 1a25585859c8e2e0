/**
 * Token claims → Actor. Claims: sub (user id), name, role (UserRole), scope
 * ({level:'county',county} | {level:'township',county,township} | {level:'organization',county,orgCode}).
 */
import { isUserRole, type Actor, type Scope } from '@zhengdun/domain';
import { AuthException } from './auth.exception';

const MAX_CLAIM_LENGTH = 128;

/**
 * What a claim's text may not hold, as request bodies may not: control characters (NUL among them),
 * line and paragraph separators, bidirectional overrides that make a name read differently than it is,
 * and unpaired UTF-16 surrogates, which Postgres cannot store (a forged name would freeze the case's read
 * model, every write of it failing).
 */
const UNSAFE_CLAIM_TEXT = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_CLAIM_LENGTH && !UNSAFE_CLAIM_TEXT.test(value);
}

export function scopeFromClaim(value: unknown): Scope | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const scope = value as Record<string, unknown>;
  if (!text(scope.county)) return undefined;
  switch (scope.level) {
    case 'county':
      return { level: 'county', county: scope.county };
    case 'township':
      return text(scope.township) ? { level: 'township', county: scope.county, township: scope.township } : undefined;
    case 'organization':
      return text(scope.orgCode) ? { level: 'organization', county: scope.county, orgCode: scope.orgCode } : undefined;
    default:
      return undefined;
  }
}

export function actorFromClaims(payload: Record<string, unknown>): Actor {
  if (!text(payload.sub)) throw AuthException.claims('sub');
  if (!text(payload.name)) throw AuthException.claims('name');
  if (!isUserRole(payload.role)) throw AuthException.claims('role');
  const scope = scopeFromClaim(payload.scope);
  if (!scope) throw AuthException.claims('scope');
  return { userId: payload.sub, name: payload.name, role: payload.role, scope };
}

/** The claims a token for this actor carries. */
export function claimsFor(actor: Actor): Record<string, unknown> {
  return { name: actor.name, role: actor.role, scope: actor.scope };
}
