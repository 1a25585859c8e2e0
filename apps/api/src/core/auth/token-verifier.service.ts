import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { API_CONFIG } from '../infrastructure/injection-tokens';
import { actorFromClaims } from './actor-claims';
import { AuthException } from './auth.exception';

/** Asymmetric algorithms accepted from an identity provider's JWKS. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Longest a token may live (exp − iat), and oldest it may be (now − iat): a leaked token expires within a day. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer JWTs: HS256 with the configured secret, or the identity provider's keys from
 * JWKS_URL when set. Issuer and audience must match the configuration; `exp` and `iat` are required
 * (a token without them would be valid forever) and the lifetime is bounded.
 */
@Injectable()
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(@Inject(API_CONFIG) private readonly config: AppConfig) {
    if (config.auth.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    else if (config.auth.jwtSecret) this.secret = new TextEncoder().encode(config.auth.jwtSecret);
    // main.ts refuses such a start (requireTokenKeys); an app built without either must not accept anything.
    else throw new Error('TokenVerifier needs JWKS_URL or JWT_SECRET');
  }

  async verify(token: string): Promise<Actor> {
    const options = {
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat'],
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
    };
    let payload: JWTPayload;
    try {
      ({ payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: JWKS_ALGORITHMS })
        : await jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw AuthException.expired();
      if (error instanceof errors.JWTClaimValidationFailed) throw AuthException.invalid(`the ${error.claim} claim is ${error.reason === 'missing' ? 'missing' : 'invalid'}`);
      if (error instanceof errors.JOSEError) throw AuthException.invalid(error.code);
      throw AuthException.invalid('unreadable token');
    }
    // Both are numbers here: jose checked them (requiredClaims).
    if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
      throw AuthException.invalid(`lifetime longer than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} h`);
    }
    return actorFromClaims(payload as Record<string, unknown>);
  }
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  return match?.[1];
}
