import { loadConfig } from '@zhengdun/config';
import { describeTemporalAuth, temporalConnectionOptions } from './connection';

const CLOUD = { TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'secret-api-key' };

describe('Temporal connection options (the apps and the search-attribute script alike)', () => {
  it('uses TLS with an API key, and names the namespace for Temporal Cloud', () => {
    const config = loadConfig(CLOUD).temporal;
    expect(temporalConnectionOptions(config)).toMatchObject({ address: CLOUD.TEMPORAL_ADDRESS, tls: true, apiKey: 'secret-api-key', metadata: { 'temporal-namespace': 'ns.acct' } });
    expect(describeTemporalAuth(config)).toBe('TLS, API key');
  });

  it('stays plaintext when TEMPORAL_TLS=false, even with an API key', () => {
    const config = loadConfig({ ...CLOUD, TEMPORAL_TLS: 'false' }).temporal;
    expect(temporalConnectionOptions(config).tls).toBe(false);
    expect(describeTemporalAuth(config)).toBe('plaintext, API key');
  });

  it('names the variable of a client certificate it cannot read', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_CERT_PATH: '/nonexistent/c.pem', TEMPORAL_TLS_KEY_PATH: '/nonexistent/k.pem' }).temporal;
    expect(() => temporalConnectionOptions(config)).toThrow(/TEMPORAL_TLS_CERT_PATH: \/nonexistent\/c\.pem cannot be read/);
  });
});
