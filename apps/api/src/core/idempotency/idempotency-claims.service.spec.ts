import { loadConfig } from '@zhengdun/config';
import type { ClaimHolder, IdempotencyClaim, IdempotencyRepository } from '@zhengdun/persistence';
import { IdempotencyClaims } from './idempotency-claims.service';

/** The repository's calls, recorded; `claim` answers what the test says, `fail` makes writes throw. */
function fakeRecords(answer: IdempotencyClaim['state'] = 'claimed') {
  const calls: { renewed: string[][]; completed: string[]; released: [string, ClaimHolder][]; holders: ClaimHolder[] } = { renewed: [], completed: [], released: [], holders: [] };
  let fail = false;
  const records = {
    claim: async (_key: string, _digest: string, holder: ClaimHolder) => {
      calls.holders.push(holder);
      return { state: answer } as IdempotencyClaim;
    },
    renew: async (keys: readonly string[]) => {
      calls.renewed.push([...keys].sort());
    },
    complete: async (key: string) => {
      if (fail) throw new Error('database down');
      calls.completed.push(key);
    },
    release: async (key: string, holder: ClaimHolder) => {
      if (fail) throw new Error('database down');
      calls.released.push([key, holder]);
    },
  };
  return { records: records as unknown as IdempotencyRepository, calls, failWrites: () => (fail = true) };
}

describe('IdempotencyClaims', () => {
  const config = loadConfig({ IDEMPOTENCY_LEASE_MS: '4000' });

  it('claims as this instance, with the configured lease, a random id per instance', async () => {
    const { records, calls } = fakeRecords();
    const a = new IdempotencyClaims(records, config);
    const b = new IdempotencyClaims(records, config);
    await a.claim('user:u:k1', 'd');
    expect(calls.holders).toEqual([{ instanceId: a.holder.instanceId, leaseMs: 4000 }]);
    expect(a.holder.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.holder.instanceId).not.toBe(b.holder.instanceId);
  });

  it('renews the keys whose requests still run, and only those', async () => {
    const { records, calls } = fakeRecords();
    const claims = new IdempotencyClaims(records, config);
    await claims.renew();
    expect(calls.renewed).toEqual([]);
    await claims.claim('user:u:k1', 'd');
    await claims.claim('user:u:k2', 'd');
    await claims.claim('user:u:k3', 'd');
    await claims.renew();
    await claims.complete('user:u:k1', 200, {});
    await claims.release('user:u:k2');
    await claims.renew();
    claims.forget('user:u:k3');
    await claims.renew();
    expect(calls.renewed).toEqual([['user:u:k1', 'user:u:k2', 'user:u:k3'], ['user:u:k3']]);
    expect(calls.released).toEqual([['user:u:k2', claims.holder]]);
  });

  it('does not hold a key it did not get', async () => {
    const { records, calls } = fakeRecords('in_progress');
    const claims = new IdempotencyClaims(records, config);
    await claims.claim('user:u:k1', 'd');
    await claims.renew();
    expect(calls.renewed).toEqual([]);
  });

  it('stops renewing a key whose answer could not be stored, so that its lease runs out', async () => {
    const { records, calls, failWrites } = fakeRecords();
    const claims = new IdempotencyClaims(records, config);
    await claims.claim('user:u:k1', 'd');
    await claims.claim('user:u:k2', 'd');
    failWrites();
    await expect(claims.complete('user:u:k1', 200, {})).rejects.toThrow('database down');
    await expect(claims.release('user:u:k2')).rejects.toThrow('database down');
    await claims.renew();
    expect(calls.renewed).toEqual([]);
  });

  it('renews every third of the lease once the app is up, and stops on shutdown', async () => {
    jest.useFakeTimers();
    try {
      const { records, calls } = fakeRecords();
      const claims = new IdempotencyClaims(records, config);
      await claims.claim('user:u:k1', 'd');
      claims.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(4000);
      expect(calls.renewed).toHaveLength(3);
      claims.onApplicationShutdown();
      await jest.advanceTimersByTimeAsync(4000);
      expect(calls.renewed).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
