import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { API_CONFIG } from '../infrastructure/injection-tokens';
import { actorFromClaims } from './actor-claims';
import { AuthException } from './auth.exception';

/** Asymmetric algorithms accepted from an identity provider's JWKS. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Verifies bearer JWTs: HS256 with the configured secret, or the identity provider's keys from
 * JWKS_URL when set. Issuer and audience must match the configuration.
 */
@Injectable()
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(@Inject(API_CONFIG) private readonly config: AppConfig) {
    if (config.auth.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    else this.secret = new TextEncoder().encode(config.auth.jwtSecret);
  }

  async verify(token: string): Promise<Actor> {
    const options = { issuer: this.config.auth.issuer, audience: this.config.auth.audience, clockTolerance: 30 };
    let payload: JWTPayload;
    try {
      ({ payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: JWKS_ALGORITHMS })
        : await jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw AuthException.expired();
      if (error instanceof errors.JOSEError) throw AuthException.invalid(error.code);
      throw AuthException.invalid('unreadable token');
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
