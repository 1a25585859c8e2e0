/** Runs `work` over `items` with at most `limit` in flight; resolves when all are done, rejects on the first thrown error. */
export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(lanes);
}

/** Heartbeats when running as an activity; a no-op elsewhere (unit tests, scripts). */
export function heartbeatIfActivity(details?: unknown): void {
  try {
    // Required lazily so that plain callers need no activity context.
    const activity = require('@temporalio/activity') as typeof import('@temporalio/activity');
    activity.heartbeat(details);
  } catch {
    // not inside an activity
  }
}
