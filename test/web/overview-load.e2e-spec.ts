/**
 * The overview with a county-sized read model: 1,000 cases seeded straight into case_record (no
 * workflows), then the page's load time measured in Debian chromium and printed. Also the
 * screenshots of the overview and the case list a county clerk would see.
 */
import type { Page } from 'playwright-core';
import { STAGES, type OrgDomain, type Stage } from '@zhengdun/domain';
import { campaignBody } from '../support/api-fixtures';
import { launchBrowser, screenshot, type RunningBrowser } from '../support/browser';
import { county, COUNTY } from '../support/cases';
import { startWebHarness, type WebHarness } from '../support/web-harness';

const CASES = 1000;

let web: WebHarness;
let browser: RunningBrowser;
let campaignId: string;

beforeAll(async () => {
  web = await startWebHarness('web-load');
  browser = await launchBrowser();
  const campaign = await web.api.post('/campaigns', {
    as: county,
    body: campaignBody(undefined, { name: '2026年度软弱涣散基层党组织集中整顿', endsAt: new Date(Date.now() + 120 * 86_400_000).toISOString() }),
  });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
  await seedCases(campaignId, CASES);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

afterEach(() => {
  expect(browser.problems.splice(0)).toEqual([]);
});

/** A small deterministic generator, so every run seeds the same county. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const TOWNSHIPS = ['青山镇', '河口镇', '石门镇', '柳林镇', '城关街道', '白沙乡', '龙泉镇', '桃源乡', '新华街道', '东坪镇', '县直机关工委', '非公经济组织党工委'];
const PLACES = ['石桥', '柳河', '高庄', '李家', '王庄', '新村', '后沟', '前进', '红星', '杨树', '马场', '张湾', '双河', '东岭', '西坡', '南塬', '北关', '清水', '沙坪', '上营', '中心', '和平', '永安', '富民'];
const NAME_PATTERN: Record<OrgDomain, (place: string) => string> = {
  rural: (place) => `${place}村党支部`,
  state_owned_enterprise: (place) => `县${place}城投公司党支部`,
  non_public_enterprise: (place) => `${place}商贸有限公司党支部`,
  community: (place) => `${place}社区党支部`,
  agency: (place) => `县${place}局机关党支部`,
  school: (place) => `${place}中学党支部`,
  hospital: (place) => `${place}卫生院党支部`,
  social_organization: (place) => `${place}协会党支部`,
};
const STAGE_WEIGHTS: [Stage, number][] = [
  ['identified', 3],
  ['assigned', 7],
  ['planning', 15],
  ['remediating', 33],
  ['publicizing', 6],
  ['preliminary_acceptance', 5],
  ['county_acceptance', 4],
  ['delisted', 12],
  ['follow_up_review', 5],
  ['archived', 10],
];
const DOMAIN_WEIGHTS: [OrgDomain, number][] = [
  ['rural', 60],
  ['community', 10],
  ['non_public_enterprise', 10],
  ['state_owned_enterprise', 5],
  ['agency', 5],
  ['school', 4],
  ['hospital', 3],
  ['social_organization', 3],
];
const DAY = 86_400_000;

/** `count` rows of case_record, as the projection would have written them. */
async function seedCases(campaign: string, count: number): Promise<void> {
  const next = random(20260501);
  const now = Date.now();
  const rows: unknown[][] = [];
  for (let i = 1; i <= count; i++) {
    const domain = pick(next, DOMAIN_WEIGHTS);
    const township =
      domain === 'agency' || domain === 'school' || domain === 'hospital'
        ? '县直机关工委'
        : domain === 'non_public_enterprise' || domain === 'social_organization'
          ? '非公经济组织党工委'
          : TOWNSHIPS[Math.floor(next() * 10)];
    const stage = pick(next, STAGE_WEIGHTS);
    const order = STAGES.indexOf(stage);
    const active = order <= STAGES.indexOf('remediating');
    const overdue = active && order >= 1 && next() < 0.14;
    const escalationLevel = overdue ? pick(next, [[1, 5], [2, 3], [3, 2]] as [number, number][]) : 0;
    const talks = escalationLevel >= 2 ? escalationLevel - 1 : 0;
    const problemCount = 2 + Math.floor(next() * 4);
    const measureCount = order >= STAGES.indexOf('planning') ? problemCount + Math.floor(next() * 3) : 0;
    const measuresDone = order > STAGES.indexOf('remediating') ? measureCount : order === STAGES.indexOf('remediating') ? Math.floor(next() * measureCount) : 0;
    const rated = order >= STAGES.indexOf('publicizing');
    const satisfied = rated ? 8 + Math.floor(next() * 20) : 0;
    const basically = rated ? Math.floor(next() * 8) : 0;
    const dissatisfied = rated ? Math.floor(next() * 4) : 0;
    const createdAt = now - (40 + Math.floor(next() * 80)) * DAY;
    const stageEnteredAt = now - Math.floor(next() * 30) * DAY;
    const durations: Record<string, number> = {};
    for (const earlier of STAGES.slice(0, order + 1)) durations[earlier] = Math.round((1 + next() * 20) * DAY);
    const orgCode = `410323-${String(i).padStart(4, '0')}`;
    const place = PLACES[i % PLACES.length];
    rows.push([
      `case:${campaign}:${orgCode}`,
      campaign,
      COUNTY,
      orgCode,
      `${township.endsWith('工委') ? '' : township}${NAME_PATTERN[domain](place)}`,
      domain,
      township,
      domain === 'rural' && next() < 0.08,
      stage,
      1,
      overdue,
      escalationLevel,
      talks,
      escalationLevel === 3,
      problemCount,
      order > STAGES.indexOf('remediating') ? 0 : problemCount - Math.min(problemCount, measuresDone),
      measureCount,
      measuresDone,
      [`sec-${orgCode}`],
      rated ? (satisfied + basically) / (satisfied + basically + dissatisfied) : null,
      active && order >= 1 ? new Date(now + (overdue ? -3 : 5 + Math.floor(next() * 40)) * DAY) : null,
      new Date(stageEnteredAt),
      order >= STAGES.indexOf('delisted') ? new Date(stageEnteredAt) : null,
      new Date(createdAt),
      new Date(stageEnteredAt + DAY),
      5 + order * 2,
      1,
      JSON.stringify(durations),
      JSON.stringify({ satisfaction: { satisfied, basicallySatisfied: basically, dissatisfied, ratingIds: [] } }),
    ]);
  }
  const columns =
    'case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round, overdue, escalation_level, talks, ' +
    'organizational_handling, problem_count, open_problem_count, measure_count, measures_done, person_ids, satisfaction_rate, next_due_at, ' +
    'stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state';
  const width = rows[0].length;
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_c, c) => `$${r * width + c + 1}`).join(',')})`).join(',');
    await web.api.db.dataSource.query(`INSERT INTO case_record (${columns}) VALUES ${values}`, batch.flat());
  }
}

interface LoadTiming {
  /** From navigation start until every chart of the overview has drawn its data (the page's own clock). */
  readyMs: number;
  domContentLoadedMs: number;
  /** The GET /dashboard/summary request as the browser timed it. */
  summaryMs: number;
  transferredKb: number;
}

const CHARTS = ['chart-stage', 'chart-conversion', 'chart-domain', 'chart-township', 'chart-escalation', 'chart-average-days'];

async function loadOverview(page: Page): Promise<LoadTiming> {
  await page.goto(`${web.url}/?campaignId=${campaignId}`, { waitUntil: 'commit' });
  // Checked on every animation frame, timed by the page's own clock from navigation start.
  const ready = await page.waitForFunction(
    (charts) => charts.every((id) => document.querySelector(`[data-testid="${id}"][data-drawn="true"]`)) && performance.now(),
    CHARTS,
    { polling: 'raf', timeout: 30_000 },
  );
  const readyMs = Math.round(Number(await ready.jsonValue()));
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const summary = resources.filter((entry) => entry.name.includes('/dashboard/summary'))[0];
    return {
      domContentLoadedMs: navigation.domContentLoadedEventEnd,
      summaryMs: summary ? summary.responseEnd - summary.startTime : -1,
      transferred: resources.reduce((sum, entry) => sum + (entry.transferSize || 0), navigation.transferSize || 0),
    };
  });
  return { readyMs, domContentLoadedMs: Math.round(timing.domContentLoadedMs), summaryMs: Math.round(timing.summaryMs), transferredKb: Math.round(timing.transferred / 1024) };
}

it(`loads the overview of ${CASES} cases and prints how long it took`, async () => {
  const token = await web.api.token(county);
  const page = await browser.newPage();
  await page.addInitScript((value) => sessionStorage.setItem('zhengdun.token', value), token);

  const cold = await loadOverview(page);
  expect(await page.getByTestId('overview-ready').getAttribute('data-total')).toBe(String(CASES));
  const warm = await loadOverview(page);
  await page.waitForTimeout(600); // let the charts' entry animation finish before the picture
  await screenshot(page, 'overview');

  process.stdout.write(
    `[web] overview page load with ${CASES} cases in the read model (Debian chromium, headless, same machine):\n` +
      `      first visit  ${cold.readyMs} ms until every chart is drawn (DOMContentLoaded ${cold.domContentLoadedMs} ms, ` +
      `GET /dashboard/summary ${cold.summaryMs} ms, ${cold.transferredKb} KB transferred)\n` +
      `      repeat visit ${warm.readyMs} ms (DOMContentLoaded ${warm.domContentLoadedMs} ms, GET /dashboard/summary ${warm.summaryMs} ms)\n`,
  );
  expect(cold.readyMs).toBeLessThan(10_000);

  // The case list of the same county, filtered and sorted by the API.
  await page.goto(`${web.url}/cases?campaignId=${campaignId}&overdue=true&sort=escalationLevel&order=desc`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByText(/共 \d+ 个党组织/).waitFor();
  await screenshot(page, 'case-list', false);
  await page.close();
});
