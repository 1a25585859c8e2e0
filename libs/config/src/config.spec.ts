import { randomBytes } from 'node:crypto';
import { ConfigError, DEFAULT_IDEMPOTENCY_LEASE_MS, DEFAULT_RATE_LIMITS, devSignInEnabled, jwtSecretProblem, loadConfig, requireTokenKeys } from '@zhengdun/config';

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

  it('needs a client certificate with its key, and TLS with either', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_KEY_PATH: '/tmp/k.pem' })).toThrow(/TEMPORAL_TLS_CERT_PATH: required/);
    expect(() => loadConfig({ TEMPORAL_TLS: 'false', TEMPORAL_TLS_CERT_PATH: '/tmp/c.pem', TEMPORAL_TLS_KEY_PATH: '/tmp/k.pem' })).toThrow(/TEMPORAL_TLS: false contradicts/);
  });
});

describe('HTTP surface settings', () => {
  it('trusts no proxy by default: the client address is the TCP peer', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).http.trustProxy).toBe(false);
  });

  it('reads a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 172.16.0.0/12,::1,fd00::/8, loopback' }).http.trustProxy).toEqual(['10.0.0.0/8', '172.16.0.0/12', '::1', 'fd00::/8', 'loopback']);
  });

  it.each(['true', 'nginx', '10.0.0.0/33', '10.0.0/8', '::1/129', '11', '1.2.3.4/8/1', ','])('refuses TRUST_PROXY=%s naming the variable', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('reads rate limits and the statement timeout, with defaults', () => {
    expect(loadConfig({}).http).toMatchObject({ rateLimits: DEFAULT_RATE_LIMITS, statementTimeoutMs: 15_000 });
    expect(DEFAULT_RATE_LIMITS.userPerMinute).toBe(600);
    const config = loadConfig({ RATE_LIMIT_USER_PER_MINUTE: '1200', RATE_LIMIT_CASE_WRITES_PER_MINUTE: '30', DATABASE_STATEMENT_TIMEOUT_MS: '5000' });
    expect(config.http.rateLimits).toMatchObject({ userPerMinute: 1200, caseWritesPerMinute: 30, publicReadsPerMinute: 120 });
    expect(config.http.statementTimeoutMs).toBe(5000);
    expect(() => loadConfig({ RATE_LIMIT_USER_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_USER_PER_MINUTE/);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '50' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS must be at least 100/);
  });
});

describe('notification delivery settings', () => {
  it('defaults to 8 tries per channel, a 5 s first retry and a 2 min lease', () => {
    expect(loadConfig({}).notify).toEqual({ webhookUrl: undefined, smtpUrl: undefined, smtpFrom: undefined, maxAttempts: 8, retryBaseMs: 5000, leaseMs: 120_000 });
    expect(loadConfig({ NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '200', NOTIFY_LEASE_MS: '2000' }).notify).toMatchObject({ maxAttempts: 3, retryBaseMs: 200, leaseMs: 2000 });
  });

  it('needs a sender with SMTP_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.county.test:25' })).toThrow(/SMTP_FROM: required when SMTP_URL is set/);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.county.test:25', SMTP_FROM: '整顿工作提醒 <noreply@county.test>' }).notify.smtpFrom).toBe('整顿工作提醒 <noreply@county.test>');
    expect(loadConfig({ SMTP_URL: 'smtp://mail.county.test:25', SMTP_FROM: 'noreply@county.test' }).notify.smtpFrom).toBe('noreply@county.test');
  });

  it.each([
    ['NOTIFY_MAX_ATTEMPTS', '0', 'NOTIFY_MAX_ATTEMPTS must be at least 1'],
    ['NOTIFY_MAX_ATTEMPTS', '51', 'NOTIFY_MAX_ATTEMPTS must be at most 50'],
    ['NOTIFY_MAX_ATTEMPTS', 'many', 'NOTIFY_MAX_ATTEMPTS'],
    ['NOTIFY_RETRY_BASE_MS', '10', 'NOTIFY_RETRY_BASE_MS must be at least 100'],
    ['NOTIFY_LEASE_MS', '500', 'NOTIFY_LEASE_MS must be at least 1000'],
    ['NOTIFY_LEASE_MS', '3600001', 'NOTIFY_LEASE_MS must be at most 3600000'],
    ['SMTP_FROM', 'nobody', 'SMTP_FROM must be an e-mail address'],
  ])('refuses %s=%s naming the variable', (name, value, named) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(named));
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

  it('has no audit key in production unless AUDIT_HMAC_KEY is given (the API then refuses to start)', () => {
    expect(loadConfig({}).audit).toMatchObject({ hmacKey: undefined, hmacKeyIsDevelopment: false });
    const key = 'k'.repeat(64);
    expect(loadConfig({ ZHENGDUN_MODE: 'production', AUDIT_HMAC_KEY: key }).audit).toMatchObject({ hmacKey: key, hmacKeyIsDevelopment: false });
  });

  it('signs with a development key outside production, and reads the role and limits', () => {
    expect(loadConfig({ ZHENGDUN_MODE: 'development' }).audit).toMatchObject({ hmacKeyIsDevelopment: true, checkpointEvery: 100, reconcileAfterMs: 60_000 });
    expect(loadConfig({ DATABASE_APP_ROLE: 'zhengdun_app', AUDIT_CHECKPOINT_EVERY: '10', AUDIT_RECONCILE_AFTER_MS: '2000' }).audit).toMatchObject({
      databaseAppRole: 'zhengdun_app',
      checkpointEvery: 10,
      reconcileAfterMs: 2000,
    });
  });
});

