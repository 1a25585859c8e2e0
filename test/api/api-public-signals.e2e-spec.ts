/**
 * The public's ratings and objections under production rate limits, on real Temporal and Postgres:
 * one rating per device, a bound on the open objections from one address, and a flood of 10,000
 * "satisfied" ratings from one client that moves neither the count nor the case's state beyond a bound.
 */
import { RATING_IDS_KEPT } from '@zhengdun/domain';
import { campaignBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, SECONDS_POLICY } from '../support/cases';
import { eventually } from '../support/environment';
import { openedToPublicity } from '../support/http-lifecycle';

const WRITES_PER_MINUTE = 20;
let h: ApiHarness;
let caseId: string;

beforeAll(async () => {
  // The production defaults for the public (20 writes a minute per address); generous for the staff who set the case up.
  h = await startApiHarness('api-public-signals', { publicRateLimits: { readsPerMinute: 120, writesPerMinute: WRITES_PER_MINUTE }, rateLimits: { caseWritesPerMinute: 10_000, userPerMinute: 100_000 } });
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody({ ...SECONDS_POLICY, publicityPeriod: { amount: 3600, unit: 'seconds' } }) })).body.id;
  caseId = await openedToPublicity(h, campaignId);
});

afterAll(async () => {
  await h?.stop();
});

const publicPath = () => `${h.url}/public/cases/${enc(caseId)}`;

function post(suffix: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${publicPath()}${suffix}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
}

it('counts one rating per device: the cookie it is given on its first rating makes a second one a clear 409', async () => {
  const first = await post('/ratings', { level: 'dissatisfied' });
  expect(first.status).toBe(202);
  const setCookie = first.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/^zd_device=[A-Za-z0-9_-]{22}; .*Path=\/public\/cases; .*HttpOnly/);
  const cookie = setCookie.split(';')[0];
  const second = await post('/ratings', { level: 'satisfied' }, cookie);
  expect(second.status).toBe(409);
  expect(await second.json()).toMatchObject({ code: 'already_rated', detail: expect.stringContaining('每台设备只计一次') });
  await eventually(async () => (await h.cases.state(caseId)).satisfaction.dissatisfied === 1, 10_000, 'the one rating counted');
  expect((await h.cases.state(caseId)).satisfaction).toMatchObject({ satisfied: 0, dissatisfied: 1 });
});

it('takes at most three open objections from one address; the committee answering one makes room again', async () => {
  const ids: string[] = [];
  for (let i = 1; i <= 3; i += 1) {
    const sent = await post('/objections', { content: `第${i}条异议：公示的台账与实际不符` });
    expect(sent.status).toBe(202);
    ids.push((await sent.json()).id);
  }
  const fourth = await post('/objections', { content: '第4条异议' });
  expect(fourth.status).toBe(429);
  expect(await fourth.json()).toMatchObject({ code: 'too_many_open_objections', detail: expect.stringContaining('尚有 3 条未处理') });
  await eventually(async () => (await h.cases.state(caseId)).objections.length === 3, 10_000, 'three objections in the case');
  const resolved = await h.post(`/cases/${enc(caseId)}/actions/resolveObjection`, { as: committee, body: { objectionId: ids[0], decision: 'dismissed', reason: '经核实，台账与实际一致' } });
  expect(resolved.status).toBe(200);
  expect((await post('/objections', { content: '第5条异议：仍有问题' })).status).toBe(202);
  await eventually(async () => (await h.cases.state(caseId)).objections.length === 4, 10_000, 'the fifth objection in the case');
});

it('10,000 "satisfied" ratings from one client that drops its cookie move the count by at most the rate limit, and the state by a bounded size', async () => {
  // The earlier tests used some of this minute's writes; wait for a fresh window so the figures are this test's own.
  await new Promise((resolve) => setTimeout(resolve, 61_000));
  const before = await h.cases.state(caseId);
  const stateBytes = (state: unknown) => Buffer.byteLength(JSON.stringify(state));
  const statuses = new Map<number, number>();
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < 10_000) {
        next += 1;
        // A connection the loaded server resets is sent again: every one of the 10,000 gets an answer.
        let response: Response | undefined;
        for (let attempt = 1; !response; attempt += 1) {
          response = await post('/ratings', { level: 'satisfied' }).catch((error: unknown) => {
            if (attempt === 5) throw error;
            return undefined;
          });
        }
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const minutes = Math.ceil((Date.now() - started) / 60_000);
  const accepted = statuses.get(202) ?? 0;
  expect((statuses.get(202) ?? 0) + (statuses.get(429) ?? 0)).toBe(10_000);
  // At most the limit per minute window the flood spanned.
  expect(accepted).toBeLessThanOrEqual(WRITES_PER_MINUTE * (minutes + 1));
  const after = await eventually(async () => {
    const state = await h.cases.state(caseId);
    return state.satisfaction.satisfied === before.satisfaction.satisfied + accepted ? state : undefined;
  }, 15_000, 'the accepted ratings counted');
  // Each counted rating keeps at most one id (the latest RATING_IDS_KEPT on a case judged on its 测评), ≈ 45 bytes each, plus its timeline entry.
  const grown = stateBytes(after) - stateBytes(before);
  console.log(`10,000 ratings from one client: ${accepted} counted, ${statuses.get(429) ?? 0} refused (429) in ${((Date.now() - started) / 1000).toFixed(1)} s; state +${grown} bytes`);
  expect(grown).toBeLessThan(accepted * 400 + 2_000);
  expect(after.satisfaction.ratingIds.length).toBeLessThanOrEqual(RATING_IDS_KEPT);
  // A minute's wait and 10,000 requests: about 90 s alone, more than Jest's default 3 minutes on a loaded CI machine.
}, 10 * 60_000);
