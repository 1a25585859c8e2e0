/**
 * The county's work-chat group robots (DingTalk 钉钉, WeCom 企业微信) as notification channels, on the
 * real stack and a local HTTP receiver that behaves as the robots do: it checks DingTalk's 加签
 * (timestamp within the hour, sign = base64(HMAC-SHA256(secret, "timestamp\nsecret")) URL-encoded),
 * accepts exactly `{"msgtype":"markdown","markdown":{"title","text"}}` (DingTalk) and
 * `{"msgtype":"markdown","markdown":{"content"}}` with content ≤ 4096 bytes (WeCom), and answers HTTP
 * 200 with an `errcode` (0, or the robots' codes for a bad sign, an unknown token, too many messages).
 * - The county sets its robots (PUT /notifications/robots); the answer never holds a secret or a token.
 * - The worker's dispatcher service sends a case's notifications to both, in Chinese, with the
 *   organization, the due date in Beijing time and a link to the case; another county's never.
 * - A robot answering errcode 310000 (sign not match) is dead-lettered at once and listed for the
 *   county; fixed and re-queued, it is delivered without re-sending the other robot. A busy robot
 *   (130101) is retried; one that stays busy is dead-lettered after the bounded attempts.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '@zhengdun/config';
import { chinaTime, type Actor, type CaseState } from '@zhengdun/domain';
import { channelFromConfig, NotificationDispatcher, PostgresRobotDirectory } from '@zhengdun/notifications';
import { NotificationEntity, NotificationOutboxRepository } from '@zhengdun/persistence';
import { NotificationDispatcherService } from '../../apps/worker/src/notification-dispatcher.service';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, committee, county, measuresFor, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

const DINGTALK_TOKEN = 'dtTokenForTheCounty0001';
const DINGTALK_SECRET = 'SEC4f1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const WECOM_KEY = '693a91f6-7aaa-4bc4-97a0-0ec2bbbb5aaa';
const SITE = 'https://zhengdun.example.gov.cn';

interface RobotReceipt {
  provider: 'dingtalk' | 'wecom';
  errcode: number;
  /** The message as the robot would post it: DingTalk title + text, WeCom content. */
  title?: string;
  text: string;
}

/** One local server answering as both robots do. */
interface RobotReceiver {
  origin: string;
  receipts: RobotReceipt[];
  /** errcodes to answer next, before checking anything (a busy robot), per provider. */
  busy: { dingtalk: number[]; wecom: number[] };
  close: () => Promise<void>;
}

function answer(res: http.ServerResponse, errcode: number, errmsg: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errcode, errmsg }));
}

const exactKeys = (value: unknown, keys: string[]) => value !== null && typeof value === 'object' && JSON.stringify(Object.keys(value).sort()) === JSON.stringify([...keys].sort());

