/**
 * 我的通知 (GET /me/notifications, POST /me/notifications/read) on the real stack: a case driven until
 * the workflow's timer sends the measure's 到期提醒 (policy in seconds). The secretary it names sees it
 * unread and marks it read; the township committee sees what was addressed to it (the plan to review)
 * and never another township's; a person's notifications follow them only within their scope.
 */
import type { Actor, CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness, type JsonBody } from '../support/api-harness';
import { auditor, committee, county, measuresFor, otherCommittee, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness('api-inbox');
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

interface InboxItem {
  key: string;
  caseId: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  orgName: string | null;
  link: string;
  sentAt: string;
  read: boolean;
  readAt: string | null;
}
interface Inbox {
  items: InboxItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

async function inbox(as: Actor, query = ''): Promise<Inbox> {
  const response = await h.get(`/me/notifications${query}`, { as });
  expect(response.status).toBe(200);
  return response.body as Inbox;
}

/**
 * The measures fall due a minute after submission and the policy reminds 55 s before: the reminder
 * comes within seconds, and nothing else (no overdue, no proposal) arrives while the tests count.
 */
const POLICY = { ...SECONDS_POLICY, reminderLead: { amount: 55, unit: 'seconds' as const } };
const MEASURES_DUE_IN_MS = 60_000;

async function openAndSubmit(township: string): Promise<{ caseId: string; orgCode: string; state: CaseState }> {
  const campaign = await h.post('/campaigns', { as: county, body: campaignBody(POLICY) });
  expect(campaign.status).toBe(201);
  const orgCode = newOrgCode();
  const opened = await h.post(`/campaigns/${campaign.body.id}/cases`, { as: county, body: openCaseBody('rural', { orgCode, township }) });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  const state = await eventually(async () => {
    const found = await h.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
  const submitted = await h.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(state, MEASURES_DUE_IN_MS) } });
  expect(submitted.status).toBe(200);
  return { caseId, orgCode, state };
}

let a: { caseId: string; orgCode: string };
let b: { caseId: string; orgCode: string };
let reminder: InboxItem;

it('sends the secretary the 到期提醒 the timer raised, unread, with its kind in Chinese and a link to the case', async () => {
  a = await openAndSubmit('青山镇');
  b = await openAndSubmit('河口镇');
  expect((await h.post(`/cases/${enc(a.caseId)}/actions/approvePlan`, { as: committee, body: {} })).status).toBe(200);

  const secretary = secretaryOf(a.orgCode);
  const mine = await eventually(async () => {
    const found = await inbox(secretary);
    // One reminder per measure: two.
    return found.items.filter((item) => item.kind === 'reminder').length >= 2 ? found : undefined;
  }, 30_000, 'the reminders in the secretary’s inbox');
  reminder = mine.items.find((item) => item.kind === 'reminder')!;
  expect(reminder).toMatchObject({
    caseId: a.caseId,
    kindLabel: '到期提醒',
    title: expect.stringContaining('到期提醒'),
    orgName: expect.stringContaining(a.orgCode),
    link: `/cases/${enc(a.caseId)}`,
    read: false,
    readAt: null,
  });
  expect(Date.parse(reminder.sentAt)).toBeGreaterThan(Date.now() - 120_000);
  expect(mine.unread).toBe(mine.items.filter((item) => !item.read).length);
  expect(mine.unread).toBeGreaterThanOrEqual(1);
  // Newest first.
  const times = mine.items.map((item) => Date.parse(item.sentAt));
  expect([...times].sort((x, y) => y - x)).toEqual(times);
  // Nobody else's secretary, nor the committee, gets the secretary's reminder.
  expect((await inbox(secretaryOf(b.orgCode))).items.map((item) => item.key)).not.toContain(reminder.key);
  expect((await inbox(committee)).items.map((item) => item.key)).not.toContain(reminder.key);
}, 90_000);

it('shows a township committee what was addressed to it, and never another township’s', async () => {
  const qingshan = await inbox(committee);
  const hekou = await inbox(otherCommittee);
  expect(qingshan.items.filter((item) => item.caseId === a.caseId).map((item) => item.kind)).toContain('plan_submitted');
  expect(hekou.items.filter((item) => item.caseId === b.caseId).map((item) => item.kind)).toContain('plan_submitted');
  // Township B (河口镇) sees none of township A's (青山镇), and the other way round.
  expect(hekou.items.filter((item) => item.caseId === a.caseId)).toEqual([]);
  expect(qingshan.items.filter((item) => item.caseId === b.caseId)).toEqual([]);
  expect(hekou.items.every((item) => item.orgName === null || !item.orgName.includes(a.orgCode))).toBe(true);
  // The plan to review was the committee's, not the county's nor the auditor's.
  expect((await inbox(county)).items.filter((item) => item.kind === 'plan_submitted')).toEqual([]);
  expect((await inbox(auditor)).items).toEqual([]);
  // A person's notifications follow them only within their scope: the same user id signed in for
  // another organization sees none of them.
  const elsewhere = { ...secretaryOf(a.orgCode), scope: { level: 'organization' as const, county: '示范县', orgCode: b.orgCode } };
  expect((await inbox(elsewhere)).items.filter((item) => item.caseId === a.caseId)).toEqual([]);
});

it('pages newest first', async () => {
  // The secretary has one reminder per measure (two).
  const secretary = secretaryOf(a.orgCode);
  const all = await inbox(secretary);
  expect(all.total).toBeGreaterThanOrEqual(2);
  const first = await inbox(secretary, '?page=1&pageSize=1');
  const second = await inbox(secretary, '?page=2&pageSize=1');
  expect(first).toMatchObject({ page: 1, pageSize: 1, total: all.total, unread: all.unread });
  expect([...first.items, ...second.items].map((item) => item.key)).toEqual(all.items.slice(0, 2).map((item) => item.key));
  expect((await inbox(secretary, `?page=${all.total + 1}&pageSize=1`)).items).toEqual([]);
});

it('marks one notification read for its reader only, then all of a reader’s', async () => {
  const secretary = secretaryOf(a.orgCode);
  const before = await inbox(secretary);
  const marked = await h.post('/me/notifications/read', { as: secretary, body: { keys: [reminder.key] } });
  expect(marked.status).toBe(200);
  expect(marked.body).toEqual({ marked: 1, unread: before.unread - 1 });
  const after = await inbox(secretary);
  expect(after.items.find((item) => item.key === reminder.key)).toMatchObject({ read: true, readAt: expect.any(String) });
  expect(after.unread).toBe(before.unread - 1);
  // Again: nothing new.
  expect((await h.post('/me/notifications/read', { as: secretary, body: { keys: [reminder.key] } })).body).toEqual({ marked: 0, unread: after.unread });

  // Someone else's key is passed over: township B cannot touch township A's notifications.
  const qingshanKey = (await inbox(committee)).items.find((item) => item.caseId === a.caseId)!.key;
  expect((await h.post('/me/notifications/read', { as: otherCommittee, body: { keys: [qingshanKey] } })).body.marked).toBe(0);
  expect((await inbox(committee)).items.find((item) => item.key === qingshanKey)!.read).toBe(false);

  const unreadBefore = (await inbox(committee)).unread;
  expect(unreadBefore).toBeGreaterThanOrEqual(1);
  const all = await h.post('/me/notifications/read', { as: committee, body: { all: true } });
  expect(all.status).toBe(200);
  expect(all.body).toEqual({ marked: unreadBefore, unread: 0 });
  expect((await inbox(committee)).items.every((item) => item.read)).toBe(true);
  // Read state is per person: township B's own notifications are still unread.
  expect((await inbox(otherCommittee)).unread).toBeGreaterThanOrEqual(1);
});

it('refuses a request that says neither which nor all, in Chinese, and changes nothing', async () => {
  const unread = (await inbox(otherCommittee)).unread;
  const cases: [unknown, string][] = [
    [{}, 'mark_read_choice'],
    [{ keys: ['x'], all: true }, 'mark_read_choice'],
    [{ all: false }, 'mark_read_choice'],
    [{ keys: ['has space'] }, 'invalid_request'],
    [{ keys: 'not-a-list' }, 'invalid_request'],
    [{ all: 'yes' }, 'invalid_request'],
  ];
  for (const [body, code] of cases) {
    const refused = await h.post('/me/notifications/read', { as: otherCommittee, body });
    expect(refused.status).toBe(400);
    expect((refused.body as JsonBody).code).toBe(code);
    expect((refused.body as JsonBody).detail).toMatch(/[\u4e00-\u9fff]/);
    expect((refused.body as JsonBody).detail_en).toBeTruthy();
  }
  expect((await inbox(otherCommittee)).unread).toBe(unread);
  expect((await h.get('/me/notifications?pageSize=0', { as: committee })).status).toBe(400);
  expect((await h.get('/me/notifications?page=abc', { as: committee })).status).toBe(400);
  expect((await h.get('/me/notifications')).status).toBe(401);
  expect((await h.post('/me/notifications/read', { body: { all: true } })).status).toBe(401);
});
