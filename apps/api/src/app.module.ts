import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './core/auth/auth.guard';
import { DevTokensModule } from './core/auth/dev-tokens.module';
import { TokenVerifier } from './core/auth/token-verifier.service';
import { ProblemFilter } from './core/errors/problem.filter';
import { VALIDATION_PIPE_OPTIONS } from './core/errors/validation';
import { IdempotencyModule } from './core/idempotency/idempotency.module';
import { InfrastructureModule, type InfrastructureOptions } from './core/infrastructure/infrastructure.module';
import { loggerParams } from './core/logging/logger-params';
import { AuditModule } from './modules/audit/audit.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { CasesModule } from './modules/cases/cases.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { HealthModule } from './modules/health/health.module';
import { PUBLIC_READ_THROTTLE, PUBLIC_WRITE_THROTTLE } from './modules/public/public-cases.controller';
import { PublicModule } from './modules/public/public.module';

export interface PublicRateLimits {
  /** Requests per minute and client address to the public notice (GET). */
  readsPerMinute: number;
  /** Objections and ratings per minute and client address. */
  writesPerMinute: number;
}

export const DEFAULT_PUBLIC_RATE_LIMITS: PublicRateLimits = { readsPerMinute: 120, writesPerMinute: 20 };

export interface AppModuleOptions extends InfrastructureOptions {
  publicRateLimits?: PublicRateLimits;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const limits = options.publicRateLimits ?? DEFAULT_PUBLIC_RATE_LIMITS;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(options.config)),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: PUBLIC_READ_THROTTLE, ttl: 60_000, limit: limits.readsPerMinute },
            { name: PUBLIC_WRITE_THROTTLE, ttl: 60_000, limit: limits.writesPerMinute },
          ],
        }),
        InfrastructureModule.forRoot(options),
        IdempotencyModule,
        DevTokensModule.register(options.config),
        AuditModule,
        CampaignsModule,
        CasesModule,
        DashboardModule,
        PublicModule,
        HealthModule,
      ],
      providers: [
        TokenVerifier,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useValue: new ValidationPipe(VALIDATION_PIPE_OPTIONS) },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
