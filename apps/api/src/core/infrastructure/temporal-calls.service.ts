import { Inject, Injectable } from '@nestjs/common';
import { isGrpcServiceError, type Client } from '@temporalio/client';
import { API_OPTIONS, TEMPORAL_CLIENT } from './injection-tokens';
import type { InfrastructureOptions } from './infrastructure.module';
import { WorkflowUnavailableException } from './workflow-unavailable.exception';

/** Default bound on one request's calls to Temporal (an Update waits for the worker to run it). */
export const DEFAULT_TEMPORAL_TIMEOUT_MS = 30_000;

const CANCELLED = 1;
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

/**
 * Whether a call to Temporal got no answer: its deadline passed, the server could not be reached, or the
 * call was cancelled. grpc-js reports a call that reaches its deadline as DEADLINE_EXCEEDED or, when the
 * deadline's timer races the call, as CANCELLED ("Call cancelled"); the API cancels no call of its own,
 * so a cancelled call (also one cut by a closing connection) is an answer that never came: outcome unknown.
 */
export function isUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(cause) && [CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE].includes(cause.code)) return true;
  }
  return false;
}

/**
 * Runs calls to Temporal under a gRPC deadline, so that an HTTP request does not hang while no
 * worker polls the case's task queue; running out of time becomes WorkflowUnavailableException (503).
 */
@Injectable()
export class TemporalCalls {
  private readonly timeoutMs: number;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(API_OPTIONS) options: InfrastructureOptions,
  ) {
    this.timeoutMs = options.temporalTimeoutMs ?? DEFAULT_TEMPORAL_TIMEOUT_MS;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.client.connection.withDeadline(Date.now() + this.timeoutMs, call);
    } catch (error) {
      if (isUnavailable(error)) throw WorkflowUnavailableException.create();
      throw error;
    }
  }
}
