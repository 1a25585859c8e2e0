/**
 * Notification delivery as a receiver and the county see it, on real Postgres, a real HTTP webhook
 * receiver and a real (tiny) SMTP server on 127.0.0.1:
 * - the real worker process killed -9 mid-dispatch: after a restart every event reaches each channel,
 *   and nothing reaches a channel twice once the receiver drops repeats by the delivery's key (the
 *   test counts raw receipts and distinct keys per channel);
 * - a channel that always fails ends dead-lettered after the bounded attempts, listed for the county
 *   (GET /notifications/dead-letters), while the channel that delivered is not sent again;
 * - e-mail goes to the county's recipient directory (PUT /notifications/contacts), and an event
 *   with nobody in the directory is dead-lettered "no_address" at once, never guessed.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '@zhengdun/config';
import { emailMessageId, EmailChannel, NotificationDispatcher, PostgresRecipientDirectory, WebhookChannel, CompositeChannel } from '@zhengdun/notifications';
import type { Actor, CaseNotification } from '@zhengdun/domain';
import { NotificationEntity, NotificationOutboxRepository, RecipientContactRepository } from '@zhengdun/persistence';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { auditor, COUNTY, committee, county, measuresFor, secretaryOf } from '../support/cases';
import { createTestDatabase, eventually, uniqueTaskQueue, type TestDatabase } from '../support/environment';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { NotificationDispatcherService } from '../../apps/worker/src/notification-dispatcher.service';

interface WebhookReceiver {
  url: string;
  /** Every request's Idempotency-Key, in arrival order (raw receipts, repeats included). */
  receipts: string[];
  /** Requests whose X-Zhengdun-Event-Id or body key differed from the Idempotency-Key. */
  mismatched: number;
  status: number;
  /** Called as each request arrives, before it is answered. */
  onReceipt?: (count: number) => void;
  close: () => Promise<void>;
}

