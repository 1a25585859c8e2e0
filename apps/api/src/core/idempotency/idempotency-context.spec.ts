import { IdempotencyContext, updateIdFor } from './idempotency-context';

describe('IdempotencyContext', () => {
  const context = new IdempotencyContext();

  it('gives the Update id of the key the current request runs under, across awaits', async () => {
    expect(context.updateId()).toBeUndefined();
    const seen = await context.run('user:u-1:key-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return context.updateId();
    });
    expect(seen).toBe(updateIdFor('user:u-1:key-1'));
    expect(context.updateId()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        context.run(`user:u-1:${key}`, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
          return context.updateId();
        }),
      ),
    );
    expect(ids).toEqual(['a', 'b', 'c'].map((key) => updateIdFor(`user:u-1:${key}`)));
  });

  it('derives a stable id per user and key that shows neither', () => {
    expect(updateIdFor('user:u-1:k')).toBe(updateIdFor('user:u-1:k'));
    expect(updateIdFor('user:u-1:k')).not.toBe(updateIdFor('user:u-2:k'));
    expect(updateIdFor('user:u-1:k')).toMatch(/^idem-[0-9a-f]{64}$/);
  });
});
