import { randomBytes } from 'node:crypto';
import { ConfigError, DEFAULT_IDEMPOTENCY_LEASE_MS, devSignInEnabled, jwtSecretProblem, loadConfig, requireTokenKeys } from '@zhengdun/config';

describe('loadConfig', () => {
  it('uses embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.temporal.namespace).toBe('default');
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL'],
    ['TEMPORAL_ADDRESS', 'localhost', 'TEMPORAL_ADDRESS'],
    ['TEMPORAL_TLS', 'maybe', 'TEMPORAL_TLS'],
    ['JWT_SECRET', 'short', 'JWT_SECRET'],
    ['JWT_SECRET', 'zhengdun-development-secret-not-for-production', 'JWT_SECRET must be at least 32 random bytes'],
    ['ZHENGDUN_MODE', 'staging', 'ZHENGDUN_MODE must be one of development, production'],
    ['IDEMPOTENCY_LEASE_MS', 'soon', 'IDEMPOTENCY_LEASE_MS'],
    ['IDEMPOTENCY_LEASE_MS', '1.5', 'IDEMPOTENCY_LEASE_MS'],
    ['IDEMPOTENCY_LEASE_MS', '999', 'IDEMPOTENCY_LEASE_MS must be at least 1000'],
    ['IDEMPOTENCY_LEASE_MS', '600001', 'IDEMPOTENCY_LEASE_MS must be at most 600000'],
  ])('refuses %s=%s naming the variable', (name, value, named) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(named));
  });

  it('reads a Temporal Cloud setup', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret-api-key' });
    expect(config.temporal).toMatchObject({ address: 'ns.acct.tmprl.cloud:7233', namespace: 'ns.acct', tls: true, apiKey: 'secret-api-key' });
  });

  it('reads the lease on a claimed Idempotency-Key, 15 s by default', () => {
    expect(loadConfig({}).idempotency).toEqual({ leaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS });
    expect(DEFAULT_IDEMPOTENCY_LEASE_MS).toBe(15_000);
    expect(loadConfig({ IDEMPOTENCY_LEASE_MS: '' }).idempotency.leaseMs).toBe(15_000);
    expect(loadConfig({ IDEMPOTENCY_LEASE_MS: '3000' }).idempotency.leaseMs).toBe(3000);
  });

  it('runs in production unless ZHENGDUN_MODE=development, with the dev sign-in only in development without JWKS_URL', () => {
    const secret = randomBytes(48).toString('base64');
    expect(loadConfig({}).mode).toBe('production');
    expect(loadConfig({ JWT_SECRET: secret }).auth.jwtSecret).toBe(secret);
    expect(devSignInEnabled(loadConfig({ JWT_SECRET: secret }))).toBe(false);
    expect(devSignInEnabled(loadConfig({ ZHENGDUN_MODE: 'production', JWT_SECRET: secret, NODE_ENV: 'development' }))).toBe(false);
    expect(loadConfig({ ZHENGDUN_MODE: 'development', JWT_SECRET: secret }).mode).toBe('development');
    expect(devSignInEnabled(loadConfig({ ZHENGDUN_MODE: 'development', JWT_SECRET: secret }))).toBe(true);
    expect(devSignInEnabled(loadConfig({ ZHENGDUN_MODE: 'development', JWKS_URL: 'https://idp.example/jwks' }))).toBe(false);
  });

  it('has no signing secret of its own: a production start needs JWKS_URL or JWT_SECRET, naming both', () => {
    expect(loadConfig({}).auth.jwtSecret).toBeUndefined();
    expect(() => requireTokenKeys(loadConfig({}))).toThrow(/JWT_SECRET or JWKS_URL/);
    expect(() => requireTokenKeys(loadConfig({ ZHENGDUN_MODE: 'development' }))).toThrow(/JWT_SECRET: must be set/);
    expect(() => requireTokenKeys(loadConfig({ JWKS_URL: 'https://idp.example/jwks' }))).not.toThrow();
    expect(() => requireTokenKeys(loadConfig({ JWT_SECRET: randomBytes(32).toString('hex') }))).not.toThrow();
  });

  it('takes as JWT_SECRET only what looks like 32 or more random bytes', () => {
    for (let i = 0; i < 200; i++) {
      expect(jwtSecretProblem(randomBytes(48).toString('base64'))).toBeUndefined();
      expect(jwtSecretProblem(randomBytes(32).toString('base64'))).toBeUndefined();
      expect(jwtSecretProblem(randomBytes(32).toString('base64url'))).toBeUndefined();
      expect(jwtSecretProblem(randomBytes(32).toString('hex'))).toBeUndefined();
      expect(jwtSecretProblem(randomBytes(32).toString('hex').toUpperCase())).toBeUndefined();
    }
    const weak = [
      randomBytes(31).toString('base64'), // 31 bytes
      randomBytes(31).toString('hex'),
      'a'.repeat(64),
      'Aa'.repeat(40),
      '0123456789'.repeat(7),
      'zhengdun-development-secret-not-for-production',
      'compose-local-secret-not-for-production',
      'correct horse battery staple correct horse battery staple',
    ];
    for (const secret of weak) expect({ secret, problem: jwtSecretProblem(secret) }).toEqual({ secret, problem: expect.stringMatching(/^JWT_SECRET must be at least 32 random bytes/) });
  });

  it('needs a key with a client certificate', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/tmp/c.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
  });
});
