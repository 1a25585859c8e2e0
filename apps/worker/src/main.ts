/** The Temporal worker process: runs case workflows and their activities. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, requireSetting } from '@zhengdun/config';
import { createWorkerLogger } from './logger';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  requireSetting(config.databaseUrl, 'DATABASE_URL');
  requireSetting(config.temporal.address, 'TEMPORAL_ADDRESS');
  requireSetting(config.actorSigningKey, 'ACTOR_SIGNING_KEY');
  const logger = createWorkerLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
