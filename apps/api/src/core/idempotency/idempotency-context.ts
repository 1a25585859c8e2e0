import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { sha256Hex } from '@zhengdun/persistence';

interface IdempotentCommand {
  /** The Idempotency-Key as the interceptor keeps it: `user:<userId>:<key>` (or `public:<key>`). */
  key: string;
}

/**
 * The Idempotency-Key of the command being handled, for the code below the controllers: the
 * interceptor that claims the key runs the handler inside `run`, and a service asks for `updateId()`.
 * No request scope and no extra parameter on each route: an AsyncLocalStorage per request.
 */
@Injectable()
export class IdempotencyContext {
  private readonly storage = new AsyncLocalStorage<IdempotentCommand>();

  run<T>(key: string, handle: () => T): T {
    return this.storage.run({ key }, handle);
  }

  /**
   * A Temporal Update id that is the same for every attempt of the command with this user's
   * Idempotency-Key (a hash, so neither the user id nor the key shows in Temporal's history),
   * or undefined when the request carries no key.
   */
  updateId(): string | undefined {
    const command = this.storage.getStore();
    return command ? updateIdFor(command.key) : undefined;
  }
}

export function updateIdFor(key: string): string {
  return `idem-${sha256Hex(key)}`;
}
