import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { requireSetting, type AppConfig } from '@zhengdun/config';
import { actingAsRole, createDataSource } from '@zhengdun/persistence';
import { connectClient } from '@zhengdun/temporal';
import { CaseWorkerService } from './case-worker.service';
import { NotificationDispatcherService } from './notification-dispatcher.service';
import { APP_CONFIG, DATA_SOURCE, LOGGER, TEMPORAL_CLIENT } from './tokens';

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: pino.Logger): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: DATA_SOURCE,
          // As DATABASE_APP_ROLE, when set: the application's privileges (no rewriting the audit trail).
          useFactory: () =>
            createDataSource(requireSetting(config.databaseUrl, 'DATABASE_URL'), {
              extra: { max: 20, connectionTimeoutMillis: 5000, ...actingAsRole(config.audit.databaseAppRole) },
            }).initialize(),
        },
        // Closed by CaseWorkerService once the worker (whose activities use it) has stopped.
        { provide: TEMPORAL_CLIENT, useFactory: () => connectClient(config.temporal) },
        DataSourceCloser,
        CaseWorkerService,
        NotificationDispatcherService,
      ],
    };
  }
}