/** Answers `status` (settable) after `delayMs`, so a kill lands while a request is in flight. */
async function startWebhookReceiver(delayMs: number, status = 200): Promise<WebhookReceiver> {
  const receiver = { receipts: [] as string[], mismatched: 0, status } as WebhookReceiver;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      receiver.receipts.push(key);
      receiver.onReceipt?.(receiver.receipts.length);
      if (req.headers['x-zhengdun-event-id'] !== key || (JSON.parse(body) as { key: string }).key !== key) receiver.mismatched += 1;
      setTimeout(() => {
        res.statusCode = receiver.status;
        res.end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zhengdun`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

interface SmtpSink {
  url: string;
  /** Every message accepted (raw receipts, repeats included). */
  messages: { messageId: string; eventId: string; to: string[] }[];
  close: () => Promise<void>;
}

/** Just enough SMTP for nodemailer: no TLS, no auth; records each message's Message-ID and recipients. */
async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpSink['messages'] = [];
  const sockets = new Set<net.Socket>();
  const header = (data: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(data)?.[1].trim() ?? '';
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push({ messageId: header(data, 'Message-ID'), eventId: header(data, 'X-Zhengdun-Event-Id'), to });
          to = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT') to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        if (verb === 'DATA') {
          inData = true;
          socket.write('354 end with <CRLF>.<CRLF>\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(['EHLO', 'HELO', 'MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb) ? '250 OK\r\n' : '502 not implemented\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const distinct = (values: string[]) => new Set(values).size;

describe('a worker killed -9 mid-dispatch', () => {
  let db: TestDatabase;
  let worker: WorkerProcess | undefined;
  let webhook: WebhookReceiver;
  let smtp: SmtpSink;

  beforeAll(async () => {
    db = await createTestDatabase();
    webhook = await startWebhookReceiver(150);
    smtp = await startSmtpSink();
  });

  afterAll(async () => {
    await worker?.stop();
    await webhook?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('re-sends nothing twice to the same channel for the same event, once the receiver drops repeats by key', async () => {
    const campaignId = 'c-notify-kill';
    await db.dataSource.query(`INSERT INTO campaign (id, name, county, ends_at, policy, created_by) VALUES ($1, '批次', $2, now() + interval '30 days', '{}'::jsonb, 'test')`, [
      campaignId,
      COUNTY,
    ]);
    const total = 16;
    const events: CaseNotification[] = Array.from({ length: total }, (_, i) => ({
      key: `campaign:${campaignId}:notice:${i}`,
      caseId: `campaign:${campaignId}`,
      kind: 'campaign_summary',
      recipients: [{ kind: 'person', personId: `sec-${i}`, name: `书记${i}` }],
      title: `第${i}期整顿进展汇总`,
      body: '本期进展见附表。',
      at: new Date(Date.now() - (total - i) * 1000).toISOString(),
    }));
    await new RecipientContactRepository(db.dataSource).upsert(
      COUNTY,
      events.map((_, i) => ({ recipient: `person:sec-${i}`, email: `sec-${i}@county.test` })),
      'test',
    );

    const env = { NOTIFY_WEBHOOK_URL: webhook.url, SMTP_URL: smtp.url, SMTP_FROM: '整顿工作提醒 <noreply@county.test>', NOTIFY_LEASE_MS: '2000', NOTIFY_RETRY_BASE_MS: '200' };
    const taskQueue = uniqueTaskQueue('notify-kill');
    worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue, extraEnv: env });
    await new NotificationOutboxRepository(db.dataSource).enqueue(events);

    // Kill -9 the moment the 5th webhook request arrives: four events delivered, the fifth in flight
    // (unanswered, so not recorded), the rest of the batch leased by a process that no longer exists.
    const dying = worker;
    webhook.onReceipt = (count) => {
      if (count === 5) dying.child.kill('SIGKILL');
    };
    await eventually(async () => webhook.receipts.length >= 5, 30_000, 'the first webhook deliveries');
    await dying.exited;
    webhook.onReceipt = undefined;
    const atKill = { webhook: webhook.receipts.length, email: smtp.messages.length };
    const leasedByTheDead = await db.dataSource.query(`SELECT key FROM notification_outbox WHERE status = 'pending' AND lease_owner IS NOT NULL`);
    expect(atKill.webhook).toBe(5);
    expect(leasedByTheDead.length).toBeGreaterThan(0);

    worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue, extraEnv: env });
    const rows = await eventually(async () => {
      const all = await db.dataSource.getRepository(NotificationEntity).find();
      return all.length === total && all.every((row) => row.status === 'sent') ? all : undefined;
    }, 60_000, 'every notification to be sent after the restart');

    const counts = {
      webhook: { raw: webhook.receipts.length, distinct: distinct(webhook.receipts) },
      email: { raw: smtp.messages.length, distinct: distinct(smtp.messages.map((m) => m.messageId)) },
    };
    process.stdout.write(`notification delivery after kill -9: at kill ${JSON.stringify(atKill)}; receipts ${JSON.stringify(counts)} for ${total} events\n`);

    // Every event reached each channel; deduplicated by key, exactly once.
    expect(counts.webhook.distinct).toBe(total);
    expect(counts.email.distinct).toBe(total);
    expect(new Set(webhook.receipts)).toEqual(new Set(events.map((e) => e.key)));
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set(events.map((e) => emailMessageId(e.key))));
    for (const message of smtp.messages) {
      const i = Number(message.eventId.split(':').at(-1));
      expect(message.messageId).toBe(emailMessageId(message.eventId));
      expect(message.to).toEqual([`sec-${i}@county.test`]);
    }
    expect(webhook.mismatched).toBe(0);
    // Raw repeats are rare: at most the one send per channel that was in flight when the process died.
    expect(counts.webhook.raw - counts.webhook.distinct).toBeLessThanOrEqual(1);
    expect(counts.email.raw - counts.email.distinct).toBeLessThanOrEqual(1);
    for (const row of rows) {
      expect(row.deliveries.webhook).toMatchObject({ status: 'delivered' });
      expect(row.deliveries.email).toMatchObject({ status: 'delivered' });
      expect(row.leaseOwner).toBeNull();
    }
  }, 150_000);
});

describe('failing channels and the dead-letter state', () => {
  let h: ApiHarness;
  let webhook: WebhookReceiver;
  let smtp: SmtpSink;
  let caseId: string;
  let orgCode: string;
  const dispatchers: NotificationDispatcher[] = [];
  const MAX_ATTEMPTS = 3;
  const otherCounty: Actor = { userId: 'other-county', name: '外县组织部', role: 'county_department', scope: { level: 'county', county: '邻县' } };

  /** A dispatcher in this process with a short backoff; driven batch by batch. */
  function dispatcher(channels: (WebhookChannel | EmailChannel)[]): NotificationDispatcher {
    const created = new NotificationDispatcher(h.db.dataSource, new CompositeChannel(channels), { maxAttempts: MAX_ATTEMPTS, backoffBaseMs: 10, backoffMaxMs: 10, leaseMs: 10_000 });
    dispatchers.push(created);
    return created;
  }

  async function runUntilSettled(d: NotificationDispatcher, key: string): Promise<NotificationEntity> {
    return eventually(async () => {
      await d.dispatchOnce();
      const row = await h.db.dataSource.getRepository(NotificationEntity).findOneByOrFail({ key });
      return row.status !== 'pending' ? row : undefined;
    }, 20_000, `${key} to be sent or dead-lettered`);
  }

  /** Puts a row back to pending with no deliveries, as if just enqueued. */
  async function reset(key: string): Promise<void> {
    await h.db.dataSource.query(
      `UPDATE notification_outbox SET status = 'pending', attempts = 0, deliveries = '{}'::jsonb, dead_at = NULL, sent_at = NULL, last_error = NULL, next_attempt_at = now() WHERE key = $1`,
      [key],
    );
  }

  beforeAll(async () => {
    h = await startApiHarness('notify-dead');
    webhook = await startWebhookReceiver(0);
    smtp = await startSmtpSink();
    const campaignId = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
    const body = openCaseBody('rural');
    orgCode = body.org.code;
    caseId = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body })).body.caseId;
    const state = await h.cases.state(caseId);
    expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(state) } })).status).toBe(200);
    // The workflow wrote the plan_submitted notification (to the township committee) in the read model's transaction.
    await eventually(async () => (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).some((n) => n.kind === 'plan_submitted'), 20_000, 'plan_submitted in the outbox');
    // Nothing else sends this database's outbox; start every test from the plan_submitted row alone.
    await h.db.dataSource.query(`DELETE FROM notification_outbox WHERE NOT (case_id = $1 AND kind = 'plan_submitted')`, [caseId]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await webhook?.close();
    await smtp?.close();
    await h?.stop();
  });

  const planKey = async () => (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).find((n) => n.kind === 'plan_submitted')!.key;

  it('dead-letters "no_address" at once an e-mail nobody in the directory can receive, and lists it for the county', async () => {
    const key = await planKey();
    const d = dispatcher([new WebhookChannel(webhook.url), new EmailChannel({ smtpUrl: smtp.url, directory: new PostgresRecipientDirectory(h.db.dataSource) })]);
    const row = await runUntilSettled(d, key);
    expect(row.status).toBe('dead');
    expect(row.deliveries.email).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringContaining('no_address') });
    expect(row.deliveries.webhook).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(smtp.messages).toHaveLength(0);
    const listed = await h.get('/notifications/dead-letters', { as: county });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { key: string }) => item.key === key)).toMatchObject({ channels: { email: { status: 'dead', lastError: expect.stringContaining('no_address') } } });
  });

  it('sends to the directory once the county enters the addresses and re-queues the dead letter, without re-sending the webhook', async () => {
    const key = await planKey();
    const receiptsBefore = webhook.receipts.filter((k) => k === key).length;
    const saved = await h.request('PUT', '/notifications/contacts', {
      as: county,
      body: { roles: [{ role: 'township_committee', scope: `${COUNTY}青山镇`, email: 'qingshan@county.test' }], persons: [{ personId: `sec-${orgCode}`, email: 'sec@county.test', phone: '+86 138 0000 0000' }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ saved: 2 });
    // Only the county department writes the directory, and only valid addresses.
    expect((await h.request('PUT', '/notifications/contacts', { as: committee, body: { roles: [] } })).status).toBe(403);
    const bad = await h.request('PUT', '/notifications/contacts', { as: county, body: { persons: [{ personId: 'x', email: 'not an address' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect((await h.request('PUT', '/notifications/contacts', { as: county, body: {} })).body.code).toBe('no_contacts');

    expect((await h.post(`/notifications/dead-letters/${enc(key)}/retry`, { as: otherCounty })).status).toBe(404);
    const retried = await h.post(`/notifications/dead-letters/${enc(key)}/retry`, { as: county });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ key, status: 'pending' });

    const d = dispatcher([new WebhookChannel(webhook.url), new EmailChannel({ smtpUrl: smtp.url, directory: new PostgresRecipientDirectory(h.db.dataSource) })]);
    const row = await runUntilSettled(d, key);
    expect(row.status).toBe('sent');
    expect(smtp.messages.filter((m) => m.eventId === key)).toEqual([{ messageId: emailMessageId(key), eventId: key, to: ['qingshan@county.test'] }]);
    expect(webhook.receipts.filter((k) => k === key).length).toBe(receiptsBefore);
    expect((await h.get('/notifications/dead-letters', { as: county })).body.items.map((item: { key: string }) => item.key)).not.toContain(key);
  });

  it('a failing e-mail channel is retried up to the bound, then dead-lettered, and never re-sends the webhook', async () => {
    const key = await planKey();
    await reset(key);
    const receiptsBefore = webhook.receipts.filter((k) => k === key).length;
    const deadSmtp = `smtp://127.0.0.1:${await closedPort()}`;
    const d = dispatcher([new WebhookChannel(webhook.url), new EmailChannel({ smtpUrl: deadSmtp, directory: new PostgresRecipientDirectory(h.db.dataSource) })]);
    const row = await runUntilSettled(d, key);
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.deliveries.email).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(row.deliveries.webhook).toMatchObject({ status: 'delivered', attempts: 1 });
    // Three tries of the row, one webhook request.
    expect(webhook.receipts.filter((k) => k === key).length - receiptsBefore).toBe(1);
  });

  it('a webhook answering 500 every time ends dead-lettered after the bounded attempts, listed for the county and the auditor only', async () => {
    const key = await planKey();
    await reset(key);
    const mailsBefore = smtp.messages.filter((m) => m.eventId === key).length;
    const receiptsBefore = webhook.receipts.filter((k) => k === key).length;
    webhook.status = 500;
    try {
      const d = dispatcher([new WebhookChannel(webhook.url), new EmailChannel({ smtpUrl: smtp.url, directory: new PostgresRecipientDirectory(h.db.dataSource) })]);
      const row = await runUntilSettled(d, key);
      expect(row.status).toBe('dead');
      expect(row.deliveries.webhook).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'webhook answered 500' });
      expect(row.deliveries.email).toMatchObject({ status: 'delivered', attempts: 1 });
    } finally {
      webhook.status = 200;
    }
    expect(webhook.receipts.filter((k) => k === key).length - receiptsBefore).toBe(MAX_ATTEMPTS);
    expect(smtp.messages.filter((m) => m.eventId === key).length - mailsBefore).toBe(1); // the e-mail went once, not once per webhook try

    for (const actor of [county, auditor]) {
      const listed = await h.get('/notifications/dead-letters', { as: actor });
      expect(listed.status).toBe(200);
      expect(listed.body.items.find((item: { key: string }) => item.key === key)).toMatchObject({
        key,
        caseId,
        kind: 'plan_submitted',
        attempts: MAX_ATTEMPTS,
        channels: { webhook: { status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'webhook answered 500' }, email: { status: 'delivered', attempts: 1 } },
      });
    }
    expect((await h.get('/notifications/dead-letters', { as: committee })).status).toBe(403);
    expect((await h.get('/notifications/dead-letters', { as: otherCounty })).body.items).toEqual([]);
    expect((await h.get('/notifications/dead-letters')).status).toBe(401);
  });
});

describe('e-mail configured without a recipient directory', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('the worker says at start that no e-mail can reach anyone, and how to fix it, and still starts its dispatcher (the same worker runs the case deadlines)', async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const config = loadConfig({ DATABASE_URL: db.url, SMTP_URL: 'smtp://127.0.0.1:25', SMTP_FROM: 'noreply@county.test' });
    const service = new NotificationDispatcherService(config, db.dataSource, logger);
    await service.onApplicationBootstrap();
    await service.onApplicationShutdown();
    const refusal = lines.find((line) => line.level === 50);
    expect(refusal?.msg).toMatch(/SMTP_URL is set but the recipient directory has no e-mail address/);
    expect(refusal?.msg).toContain('PUT /notifications/contacts');
    expect(lines.some((line) => line.msg === 'notification dispatcher running')).toBe(true);

    // With an address in the directory, no such error.
    await new RecipientContactRepository(db.dataSource).upsert(COUNTY, [{ recipient: 'person:sec-1', email: 'sec-1@county.test' }], 'test');
    lines.length = 0;
    const again = new NotificationDispatcherService(config, db.dataSource, logger);
    await again.onApplicationBootstrap();
    await again.onApplicationShutdown();
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
