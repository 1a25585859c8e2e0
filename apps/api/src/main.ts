/**
 * The Supervisor API process: configuration checked first, then the app on PORT. Production (the
 * default) refuses to start without JWKS_URL or a strong JWT_SECRET; development (`npm start`) listens
 * on loopback only.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, requireSetting, requireTokenKeys, type AppConfig } from '@zhengdun/config';

function configOrExit(): AppConfig {
  try {
    const config = loadConfig();
    requireSetting(config.databaseUrl, 'DATABASE_URL');
    requireSetting(config.temporal.address, 'TEMPORAL_ADDRESS');
    requireTokenKeys(config);
    requireSetting(config.actorSigningKey, 'ACTOR_SIGNING_KEY');
    requireSetting(config.audit.hmacKey, 'AUDIT_HMAC_KEY');
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  // Loaded only once the configuration is known to be good, so a bad one fails at once.
  const { createApiApp } = await import('./create-app');
  // Development tokens are minted by anyone who reaches /dev/tokens: only this machine may.
  const api = await createApiApp({ config, host: config.mode === 'development' ? '127.0.0.1' : undefined });
  new Logger('Main').log(`Supervisor API listening on port ${api.port} (${config.mode} mode); OpenAPI at /docs${api.webUi ? '; web UI at /' : ''}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
