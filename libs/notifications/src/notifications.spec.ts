import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxMessage } from '@zhengdun/persistence';
import { channelFromConfig } from './channels';
import { EmailChannel, emailMessageId } from './email-channel';
import { LogChannel } from './log-channel';
import { CompositeChannel, PermanentDeliveryError } from './notification-channel';
import { backoffDelay } from './notification-dispatcher';
import { EmptyRecipientDirectory, StubRecipientDirectory } from './recipient-directory';
import { WebhookChannel, WebhookDeliveryError } from './webhook-channel';

const MESSAGE: OutboxMessage = {
  key: 'case:c1:org1:explanation',
  caseId: 'case:c1:org1',
  kind: 'explanation_requested',
  recipients: [
    { kind: 'person', personId: 'sec-org1', name: '王书记' },
    { kind: 'role', role: 'township_committee', scope: '示范县青山镇' },
  ],
  title: '【柳营村党支部】逾期未完成，请说明原因',
  body: '整改措施已于 2026-05-01 到期仍未完成，请书面说明原因。',
  eventAt: '2026-05-01T00:00:00.000Z',
  attempts: 0,
};

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(backoffDelay(200, 1000, 3_600_000)).toBe(3_600_000);
  });
});

describe('the stub directory', () => {
  it('gives every person and role an address that can never be delivered by accident', async () => {
    expect(await new StubRecipientDirectory().addressesOf([...MESSAGE.recipients, MESSAGE.recipients[0]])).toEqual([
      'sec-org1@example.invalid',
      'township_committee@example.invalid',
    ]);
  });
});

describe('the e-mail channel', () => {
  it('sends the title and body to the directory’s addresses with a Message-ID derived from the key', async () => {
    const transporter = nodemailer.createTransport({ jsonTransport: true });
    const sent: { envelope: { to: string[] }; messageId: string; data: string }[] = [];
    const original = transporter.sendMail.bind(transporter);
    transporter.sendMail = (async (mail: SendMailOptions) => {
      const info = await original(mail);
      sent.push({ envelope: info.envelope as { to: string[] }, messageId: info.messageId, data: String((info as { message?: unknown }).message) });
      return info;
    }) as typeof transporter.sendMail;
    const channel = new EmailChannel({ transporter, directory: new StubRecipientDirectory() });
    await channel.send(MESSAGE);
    await channel.send(MESSAGE);
    expect(sent).toHaveLength(2);
    expect(sent[0].envelope.to).toEqual(['sec-org1@example.invalid', 'township_committee@example.invalid']);
    expect(sent[0].messageId).toBe(sent[1].messageId);
    const parsed = JSON.parse(sent[0].data);
    expect(parsed).toMatchObject({ subject: MESSAGE.title, text: MESSAGE.body, headers: { 'X-Zhengdun-Key': MESSAGE.key } });
  });
});

describe('the webhook channel', () => {
  let server: http.Server;
  let url: string;
  const received: { headers: http.IncomingHttpHeaders; body: unknown }[] = [];
  let status = 200;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(data) });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the notification as JSON with the key as Idempotency-Key', async () => {
    status = 204;
    await new WebhookChannel(url).send(MESSAGE);
    expect(received.at(-1)!.headers['idempotency-key']).toBe(MESSAGE.key);
    expect(received.at(-1)!.headers['x-zhengdun-event-id']).toBe(MESSAGE.key);
    expect(received.at(-1)!.headers['content-type']).toContain('application/json');
    expect(received.at(-1)!.body).toEqual({
      key: MESSAGE.key,
      caseId: MESSAGE.caseId,
      kind: MESSAGE.kind,
      title: MESSAGE.title,
      body: MESSAGE.body,
      recipients: MESSAGE.recipients,
      eventAt: MESSAGE.eventAt,
    });
  });

  it('fails on an error status and on an unreachable receiver', async () => {
    status = 503;
    await expect(new WebhookChannel(url).send(MESSAGE)).rejects.toMatchObject({ name: 'WebhookDeliveryError', status: 503 });
    await expect(new WebhookChannel('http://127.0.0.1:1/none', { timeoutMs: 2000 }).send(MESSAGE)).rejects.toBeInstanceOf(WebhookDeliveryError);
  });
});

describe('channels from configuration', () => {
  const logger = { info: jest.fn() };
  it('logs when nothing is configured, else webhook, e-mail or both', async () => {
    const log = channelFromConfig({}, { logger });
    expect(log).toBeInstanceOf(LogChannel);
    await log.send(MESSAGE);
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ key: MESSAGE.key }), 'notification (log channel)');
    expect(channelFromConfig({ webhookUrl: 'http://127.0.0.1:9/x' }, { logger })).toBeInstanceOf(WebhookChannel);
    expect(channelFromConfig({ smtpUrl: 'smtp://127.0.0.1:2525' }, { logger })).toBeInstanceOf(EmailChannel);
    const both = channelFromConfig({ webhookUrl: 'http://127.0.0.1:9/x', smtpUrl: 'smtp://127.0.0.1:2525' }, { logger });
    expect(both).toBeInstanceOf(CompositeChannel);
    expect(both.name).toBe('webhook+email');
    await both.close?.();
  });
});

describe('delivery keys and undeliverable e-mail', () => {
  it('refuses, as a permanent failure, an e-mail none of whose recipients has an address (nothing is guessed)', async () => {
    const transporter = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = jest.spyOn(transporter, 'sendMail');
    const channel = new EmailChannel({ transporter, directory: new EmptyRecipientDirectory() });
    await expect(channel.send(MESSAGE)).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(channel.send(MESSAGE)).rejects.toThrow(/no_address/);
    expect(sendMail).not.toHaveBeenCalled();
  });

  it('gives each event one Message-ID, different between events', () => {
    expect(emailMessageId(MESSAGE.key)).toBe(emailMessageId(MESSAGE.key));
    expect(emailMessageId(MESSAGE.key)).not.toBe(emailMessageId(`${MESSAGE.key}:2`));
    expect(emailMessageId(MESSAGE.key)).toMatch(/^<[0-9a-f]{32}@zhengdun>$/);
  });
});
