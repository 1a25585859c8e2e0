import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig, type AppConfig } from '@zhengdun/config';
import { DEV_ACTORS, mintDevToken } from './dev-tokens';
import { AuthException } from './auth.exception';
import { bearerToken, TokenVerifier } from './token-verifier.service';

describe('TokenVerifier', () => {
  const config = loadConfig({ JWT_SECRET: randomBytes(48).toString('base64') });
  const key = new TextEncoder().encode(config.auth.jwtSecret);
  const actor = DEV_ACTORS.township_committee;
  const now = Math.floor(Date.now() / 1000);
  /** A token signed with the right key, issuer and audience, with exactly the timestamps given. */
  const signed = (times: { iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ ...times, name: actor.name, role: actor.role, scope: actor.scope })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.userId)
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience);
    return jwt.sign(key);
  };

  it('accepts a development token and rebuilds its actor', async () => {
    const token = await mintDevToken(config.auth, DEV_ACTORS.township_committee);
    expect(await new TokenVerifier(config).verify(token)).toEqual(DEV_ACTORS.township_committee);
  });

  it.each<[string, Partial<AppConfig['auth']>, string]>([
    ['another secret', { jwtSecret: 'another-secret-of-enough-length' }, 'invalid_token'],
    ['another issuer', { issuer: 'elsewhere' }, 'invalid_token'],
    ['another audience', { audience: 'another-api' }, 'invalid_token'],
  ])('refuses a token signed for %s', async (_name, change, code) => {
    const token = await mintDevToken({ ...config.auth, ...change }, DEV_ACTORS.county_department);
    await expect(new TokenVerifier(config).verify(token)).rejects.toMatchObject({ code });
  });

  it('needs exp and iat, and refuses a lifetime over 24 h or an iat in the future', async () => {
    const verifier = new TokenVerifier(config);
    expect(await verifier.verify(await signed({ iat: now, exp: now + 3600 }))).toEqual(actor);
    await expect(verifier.verify(await signed({ iat: now }))).rejects.toMatchObject({ code: 'invalid_token', messageEn: expect.stringContaining('exp claim is missing') });
    await expect(verifier.verify(await signed({ exp: now + 3600 }))).rejects.toMatchObject({ code: 'invalid_token', messageEn: expect.stringContaining('iat claim is missing') });
    await expect(verifier.verify(await signed({ iat: now, exp: now + 3 * 24 * 3600 }))).rejects.toMatchObject({ code: 'invalid_token', messageEn: expect.stringContaining('lifetime') });
    await expect(verifier.verify(await signed({ iat: now + 3600, exp: now + 7200 }))).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(verifier.verify(await signed({ iat: now - 2 * 24 * 3600, exp: now + 3600 }))).rejects.toBeInstanceOf(AuthException);
  });

  it('refuses to be built with neither a secret nor JWKS_URL', () => {
    expect(() => new TokenVerifier(loadConfig({}))).toThrow(/JWKS_URL or JWT_SECRET/);
  });

  it('refuses an expired token as expired', async () => {
    const token = await mintDevToken(config.auth, DEV_ACTORS.auditor, Math.floor(Date.now() / 1000) - 120);
    await expect(new TokenVerifier(config).verify(token)).rejects.toEqual(AuthException.expired());
  });

  it('verifies against the identity provider’s JWKS when JWKS_URL is set, and then refuses HS256', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const withJwks = loadConfig({ JWKS_URL: url, JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'zhengdun-api' });
      const actor = DEV_ACTORS.branch_secretary;
      const token = await new SignJWT({ name: actor.name, role: actor.role, scope: actor.scope })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(actor.userId)
        .setIssuer('https://idp.example')
        .setAudience('zhengdun-api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      const verifier = new TokenVerifier(withJwks);
      expect(await verifier.verify(token)).toEqual(actor);
      const hs256 = await mintDevToken({ ...withJwks.auth, jwtSecret: config.auth.jwtSecret }, actor);
      await expect(verifier.verify(hs256)).rejects.toMatchObject({ code: 'invalid_token' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads only Bearer tokens', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi ')).toBe('abc.def.ghi');
    expect(bearerToken('Basic dXNlcg==')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeUndefined();
  });
});
