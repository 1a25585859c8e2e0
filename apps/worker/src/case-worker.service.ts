import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { createWorkerActivities } from '@zhengdun/activities';
import { requireSetting, type AppConfig } from '@zhengdun/config';
import { connectWorker, createCaseWorker } from '@zhengdun/temporal';
import { APP_CONFIG, DATA_SOURCE, LOGGER, TEMPORAL_CLIENT } from './tokens';

/**
 * Runs the Temporal worker for the life of the process; a worker failure stops the process. It
 * registers every workflow of the bundle (cases, campaigns, imports) and every activity.
 */
@Injectable()
export class CaseWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: pino.Logger,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await connectWorker(this.config.temporal);
    const bundlePath = this.config.workflowBundlePath;
    this.worker = await createCaseWorker({
      connection: this.connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      activities: createWorkerActivities({ dataSource: this.dataSource, client: this.client, taskQueue: this.config.temporal.taskQueue }),
      actorKey: requireSetting(this.config.actorSigningKey, 'ACTOR_SIGNING_KEY'),
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
      ...(this.config.workerMaxCachedWorkflows !== undefined ? { tuning: { maxCachedWorkflows: this.config.workerMaxCachedWorkflows } } : {}),
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.fatal({ err: error }, 'worker stopped with an error');
      process.exit(1);
    });
    this.logger.info({ taskQueue: this.config.temporal.taskQueue }, 'worker polling');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    await this.client.connection.close();
  }
}