async function startRobotReceiver(): Promise<RobotReceiver> {
  const receiver = { receipts: [] as RobotReceipt[], busy: { dingtalk: [] as number[], wecom: [] as number[] } } as RobotReceiver;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://robot');
      const record = (provider: RobotReceipt['provider'], errcode: number, text = '', title?: string) => receiver.receipts.push({ provider, errcode, text, title });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const json = /^application\/json/.test(String(req.headers['content-type']));
      if (req.method === 'POST' && url.pathname === '/robot/send') {
        const busy = receiver.busy.dingtalk.shift();
        if (busy !== undefined) return (record('dingtalk', busy), answer(res, busy, 'send too fast, exceed 20 times per minute'));
        if (url.searchParams.get('access_token') !== DINGTALK_TOKEN) return (record('dingtalk', 300001), answer(res, 300001, 'token is not exist'));
        // 加签: the raw query carries the sign URL-encoded; decoded it must be the HMAC of "timestamp\nsecret".
        const rawSign = /[?&]sign=([^&]*)/.exec(req.url ?? '')?.[1] ?? '';
        const timestamp = Number(url.searchParams.get('timestamp'));
        const expected = createHmac('sha256', DINGTALK_SECRET).update(`${timestamp}\n${DINGTALK_SECRET}`).digest('base64');
        if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) return (record('dingtalk', 310000), answer(res, 310000, 'invalid timestamp'));
        if (rawSign !== encodeURIComponent(expected)) return (record('dingtalk', 310000), answer(res, 310000, 'sign not match'));
        const message = body as { msgtype?: unknown; markdown?: { title?: unknown; text?: unknown } };
        if (!json || !exactKeys(message, ['msgtype', 'markdown']) || message.msgtype !== 'markdown' || !exactKeys(message.markdown, ['title', 'text'])) {
          return (record('dingtalk', 40035), answer(res, 40035, 'missing parameter'));
        }
        const { title, text } = message.markdown as { title: unknown; text: unknown };
        if (typeof title !== 'string' || typeof text !== 'string' || !title || !text) return (record('dingtalk', 40035), answer(res, 40035, 'missing parameter'));
        record('dingtalk', 0, text, title);
        return answer(res, 0, 'ok');
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/webhook/send') {
        const busy = receiver.busy.wecom.shift();
        if (busy !== undefined) return (record('wecom', busy), answer(res, busy, 'system busy'));
        if (url.searchParams.get('key') !== WECOM_KEY) return (record('wecom', 93000), answer(res, 93000, 'invalid webhook url'));
        const message = body as { msgtype?: unknown; markdown?: { content?: unknown } };
        if (!json || !exactKeys(message, ['msgtype', 'markdown']) || message.msgtype !== 'markdown' || !exactKeys(message.markdown, ['content'])) {
          return (record('wecom', 40008), answer(res, 40008, 'invalid message type'));
        }
        const content = (message.markdown as { content: unknown }).content;
        if (typeof content !== 'string' || content.length === 0) return (record('wecom', 44004), answer(res, 44004, 'empty content'));
        if (Buffer.byteLength(content, 'utf8') > 4096) return (record('wecom', 40058), answer(res, 40058, 'markdown.content exceed max length 4096'));
        record('wecom', 0, content);
        return answer(res, 0, 'ok');
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

let h: ApiHarness;
let robots: RobotReceiver;
let caseId: string;
let orgName: string;
let state: CaseState;
const dispatchers: NotificationDispatcher[] = [];
const MAX_ATTEMPTS = 3;
/**
 * The measures fall due a minute after submission and the policy reminds 55 s before: the reminder
 * comes within seconds of approval, and nothing else (no overdue) is sent while the tests count receipts.
 */
const POLICY = { ...SECONDS_POLICY, reminderLead: { amount: 55, unit: 'seconds' as const } };
const MEASURES_DUE_IN_MS = 60_000;
const otherCounty: Actor = { userId: 'other-county', name: '外县组织部', role: 'county_department', scope: { level: 'county', county: '邻县' } };

const robotsBody = (secret = DINGTALK_SECRET) => ({
  siteUrl: SITE,
  dingtalk: { webhookUrl: `${robots.origin}/robot/send?access_token=${DINGTALK_TOKEN}`, secret },
  wecom: { webhookUrl: `${robots.origin}/cgi-bin/webhook/send?key=${WECOM_KEY}` },
});

/** The worker's composition of channels (log, then the two robots), in this process, with a short backoff. */
function dispatcher(): NotificationDispatcher {
  const channel = channelFromConfig({}, { logger: { info: () => undefined }, robots: new PostgresRobotDirectory(h.db.dataSource) });
  const created = new NotificationDispatcher(h.db.dataSource, channel, { maxAttempts: MAX_ATTEMPTS, backoffBaseMs: 10, backoffMaxMs: 10, leaseMs: 10_000 });
  dispatchers.push(created);
  return created;
}

async function settle(key: string, d = dispatcher()): Promise<NotificationEntity> {
  return eventually(async () => {
    await d.dispatchOnce();
    const row = await h.db.dataSource.getRepository(NotificationEntity).findOneByOrFail({ key });
    return row.status !== 'pending' ? row : undefined;
  }, 20_000, `${key} to be sent or dead-lettered`);
}

async function reset(key: string): Promise<void> {
  await h.db.dataSource.query(
    `UPDATE notification_outbox SET status = 'pending', attempts = 0, deliveries = '{}'::jsonb, dead_at = NULL, sent_at = NULL, last_error = NULL, next_attempt_at = now() WHERE key = $1`,
    [key],
  );
}

const receiptsFor = (marker: string) => robots.receipts.filter((r) => r.text.includes(marker));

beforeAll(async () => {
  h = await startApiHarness('notify-robots');
  robots = await startRobotReceiver();
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(POLICY) });
  const orgCode = newOrgCode();
  const body = openCaseBody('rural', { orgCode });
  orgName = body.org.name;
  caseId = (await h.post(`/campaigns/${campaign.body.id}/cases`, { as: county, body })).body.caseId;
  state = await eventually(async () => {
    const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
}, 120_000);

afterAll(async () => {
  await Promise.all(dispatchers.map((d) => d.stop()));
  await robots?.close();
  await h?.stop();
});

describe('the county’s robot settings', () => {
  it('are the county department’s to set; the answer masks the tokens and never holds the secret', async () => {
    const saved = await h.request('PUT', '/notifications/robots', { as: county, body: robotsBody() });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      siteUrl: SITE,
      robots: [
        { provider: 'dingtalk', label: '钉钉机器人', webhookUrl: `${robots.origin}/robot/send?access_token=****0001`, hasSecret: true, updatedBy: county.userId, updatedAt: expect.any(String) },
        { provider: 'wecom', label: '企业微信机器人', webhookUrl: `${robots.origin}/cgi-bin/webhook/send?key=****5aaa`, hasSecret: false, updatedBy: county.userId, updatedAt: expect.any(String) },
      ],
    });
    for (const actor of [county, auditor]) {
      const read = await h.get('/notifications/robots', { as: actor });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(saved.body);
      expect(read.text).not.toContain(DINGTALK_SECRET);
      expect(read.text).not.toContain(DINGTALK_TOKEN);
      expect(read.text).not.toContain(WECOM_KEY);
    }
    expect((await h.get('/notifications/robots', { as: otherCounty })).body).toEqual({ siteUrl: null, robots: [] });
    expect((await h.request('PUT', '/notifications/robots', { as: committee, body: robotsBody() })).status).toBe(403);
    expect((await h.get('/notifications/robots', { as: committee })).status).toBe(403);
  });

  it('refuses what the robots would refuse, in Chinese, and changes nothing', async () => {
    const before = (await h.get('/notifications/robots', { as: county })).body;
    const refusals: [unknown, string, RegExp][] = [
      [{ siteUrl: SITE }, 'no_robot_change', /至少设置或删除一个机器人/],
      [{ siteUrl: SITE, dingtalk: { webhookUrl: 'http://robots.example.com/robot/send?access_token=abcdefgh123' } }, 'robot_setting_invalid', /钉钉机器人地址须为 https 地址/],
      [{ siteUrl: SITE, wecom: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' } }, 'robot_setting_invalid', /缺少机器人令牌（key）/],
      [{ siteUrl: 'ftp://x', wecom: robotsBody().wecom }, 'robot_setting_invalid', /平台网址须为 https 地址/],
      [{ siteUrl: SITE, wecom: robotsBody().wecom, remove: ['wecom'] }, 'robot_setting_invalid', /不能同时设置和删除企业微信机器人/],
      [{ siteUrl: SITE, dingtalk: { webhookUrl: robotsBody().dingtalk.webhookUrl, secret: 'not-a-secret' } }, 'invalid_request', /secret/],
      [{ siteUrl: SITE, remove: ['feishu'] }, 'invalid_request', /remove/],
    ];
    for (const [body, code, message] of refusals) {
      const refused = await h.request('PUT', '/notifications/robots', { as: county, body });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(code);
      expect(refused.body.detail).toMatch(message);
      expect(refused.body.detail_en).toBeTruthy();
    }
    expect((await h.get('/notifications/robots', { as: county })).body).toEqual(before);
  });
});

describe('delivery to the robots', () => {
  it('the worker’s dispatcher sends a case’s notification to both robots, in Chinese with the organization and a link to the case', async () => {
    const secretary = secretaryOf(state.org.code);
    expect((await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretary, body: { measures: measuresFor(state, MEASURES_DUE_IN_MS) } })).status).toBe(200);
    const planKey = await eventually(async () => (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).find((n) => n.kind === 'plan_submitted')?.key, 20_000, 'plan_submitted in the outbox');

    // The worker's own service, as it starts in the worker app.
    const service = new NotificationDispatcherService(loadConfig({ DATABASE_URL: h.db.url, NOTIFY_RETRY_BASE_MS: '200' }), h.db.dataSource, pino({ level: 'silent' }));
    await service.onApplicationBootstrap();
    try {
      const row = await eventually(async () => {
        const found = await h.db.dataSource.getRepository(NotificationEntity).findOneByOrFail({ key: planKey });
        return found.status === 'sent' ? found : undefined;
      }, 30_000, 'plan_submitted sent');
      expect(row.deliveries).toMatchObject({ log: { status: 'delivered' }, dingtalk: { status: 'delivered', attempts: 1 }, wecom: { status: 'delivered', attempts: 1 } });
    } finally {
      await service.onApplicationShutdown();
    }
    const link = `[查看整顿对象](${SITE}/cases/${enc(caseId)})`;
    const [ding, wecom] = [receiptsFor(link).filter((r) => r.provider === 'dingtalk'), receiptsFor(link).filter((r) => r.provider === 'wecom')];
    expect(ding).toHaveLength(1);
    expect(wecom).toHaveLength(1);
    expect(ding[0].title).toBe(`整顿方案待审批：${orgName}`);
    expect(ding[0].text).toContain(`#### 【${orgName}】整顿方案待审批`);
    expect(ding[0].text).toContain(`- 党组织：${orgName}（青山镇）`);
    expect(ding[0].text).toMatch(/- 发出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(wecom[0].text).toBe(ding[0].text);
    // Nothing the county's staff may not see: no person ids, no contact details, no raw instants.
    expect(ding[0].text).not.toContain(secretary.userId);
    expect(ding[0].text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  }, 90_000);

  it('gives a reminder’s due date in Beijing time', async () => {
    expect((await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);
    const approved = (await h.get(`/cases/${enc(caseId)}`, { as: county })).body.case as CaseState;
    const dueAt = approved.measures.find((m) => m.round === approved.round)!.dueAt;
    // One reminder per measure (both of the secretary's, due together).
    const measures = approved.measures.filter((m) => m.round === approved.round).length;
    const keys = await eventually(async () => {
      const reminders = (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).filter((n) => n.kind === 'reminder');
      return reminders.length === measures ? reminders.map((n) => n.key) : undefined;
    }, 30_000, 'the reminders in the outbox');
    for (const key of keys) expect((await settle(key)).status).toBe('sent');
    const sent = robots.receipts.filter((r) => r.errcode === 0 && r.text.startsWith(`#### 【${orgName}】到期提醒`));
    expect(sent.filter((r) => r.provider === 'dingtalk')).toHaveLength(measures);
    expect(sent.filter((r) => r.provider === 'wecom')).toHaveLength(measures);
    for (const message of sent) {
      expect(message.text).toContain(`- 到期时间：${chinaTime(dueAt)}（北京时间）`);
      expect(message.text).toContain(`将于 ${chinaTime(dueAt)} 到期`);
    }
    expect(sent.find((r) => r.provider === 'dingtalk')!.title).toBe(`到期提醒：${orgName}`);
  }, 60_000);

  it('never sends another county’s notification to this county’s robots', async () => {
    await h.db.dataSource.query(`INSERT INTO campaign (id, name, county, ends_at, policy, created_by) VALUES ('c-neighbour', '邻县批次', '邻县', now() + interval '30 days', '{}'::jsonb, 'test')`);
    const key = 'campaign:c-neighbour:summary:1';
    await new NotificationOutboxRepository(h.db.dataSource).enqueue([
      { key, caseId: 'campaign:c-neighbour', kind: 'campaign_summary', recipients: [{ kind: 'role', role: 'county_department', scope: '邻县全县' }], title: '【邻县批次】第1期整顿进展汇总', body: '邻县的进展。', at: new Date().toISOString() },
    ]);
    const row = await settle(key);
    expect(row.status).toBe('sent');
    expect(Object.keys(row.deliveries)).toEqual(['log']);
    expect(receiptsFor('邻县')).toEqual([]);
  });

  it('a robot answering errcode 310000 (sign not match) is dead-lettered at once, listed for the county, and delivered once fixed without re-sending the other', async () => {
    const key = (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).find((n) => n.kind === 'plan_submitted')!.key;
    await reset(key);
    const wrongSecret = 'SEC0000000000000000000000000000000000000000000000000000000000000000';
    expect((await h.request('PUT', '/notifications/robots', { as: county, body: robotsBody(wrongSecret) })).status).toBe(200);
    const before = robots.receipts.length;
    const row = await settle(key);
    expect(row.status).toBe('dead');
    expect(row.deliveries.dingtalk).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringContaining('errcode 310000') });
    expect(row.deliveries.wecom).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(robots.receipts.slice(before).map((r) => [r.provider, r.errcode])).toEqual(expect.arrayContaining([['dingtalk', 310000], ['wecom', 0]]));
    expect(robots.receipts.slice(before)).toHaveLength(2);

    const listed = await h.get('/notifications/dead-letters', { as: county });
    const letter = listed.body.items.find((item: { key: string }) => item.key === key);
    expect(letter.channels.dingtalk).toMatchObject({ status: 'dead', lastError: expect.stringContaining('钉钉机器人设置有误') });
    expect(letter.channels.dingtalk.lastError).not.toContain(DINGTALK_TOKEN);

    // The county enters the right secret (leaving it out would keep the wrong one) and re-queues.
    expect((await h.request('PUT', '/notifications/robots', { as: county, body: robotsBody() })).status).toBe(200);
    expect((await h.post(`/notifications/dead-letters/${enc(key)}/retry`, { as: county })).status).toBe(200);
    const mark = robots.receipts.length;
    const fixed = await settle(key);
    expect(fixed.status).toBe('sent');
    expect(fixed.deliveries.dingtalk).toMatchObject({ status: 'delivered' });
    expect(robots.receipts.slice(mark).map((r) => [r.provider, r.errcode])).toEqual([['dingtalk', 0]]);
  });

  it('a busy robot (130101) is retried and delivered; one that stays busy is dead-lettered after the bounded attempts', async () => {
    const key = (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).find((n) => n.kind === 'plan_submitted')!.key;
    await reset(key);
    robots.busy.dingtalk.push(130101);
    const retried = await settle(key);
    expect(retried.status).toBe('sent');
    expect(retried.deliveries.dingtalk).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(retried.deliveries.wecom).toMatchObject({ status: 'delivered', attempts: 1 });

    await reset(key);
    const before = robots.receipts.length;
    robots.busy.wecom.push(-1, -1, -1, -1);
    const dead = await settle(key);
    robots.busy.wecom.length = 0;
    expect(dead.status).toBe('dead');
    expect(dead.attempts).toBe(MAX_ATTEMPTS);
    expect(dead.deliveries.wecom).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: expect.stringContaining('errcode -1') });
    expect(dead.deliveries.dingtalk).toMatchObject({ status: 'delivered', attempts: 1 });
    const tries = robots.receipts.slice(before);
    expect(tries.filter((r) => r.provider === 'wecom')).toHaveLength(MAX_ATTEMPTS);
    expect(tries.filter((r) => r.provider === 'dingtalk')).toHaveLength(1);
  });

  it('a removed robot is no longer sent to', async () => {
    const key = (await new NotificationOutboxRepository(h.db.dataSource).forCase(caseId)).find((n) => n.kind === 'plan_submitted')!.key;
    expect((await h.request('PUT', '/notifications/robots', { as: county, body: { siteUrl: SITE, remove: ['wecom'] } })).body.robots.map((r: { provider: string }) => r.provider)).toEqual(['dingtalk']);
    await reset(key);
    const before = robots.receipts.length;
    const row = await settle(key);
    expect(row.status).toBe('sent');
    expect(Object.keys(row.deliveries).sort()).toEqual(['dingtalk', 'log']);
    expect(robots.receipts.slice(before).map((r) => r.provider)).toEqual(['dingtalk']);
  });
});
