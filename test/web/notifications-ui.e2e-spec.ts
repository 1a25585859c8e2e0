/**
 * 我的通知 in the browser (Debian chromium, real API, worker, Temporal and Postgres): the township
 * committee sees the unread count on the menu, its plans to review in bold and none of another
 * township's; opening one marks it read and lands on the 整顿对象; 全部标为已读 clears the count.
 * The county department sets its work-chat robots on the same page and never sees a secret again.
 */
import type { Page } from 'playwright-core';
import type { CaseState } from '@zhengdun/domain';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc } from '../support/api-harness';
import { launchBrowser, screenshot, type RunningBrowser } from '../support/browser';
import { county, measuresFor, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';
import { startWebHarness, type WebHarness } from '../support/web-harness';
import { signInAs } from '../support/web-sign-in';

let web: WebHarness;
let browser: RunningBrowser;
let campaignId: string;

beforeAll(async () => {
  web = await startWebHarness('notifications-ui');
  browser = await launchBrowser();
  const campaign = await web.api.post('/campaigns', { as: county, body: campaignBody() });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

afterEach(() => {
  expect(browser.problems.splice(0)).toEqual([]);
});

/** A case of `township` whose plan the secretary submitted: the committee of that township is notified. */
async function submittedPlan(name: string, township: string): Promise<string> {
  const orgCode = newOrgCode();
  const body = openCaseBody('rural', { orgCode, township });
  body.org.name = name;
  const opened = await web.api.post(`/campaigns/${campaignId}/cases`, { as: county, body });
  expect(opened.status).toBe(201);
  const caseId: string = opened.body.caseId;
  const state = await eventually(async () => {
    const found = await web.api.get(`/cases/${enc(caseId)}`, { as: county });
    return found.body.case?.stage === 'assigned' ? (found.body.case as CaseState) : undefined;
  }, 20_000, 'assigned');
  const submitted = await web.api.post(`/cases/${enc(caseId)}/actions/submitPlan`, { as: secretaryOf(orgCode), body: { measures: measuresFor(state) } });
  expect(submitted.status).toBe(200);
  return caseId;
}

const badge = (page: Page) => page.getByTestId('notification-badge');
const item = (page: Page, text: string) => page.getByTestId('notification-item').filter({ hasText: text });

it('the township committee reads its notifications: unread in bold, counted on the menu, each opening its 整顿对象', async () => {
  const first = await submittedPlan('青山镇东岭村党支部', '青山镇');
  await submittedPlan('青山镇西岭村党支部', '青山镇');
  await submittedPlan('河口镇南湾村党支部', '河口镇');

  const page = await browser.newPage();
  await signInAs(page, web.url, 'township_committee');
  await badge(page).getByText('2').waitFor({ timeout: 15_000 });
  await page.getByRole('menuitem', { name: /我的通知/ }).click();
  await page.waitForURL(/\/notifications$/);
  await item(page, '青山镇东岭村党支部').waitFor();
  await item(page, '青山镇西岭村党支部').waitFor();
  expect(await page.getByTestId('notification-item').count()).toBe(2);
  expect(await page.getByTestId('notifications-list').textContent()).not.toContain('河口镇');
  await page.getByTestId('notifications-unread').getByText('2 条未读').waitFor();
  for (const text of ['青山镇东岭村党支部', '青山镇西岭村党支部']) {
    expect(await item(page, text).getAttribute('data-read')).toBe('false');
    await item(page, text).getByText('整顿方案待审批', { exact: true }).waitFor();
    // Bold while unread.
    const weight = await item(page, text).getByTestId('notification-title').evaluate((node) => getComputedStyle(node).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(600);
  }
  await screenshot(page, 'notifications-committee-unread');

  await item(page, '青山镇东岭村党支部').click();
  await page.waitForURL((url) => url.pathname === `/cases/${enc(first)}`);
  await page.getByTestId('case-title').waitFor();
  await badge(page).getByText('1').waitFor({ timeout: 15_000 });

  await page.getByRole('menuitem', { name: /我的通知/ }).click();
  await page.waitForURL(/\/notifications$/);
  await page.getByTestId('notifications-unread').getByText('1 条未读').waitFor();
  expect(await item(page, '青山镇东岭村党支部').getAttribute('data-read')).toBe('true');
  expect(await item(page, '青山镇西岭村党支部').getAttribute('data-read')).toBe('false');

  await page.getByTestId('mark-all-read').click();
  await page.getByTestId('notifications-unread').getByText('没有未读通知').waitFor();
  await eventually(async () => (await item(page, '青山镇西岭村党支部').getAttribute('data-read')) === 'true', 10_000, 'all read');
  await eventually(async () => (await badge(page).textContent())?.trim() === '', 15_000, 'the badge cleared');
  expect(await page.getByTestId('mark-all-read').isDisabled()).toBe(true);
  await screenshot(page, 'notifications-committee-read');
  // Read on the server too.
  const after = await web.api.get('/me/notifications', { as: { userId: 'dev-township', name: '青山镇党委（开发）', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '青山镇' } } });
  expect(after.body.unread).toBe(0);
});

it('the county department sets its DingTalk and WeCom robots; the secret is never shown again', async () => {
  const page = await browser.newPage();
  await signInAs(page, web.url, 'county_department');
  await page.goto(`${web.url}/notifications`);
  const settings = page.getByTestId('robot-settings');
  await settings.waitFor();
  const secret = 'SEC9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928';
  await settings.getByTestId('robot-dingtalk-url').fill('https://oapi.dingtalk.com/robot/send?access_token=countyDingToken42');
  await settings.getByTestId('robot-dingtalk-secret').fill(secret);
  await settings.getByTestId('robot-wecom-url').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=county-wecom-key-7a1b');
  await settings.getByTestId('robot-save').click();
  await page.getByText('工作群机器人已保存').waitFor();
  const current = settings.getByTestId('robot-current');
  await current.getByText('https://oapi.dingtalk.com/robot/send?access_token=****en42').waitFor();
  await current.getByText('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****7a1b').waitFor();
  await current.getByText('已加签').waitFor();
  expect(await settings.getByTestId('robot-dingtalk-secret').inputValue()).toBe('');
  const text = (await page.content()) + (await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage)));
  expect(text).not.toContain(secret);
  expect(text).not.toContain('countyDingToken42');
  await screenshot(page, 'notifications-county-robots');

  // A wrong address is refused with the API's words, and nothing changes.
  await settings.getByTestId('robot-wecom-url').fill('http://robots.example.com/cgi-bin/webhook/send?key=abcdefgh');
  await settings.getByTestId('robot-save').click();
  await settings.getByText(/企业微信机器人地址须为 https 地址/).waitFor();
  const robots = await web.api.get('/notifications/robots', { as: county });
  expect(robots.body.robots.map((r: { webhookUrl: string }) => r.webhookUrl)).toEqual([
    'https://oapi.dingtalk.com/robot/send?access_token=****en42',
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****7a1b',
  ]);
});
