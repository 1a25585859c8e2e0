import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { AppConfig } from '@zhengdun/config';
import { API_CONFIG, TEMPORAL_CLIENT } from '../../core/infrastructure/injection-tokens';

/** A poller seen this recently is a worker serving the cases (Temporal keeps pollers listed for minutes). */
const RECENT_POLL_MS = 70_000;

/**
 * Temporal answers when its frontend returns the system info. Beside it, how many workers polled the
 * case task queue lately: none means actions wait (the API itself is still up, so the check passes).
 */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  check<Key extends string>(key: Key, timeoutMs = 3000): HealthCheckAttempt<Key> {
    return this.health
      .check(key)
      .attempt(async () => {
        // A gRPC deadline rather than only the indicator's timeout: the client's retries of an
        // unavailable server stop with it instead of running on after the check has answered.
        const service = this.client.connection.workflowService;
        const { info, queue } = await this.client.connection.withDeadline(Date.now() + timeoutMs, async () => ({
          info: await service.getSystemInfo({}),
          queue: await service.describeTaskQueue({
            namespace: this.client.options.namespace,
            taskQueue: { name: this.config.temporal.taskQueue },
            taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
          }),
        }));
        const recent = (queue.pollers ?? []).filter((poller) => poller.lastAccessTime && Date.now() - millisOf(poller.lastAccessTime) < RECENT_POLL_MS);
        return { serverVersion: info.serverVersion ?? undefined, caseTaskQueue: this.config.temporal.taskQueue, workersPolling: recent.length };
      })
      .withTimeout(timeoutMs + 500);
  }
}

function millisOf(timestamp: { seconds?: number | { toNumber(): number } | null; nanos?: number | null }): number {
  const seconds = typeof timestamp.seconds === 'object' && timestamp.seconds !== null ? timestamp.seconds.toNumber() : (timestamp.seconds ?? 0);
  return seconds * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
}
