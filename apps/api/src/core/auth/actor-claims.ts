/**
 * Token claims → Actor. Claims: sub (user id), name, role (UserRole), scope
 * ({level:'county',county} | {level:'township',county,township} | {level:'organization',county,orgCode}).
 */
import { isUserRole, type Actor, type Scope } from '@zhengdun/domain';
import { AuthException } from './auth.exception';

const MAX_CLAIM_LENGTH = 128;

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_CLAIM_LENGTH;
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
