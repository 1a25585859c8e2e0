import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@zhengdun/config';
import { IdempotencyRepository, type ClaimHolder, type IdempotencyClaim } from '@zhengdun/persistence';
import { API_CONFIG } from '../infrastructure/injection-tokens';

/**
 * The Idempotency-Keys this API instance holds while their requests run, as leases kept alive by a
 * heartbeat.
 *
 * A claim names the instance (a random id per process) and stands until `lease_until`. Every third
 * of the lease (IDEMPOTENCY_LEASE_MS, 15 s by default), the instance renews the leases of all the
 * keys it still holds, in one statement. A request that dies with its process (SIGKILL, OOM, a lost
 * host) is no longer renewed, so a retry takes its key over at most one lease after the last renewal,
 * rather than after a fixed two minutes; a request that is merely slow (a long Update, a slow
 * database) keeps its key however long it runs. Should an instance stall for longer than the lease
 * and a retry run alongside it, a case action is still applied once: the key is its Update id.
 */
@Injectable()
export class IdempotencyClaims implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyClaims.name);
  readonly holder: ClaimHolder;
  private readonly held = new Set<string>();
  private timer?: NodeJS.Timeout;
  private renewing = false;

  constructor(
    private readonly records: IdempotencyRepository,
    @Inject(API_CONFIG) config: AppConfig,
  ) {
    this.holder = { instanceId: randomUUID(), leaseMs: config.idempotency.leaseMs };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.renew(), Math.max(250, Math.floor(this.holder.leaseMs / 3)));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async claim(key: string, requestDigest: string): Promise<IdempotencyClaim> {
    const claim = await this.records.claim(key, requestDigest, this.holder);
    if (claim.state === 'claimed') this.held.add(key);
    return claim;
  }

  /** Stores the request's answer, for every repeat. */
  async complete(key: string, statusCode: number, body: unknown): Promise<void> {
    try {
      await this.records.complete(key, statusCode, body);
    } finally {
      this.held.delete(key);
    }
  }

  /** Gives the key back (a server error), so a retry runs the request again. */
  async release(key: string): Promise<void> {
    try {
      await this.records.release(key, this.holder);
    } finally {
      this.held.delete(key);
    }
  }

  /** Stops renewing a key whose request was abandoned without an answer: its lease then runs out. */
  forget(key: string): void {
    this.held.delete(key);
  }

  /** Extends the leases of the keys held now; a failure is logged and the next beat tries again. */
  async renew(): Promise<void> {
    if (this.held.size === 0 || this.renewing) return;
    this.renewing = true;
    try {
      await this.records.renew([...this.held], this.holder);
    } catch (error) {
      this.logger.warn({ err: error, keys: this.held.size }, 'idempotency lease renewal failed; will try again');
    } finally {
      this.renewing = false;
    }
  }
}
