import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type pino from 'pino';
import type { DataSource } from 'typeorm';
import { requireSetting, type AppConfig } from '@zhengdun/config';
import { createDataSource } from '@zhengdun/persistence';
import { CaseWorkerService } from './case-worker.service';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from './tokens';

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
          useFactory: () => createDataSource(requireSetting(config.databaseUrl, 'DATABASE_URL')).initialize(),
        },
        DataSourceCloser,
        CaseWorkerService,
      ],
    };
  }
}
