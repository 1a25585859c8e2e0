import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { RateLimitRepository } from '@zhengdun/persistence';
import type { RateLimits } from '@zhengdun/config';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './core/auth/auth.guard';
import { DevTokensModule } from './core/auth/dev-tokens.module';
import { TokenVerifier } from './core/auth/token-verifier.service';
import { ProblemFilter } from './core/errors/problem.filter';
import { ProblemMapperModule } from './core/errors/problem-mapper';
import { RequestValidationPipe } from './core/errors/validation';
import { IdempotencyModule } from './core/idempotency/idempotency.module';
import { JsonBodyGuard } from './core/http/json-body.guard';
import { PostgresThrottlerStorage } from './core/rate-limit/postgres-throttler.storage';
import { RateLimitModule } from './core/rate-limit/rate-limit.module';
import { throttlersFor } from './core/rate-limit/rate-limits';
import { InfrastructureModule, type InfrastructureOptions } from './core/infrastructure/infrastructure.module';
import { loggerParams } from './core/logging/logger-params';
import { AuditModule } from './modules/audit/audit.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { HolidayCalendarModule } from './modules/calendar/holiday-calendar.module';
import { CasesModule } from './modules/cases/cases.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PublicModule } from './modules/public/public.module';
import { TodosModule } from './modules/todos/todos.module';
import { API_PROBLEM_CODES } from './problem-codes';

export interface PublicRateLimits {
  /** Requests per minute and client address to the public notice (GET). */
  readsPerMinute: number;
  /** Objections and ratings per minute and client address. */
  writesPerMinute: number;
}

export interface AppModuleOptions extends InfrastructureOptions {
  /** Overrides config.http.rateLimits' public reads and writes (tests, benchmarks). */
  publicRateLimits?: PublicRateLimits;
  /** Overrides any of config.http.rateLimits (tests, benchmarks). */
  rateLimits?: Partial<RateLimits>;
}

/** The configured limits, with the caller's overrides. */
export function rateLimitsOf(options: AppModuleOptions): RateLimits {
  const fromPublic = options.publicRateLimits
    ? { publicReadsPerMinute: options.publicRateLimits.readsPerMinute, publicWritesPerMinute: options.publicRateLimits.writesPerMinute }
    : {};
  return { ...options.config.http.rateLimits, ...fromPublic, ...options.rateLimits };
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const limits = rateLimitsOf(options);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(options.config)),
        ProblemMapperModule.forRoot(API_PROBLEM_CODES),
        InfrastructureModule.forRoot(options),
        ThrottlerModule.forRootAsync({
          imports: [RateLimitModule],
          inject: [RateLimitRepository],
          useFactory: (buckets: RateLimitRepository) => ({ throttlers: throttlersFor(limits), storage: new PostgresThrottlerStorage(buckets) }),
        }),
        IdempotencyModule,
        DevTokensModule.register(options.config),
        AuditModule,
        CampaignsModule,
        HolidayCalendarModule,
        CasesModule,
        DashboardModule,
        TodosModule,
        PublicModule,
        HealthModule,
        NotificationsModule,
      ],
      providers: [
        TokenVerifier,
        // In this order: the user's limit needs the actor AuthGuard sets; a refused body type is still counted.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_PIPE, useValue: new RequestValidationPipe() },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
