import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../../core/infrastructure/injection-tokens';

/** Temporal answers when its frontend returns the system info. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly health: HealthIndicatorService,
  ) {}

  check<Key extends string>(key: Key, timeoutMs = 3000): HealthCheckAttempt<Key> {
    return this.health
      .check(key)
      .attempt(async () => {
        // A gRPC deadline rather than only the indicator's timeout: the client's retries of an
        // unavailable server stop with it instead of running on after the check has answered.
        const info = await this.client.connection.withDeadline(Date.now() + timeoutMs, () => this.client.connection.workflowService.getSystemInfo({}));
        return { serverVersion: info.serverVersion ?? undefined };
      })
      .withTimeout(timeoutMs + 500);
  }
}
