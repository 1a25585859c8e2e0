import { ConfigError, DEFAULT_IDEMPOTENCY_LEASE_MS, loadConfig } from '@zhengdun/config';

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

  it('needs a key with a client certificate', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/tmp/c.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
  });
});

describe('loadConfig: the audit trail (issue 16, finding 5)', () => {
  it.each([
    ['AUDIT_HMAC_KEY', 'too-short-a-key', 'AUDIT_HMAC_KEY must be at least 32 characters'],
    ['DATABASE_APP_ROLE', 'app; DROP TABLE audit_entry', 'DATABASE_APP_ROLE'],
    ['DATABASE_APP_ROLE', 'Zhengdun_App', 'DATABASE_APP_ROLE'],
    ['AUDIT_CHECKPOINT_EVERY', '0', 'AUDIT_CHECKPOINT_EVERY'],
    ['AUDIT_RECONCILE_AFTER_MS', '10', 'AUDIT_RECONCILE_AFTER_MS must be at least 1000'],
  ])('refuses %s=%s naming the variable', (name, value, named) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(named));
  });

  it('refuses a production start without AUDIT_HMAC_KEY, naming it', () => {
    expect(() => loadConfig({ ZHENGDUN_MODE: 'production' })).toThrow(/AUDIT_HMAC_KEY: must be set in production/);
    const key = 'k'.repeat(64);
    expect(loadConfig({ ZHENGDUN_MODE: 'production', AUDIT_HMAC_KEY: key }).audit).toMatchObject({ hmacKey: key, hmacKeyIsDevelopment: false });
  });

  it('signs with a development key outside production, and reads the role and limits', () => {
    expect(loadConfig({}).audit).toMatchObject({ hmacKeyIsDevelopment: true, checkpointEvery: 100, reconcileAfterMs: 60_000 });
    expect(loadConfig({ DATABASE_APP_ROLE: 'zhengdun_app', AUDIT_CHECKPOINT_EVERY: '10', AUDIT_RECONCILE_AFTER_MS: '2000' }).audit).toMatchObject({
      databaseAppRole: 'zhengdun_app',
      checkpointEvery: 10,
      reconcileAfterMs: 2000,
    });
  });
});
