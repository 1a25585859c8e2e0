/**
 * What the API talks to: Postgres (one DataSource) and Temporal (one Client, one CaseClient), and
 * the repositories over them. Given by the caller (tests) or opened from the configuration; what this
 * module opened it closes on shutdown.
 */
import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { requireSetting, type AppConfig } from '@zhengdun/config';
import {
  AuditLogRepository,
  CampaignRepository,
  CaseQueryRepository,
  CaseReadModelRepository,
  actingAsRole,
  createDataSource,
  IdempotencyRepository,
} from '@zhengdun/persistence';
import { CaseClient, connectClient } from '@zhengdun/temporal';
import { API_CONFIG, API_OPTIONS, TEMPORAL_CLIENT } from './injection-tokens';
import { TemporalCalls } from './temporal-calls.service';

export interface InfrastructureOptions {
  config: AppConfig;
  /** An initialized DataSource to use instead of opening one from DATABASE_URL (not closed by the app). */
  dataSource?: DataSource;
  /** A Temporal client to use instead of connecting to TEMPORAL_ADDRESS (not closed by the app). */
  temporalClient?: Client;
  /** Bound on one request's calls to Temporal; DEFAULT_TEMPORAL_TIMEOUT_MS when unset. */
  temporalTimeoutMs?: number;
}

const OWNED = Symbol('OWNED_RESOURCES');

interface OwnedResources {
  dataSource?: DataSource;
  temporalClient?: Client;
}

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(@Inject(OWNED) private readonly owned: OwnedResources) {}

  async onApplicationShutdown(): Promise<void> {
    await this.owned.temporalClient?.connection.close().catch(() => undefined);
    if (this.owned.dataSource?.isInitialized) await this.owned.dataSource.destroy();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    const owned: OwnedResources = {};
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_OPTIONS, useValue: options },
        { provide: API_CONFIG, useValue: options.config },
        { provide: OWNED, useValue: owned },
        {
          provide: DataSource,
          useFactory: async () => {
            if (options.dataSource) return options.dataSource;
            const dataSource = createDataSource(requireSetting(options.config.databaseUrl, 'DATABASE_URL'), {
              // A runaway query is cancelled by Postgres instead of holding a connection (the API's
              // pool only: the worker and migrations open their own). As DATABASE_APP_ROLE, when set:
              // the application's privileges (no rewriting the audit trail).
              extra: { max: 10, connectionTimeoutMillis: 5000, statement_timeout: options.config.http.statementTimeoutMs, ...actingAsRole(options.config.audit.databaseAppRole) },
            });
            owned.dataSource = dataSource;
            return dataSource.initialize();
          },
        },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: async () => {
            if (options.temporalClient) return options.temporalClient;
            owned.temporalClient = await connectClient(options.config.temporal);
            return owned.temporalClient;
          },
        },
        {
          provide: CaseClient,
          inject: [TEMPORAL_CLIENT],
          useFactory: (client: Client) => new CaseClient(client, options.config.temporal.taskQueue, { actorKey: options.config.actorSigningKey }),
        },
        { provide: CaseQueryRepository, inject: [DataSource], useFactory: (ds: DataSource) => new CaseQueryRepository(ds) },
        { provide: CaseReadModelRepository, inject: [DataSource], useFactory: (ds: DataSource) => new CaseReadModelRepository(ds) },
        { provide: CampaignRepository, inject: [DataSource], useFactory: (ds: DataSource) => new CampaignRepository(ds) },
        { provide: AuditLogRepository, inject: [DataSource], useFactory: (ds: DataSource) => new AuditLogRepository(ds) },
        { provide: IdempotencyRepository, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyRepository(ds) },
        InfrastructureShutdown,
        TemporalCalls,
      ],
      exports: [
        API_OPTIONS,
        API_CONFIG,
        DataSource,
        TEMPORAL_CLIENT,
        CaseClient,
        CaseQueryRepository,
        CaseReadModelRepository,
        CampaignRepository,
        AuditLogRepository,
        IdempotencyRepository,
        TemporalCalls,
      ],
    };
  }
}
