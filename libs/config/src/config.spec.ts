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