describe('upload and export limits', () => {
  it('has bounded defaults', () => {
    const config = loadConfig({});
    expect(config.uploads).toEqual({ maxFileBytes: 10 * 1024 * 1024, maxUncompressedBytes: 64 * 1024 * 1024, maxCompressionRatio: 200, maxRows: 20_000, maxCells: 400_000 });
    expect(config.ledger).toEqual({ maxCases: 5_000 });
  });

  it('reads each limit from its variable', () => {
    const config = loadConfig({ SCREENING_MAX_ROWS: '100', SCREENING_MAX_CELLS: '1000', LEDGER_MAX_CASES: '2', SCREENING_MAX_UNCOMPRESSED_BYTES: '1048576' });
    expect(config.uploads).toMatchObject({ maxRows: 100, maxCells: 1000, maxUncompressedBytes: 1_048_576 });
    expect(config.ledger.maxCases).toBe(2);
  });

  it.each([
    ['SCREENING_MAX_FILE_BYTES', 'ten', 'SCREENING_MAX_FILE_BYTES must be an integer'],
    ['SCREENING_MAX_UNCOMPRESSED_BYTES', '1', 'SCREENING_MAX_UNCOMPRESSED_BYTES must be at least'],
    ['SCREENING_MAX_COMPRESSION_RATIO', '0', 'SCREENING_MAX_COMPRESSION_RATIO must be at least'],
    ['SCREENING_MAX_ROWS', '5000000', 'SCREENING_MAX_ROWS must be at most'],
    ['SCREENING_MAX_CELLS', '-1', 'SCREENING_MAX_CELLS must be at least'],
    ['LEDGER_MAX_CASES', '0', 'LEDGER_MAX_CASES must be at least 1'],
  ])('refuses %s=%s naming the variable', (name, value, named) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(named);
  });
});

describe('variables of the worker and of npm start', () => {
  it('reads the prebuilt workflow bundle, refusing a path that is no .js bundle', () => {
    expect(loadConfig({}).workflowBundlePath).toBeUndefined();
    expect(loadConfig({ WORKFLOW_BUNDLE_PATH: '/app/dist/workflow-bundle.js' }).workflowBundlePath).toBe('/app/dist/workflow-bundle.js');
    expect(() => loadConfig({ WORKFLOW_BUNDLE_PATH: '/app/dist' })).toThrow(/WORKFLOW_BUNDLE_PATH must be the path of a \.js bundle/);
  });

  it("reads npm start's ports, CLI and data directory, with defaults", () => {
    expect(loadConfig({}).development).toEqual({ embeddedPostgresPort: 54329, temporalDevPort: 7233, temporalUiPort: 8233, temporalCliPath: undefined, dataDir: undefined });
    expect(
      loadConfig({ EMBEDDED_PG_PORT: '55432', TEMPORAL_DEV_PORT: '17233', TEMPORAL_UI_PORT: '18233', TEMPORAL_CLI_PATH: '/opt/temporal', ZHENGDUN_DATA_DIR: '/var/zd' }).development,
    ).toEqual({ embeddedPostgresPort: 55432, temporalDevPort: 17233, temporalUiPort: 18233, temporalCliPath: '/opt/temporal', dataDir: '/var/zd' });
  });

  it.each([
    ['EMBEDDED_PG_PORT', 'fifty'],
    ['TEMPORAL_DEV_PORT', '70000'],
    ['TEMPORAL_UI_PORT', '0'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });
});

describe('the worker’s workflow cache', () => {
  it('is the SDK’s default unless WORKER_MAX_CACHED_WORKFLOWS bounds it', () => {
    expect(loadConfig({}).workerMaxCachedWorkflows).toBeUndefined();
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '2000' }).workerMaxCachedWorkflows).toBe(2000);
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS must be an integer/);
  });
});
