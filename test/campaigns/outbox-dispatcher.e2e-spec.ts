/**
 * The notification outbox dispatcher on real Postgres with a real HTTP webhook on 127.0.0.1 that
 * fails its first requests: two dispatchers run at once, every key is delivered exactly once,
 * failures are retried with backoff and nothing is lost.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { NotificationDispatcher, WebhookChannel, type NotificationChannel } from '@zhengdun/notifications';
import type { CaseNotification } from '@zhengdun/domain';
import { createDataSource, NotificationEntity, NotificationOutboxRepository } from '@zhengdun/persistence';
import { createTestDatabase, eventually, type TestDatabase } from '../support/environment';

interface Receiver {
  url: string;
  /** Successful deliveries per Idempotency-Key. */
  delivered: Map<string, number>;
  /** Requests answered 500. */
  refused: string[];
  close: () => Promise<void>;
}

/** Answers 500 to the first `failFirst` requests, then 200; each request takes a little while. */
async function startReceiver(failFirst: number): Promise<Receiver> {
  const delivered = new Map<string, number>();
  const refused: string[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const payload = JSON.parse(body) as { key: string };
      requests += 1;
      const fail = requests <= failFirst;
      setTimeout(() => {
        if (fail || payload.key !== key) {
          refused.push(key);
          res.statusCode = 500;
        } else {
          delivered.set(key, (delivered.get(key) ?? 0) + 1);
          res.statusCode = 200;
        }
        res.end();
      }, 15);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zhengdun`,
    delivered,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function notifications(count: number): CaseNotification[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `case:c1:org${i}:measure:m1:explanation`,
    caseId: `case:c1:org${i}`,
    kind: 'explanation_requested',
    recipients: [{ kind: 'person', personId: `sec-org${i}`, name: `书记${i}` }],
    title: `【村${i}党支部】逾期未完成，请说明原因`,
    body: '整改措施已到期仍未完成，请书面说明原因。',
    at: new Date(Date.now() - (count - i) * 1000).toISOString(),
  }));
}

let db: TestDatabase;
let second: DataSource;
let receiver: Receiver | undefined;
const dispatchers: NotificationDispatcher[] = [];

function dispatcher(...args: ConstructorParameters<typeof NotificationDispatcher>): NotificationDispatcher {
  const created = new NotificationDispatcher(...args);
  dispatchers.push(created);
  return created;
}

beforeAll(async () => {
  db = await createTestDatabase();
  second = await createDataSource(db.url).initialize();
});

afterAll(async () => {
  await Promise.all(dispatchers.map((d) => d.stop()));
  await receiver?.close();
  await second?.destroy();
  await db?.drop();
});

it('delivers every key exactly once with two dispatchers running, retrying failures with backoff', async () => {
  const total = 40;
  const failFirst = 7;
  receiver = await startReceiver(failFirst);
  const outbox = new NotificationOutboxRepository(db.dataSource);
  await outbox.enqueue(notifications(total));
  await outbox.enqueue(notifications(total)); // enqueued twice by a retried activity: still one row per key

  const options = { batchSize: 3, pollIntervalMs: 20, backoffBaseMs: 200, backoffMaxMs: 2000 };
  const sentBy = { a: 0, b: 0 };
  const counting = (name: 'a' | 'b'): NotificationChannel => {
    const webhook = new WebhookChannel(receiver!.url);
    return { name: `webhook-${name}`, send: async (message) => (await webhook.send(message), void (sentBy[name] += 1)) };
  };
  const a = dispatcher(db.dataSource, counting('a'), options);
  const b = dispatcher(second, counting('b'), options);
  a.start();
  b.start();

  // While the receiver fails, the failed rows stay pending with a later next try and the error kept.
  const waiting = await eventually(async () => {
    const rows = await db.dataSource.query(`SELECT key, attempts, last_error FROM notification_outbox WHERE status = 'pending' AND attempts > 0 AND next_attempt_at > now()`);
    return rows.length > 0 ? rows : undefined;
  }, 10_000, 'a failed delivery to be recorded');
  expect(waiting[0]).toMatchObject({ last_error: 'webhook answered 500' });

  const rows = await eventually(async () => {
    const all = await db.dataSource.getRepository(NotificationEntity).find();
    return all.every((row) => row.status === 'sent') ? all : undefined;
  }, 30_000, 'every notification to be sent');
  await Promise.all([a.stop(), b.stop()]);

  expect(rows).toHaveLength(total);
  // Both took part (each on its own connection pool), and between them sent each row once.
  expect(sentBy.a).toBeGreaterThan(0);
  expect(sentBy.b).toBeGreaterThan(0);
  expect(sentBy.a + sentBy.b).toBe(total);
  expect(receiver.refused).toHaveLength(failFirst);
  expect(receiver.delivered.size).toBe(total);
  for (const row of rows) {
    expect(receiver.delivered.get(row.key)).toBe(1);
    expect(row.sentAt).not.toBeNull();
    expect(row.lastError).toBeNull();
  }
  // Every try is counted: one success per row plus one per refused request, each refused key retried.
  expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(total + failFirst);
  for (const key of new Set(receiver.refused)) expect(rows.find((row) => row.key === key)!.attempts).toBeGreaterThan(1);

  // Nothing more goes out: a sent key is never sent again.
  const c = dispatcher(db.dataSource, new WebhookChannel(receiver.url), options);
  expect(await c.drain()).toBe(0);
  expect([...receiver.delivered.values()].every((n) => n === 1)).toBe(true);
});

it('keeps a notification pending, with growing delays, for as long as the receiver is down', async () => {
  await db.dataSource.query(`DELETE FROM notification_outbox`);
  const outbox = new NotificationOutboxRepository(db.dataSource);
  await outbox.enqueue(notifications(1));
  const down = dispatcher(db.dataSource, new WebhookChannel('http://127.0.0.1:1/down', { timeoutMs: 1000 }), { backoffBaseMs: 1000, backoffMaxMs: 60_000 });
  const delays: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await down.dispatchOnce();
    expect(result.sent).toEqual([]);
    delays.push(result.failed[0].retryInMs);
    await db.dataSource.query(`UPDATE notification_outbox SET next_attempt_at = now()`); // fast-forward to the next try
  }
  expect(delays).toEqual([1000, 2000, 4000]);
  const [row] = await db.dataSource.getRepository(NotificationEntity).find();
  expect(row).toMatchObject({ status: 'pending', attempts: 3, lastError: expect.stringContaining('webhook unreachable') });
});
