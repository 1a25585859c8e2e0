/**
 * The API's HTTP surface as an attacker probes it (issue 16, findings 3, 4, 10 and the HTTP part of
 * 12), on the real API, Temporal and Postgres:
 *  - only JSON where JSON is meant: a form-encoded approval is 415 and the case stays in planning;
 *    prototype keys are refused like any unknown field;
 *  - no existence oracle: another township's case, another county's campaign and an unpublished
 *    case answer exactly as missing ones; campaign figures are the county's only;
 *  - rate limits shared by API replicas through Postgres, per client (behind TRUST_PROXY only), per
 *    case and per user;
 *  - security headers, the database statement timeout, and a cap on list depth.
 */
import { DataSource } from 'typeorm';
import type { Actor, CaseState } from '@zhengdun/domain';
import { createApiApp, type RunningApi } from '../../apps/api/src/create-app';
import type { AppModuleOptions } from '../../apps/api/src/app.module';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { committee, county, measuresFor, otherCommittee, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { eventually } from '../support/environment';
import { takeWriteSnapshot } from '../support/write-snapshot';

let h: ApiHarness;
let campaignId: string;
/** Township A's case (青山镇), in planning until the approval test moves it on. */
let caseA: string;
let orgA: string;
/** An id of the same shape and length that no case has. */
let missingCase: string;

/** The text of an answer with the id it was asked about (as is and URL-encoded) put aside. */
const withoutId = (text: string, id: string) => text.replaceAll(enc(id), '<id>').replaceAll(id, '<id>');
/** Apps started by a test on the harness's database and Temporal; closed after each test. */
const extraApps: RunningApi[] = [];

/** Township B's committee member: same county, another township. */
const townshipB: Actor = otherCommittee;

function startExtraApi(overrides: Partial<AppModuleOptions> & { trustProxy?: false | number | string[]; statementTimeoutMs?: number } = {}): Promise<RunningApi> {
  const { trustProxy, statementTimeoutMs, ...options } = overrides;
  const config = {
    ...h.config,
    http: { ...h.config.http, ...(trustProxy !== undefined ? { trustProxy } : {}), ...(statementTimeoutMs !== undefined ? { statementTimeoutMs } : {}) },
  };
  return createApiApp({ config, host: '127.0.0.1', rateLimits: { caseWritesPerMinute: 10_000, userPerMinute: 100_000 }, ...options }).then((api) => {
    extraApps.push(api);
    return api;
  });
}

async function caseState(id: string): Promise<CaseState> {
  return h.cases.state(id);
}

beforeAll(async () => {
  h = await startApiHarness('sec-http');
  const policy = { ...SECONDS_POLICY, summaryCadence: { amount: 2, unit: 'seconds' as const } };
  campaignId = (await h.post('/campaigns', { as: county, body: campaignBody(policy) })).body.id;
  orgA = 'orgsecA01';
  const opened = await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural', { orgCode: orgA }) });
  expect(opened.status).toBe(201);
  caseA = opened.body.caseId;
  missingCase = caseA.replace(orgA, 'orgsecZ99');
  expect(missingCase).toHaveLength(caseA.length);
  const state = await h.cases.state(caseA);
  await h.cases.act(caseA, secretaryOf(orgA), { type: 'submitPlan', measures: measuresFor(state) });
  expect((await caseState(caseA)).stage).toBe('planning');
});

afterEach(async () => {
  await Promise.all(extraApps.splice(0).map((api) => api.close()));
});

afterAll(async () => {
  await h?.stop();
});

describe('only JSON where JSON is meant (finding 10)', () => {
  const approve = () => `/cases/${enc(caseA)}/actions/approvePlan`;

  it('answers 415 to a form-encoded, multipart, text or untyped approval, and the case stays in planning', async () => {
    const before = await takeWriteSnapshot(h.db.dataSource, h.cases);
    const attempts: [string, string | undefined][] = [
      ['comment=%E5%90%8C%E6%84%8F', 'application/x-www-form-urlencoded'],
      ['comment=ok', 'multipart/form-data'],
      ['{"comment":"同意"}', 'text/plain'],
      ['{"comment":"同意"}', undefined],
    ];
    for (const [body, type] of attempts) {
      const response = await fetch(`${h.url}${approve()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token(committee)}`, ...(type ? { 'content-type': type } : {}) },
        // A Blob without a type: fetch adds no Content-Type of its own.
        body: type ? body : new Blob([body]),
      });
      const problem = await response.json();
      expect({ type, status: response.status }).toEqual({ type, status: 415 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problem).toMatchObject({ code: 'unsupported_media_type', title: '不支持的内容类型', title_en: 'Unsupported media type', accepted: ['application/json'] });
      expect(problem.detail).toContain('application/json');
    }
    const after = await takeWriteSnapshot(h.db.dataSource, h.cases);
    expect(after).toEqual(before);
    expect((await caseState(caseA)).stage).toBe('planning');
  });

  it('reads application/*+json as JSON (a wrong field is named, not ignored)', async () => {
    const response = await h.post(approve(), { as: committee, rawBody: '{"comment": 5}', headers: { 'content-type': 'application/vnd.zhengdun+json' } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('comment');
  });

  it('refuses __proto__, constructor and prototype keys anywhere like any unknown field', async () => {
    const before = await takeWriteSnapshot(h.db.dataSource, h.cases);
    const cases: [string, string, string][] = [
      [approve(), '{"comment":"同意","__proto__":{"polluted":true}}', '__proto__'],
      [approve(), '{"comment":"同意","constructor":{"prototype":{"polluted":true}}}', 'constructor'],
      [`/campaigns/${campaignId}/cases`, JSON.stringify(openCaseBody('rural')).replace('"org":{', '"org":{"prototype":{"x":1},'), 'org.prototype'],
    ];
    for (const [path, rawBody, field] of cases) {
      const response = await h.post(path, { as: path === approve() ? committee : county, rawBody });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body).toMatchObject({ code: 'invalid_request', errors: [{ field, detail: '是不允许的字段' }] });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await takeWriteSnapshot(h.db.dataSource, h.cases)).toEqual(before);
    expect((await caseState(caseA)).stage).toBe('planning');
  });

  it('still takes the screening upload as multipart/form-data, and nothing else there', async () => {
    const form = new FormData();
    form.append('file', new Blob(['not a spreadsheet']), 'list.txt');
    const upload = await fetch(`${h.url}/campaigns/${campaignId}/screening-imports`, { method: 'POST', headers: { authorization: `Bearer ${await h.token(county)}` }, body: form });
    // Past the media-type check: the upload's own rules refuse the file.
    expect(upload.status).not.toBe(415);
    expect(upload.status).toBeGreaterThanOrEqual(400);
    expect((await upload.json()).code).not.toBe('unsupported_media_type');
    const json = await h.post(`/campaigns/${campaignId}/screening-imports`, { as: county, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.accepted).toEqual(['multipart/form-data']);
  });
});

describe('no existence oracle (finding 4)', () => {
  /** Same request id in both requests, so the trace ids match and whole bodies can be compared. */
  async function probe(method: 'GET' | 'POST', path: string, as: Actor | undefined, body?: unknown) {
    const response = await h.request(method, path, { as, body, headers: { 'x-request-id': 'probe-0001' } });
    return response;
  }

  it("gives township B the same 404 for township A's case as for a missing one, on a read and on an action", async () => {
    expect((await h.get(`/cases/${enc(caseA)}`, { as: committee })).status).toBe(200);
    const before = await caseState(caseA);
    for (const [method, suffix, body] of [['GET', '', undefined], ['POST', '/actions/approvePlan', { comment: '同意' }], ['POST', '/actions/startPublicity', {}]] as const) {
      const existing = await probe(method, `/cases/${enc(caseA)}${suffix}`, townshipB, body);
      const missing = await probe(method, `/cases/${enc(missingCase)}${suffix}`, townshipB, body);
      expect({ suffix, status: existing.status }).toEqual({ suffix, status: 404 });
      expect(missing.status).toBe(404);
      // Byte for byte, once the id each one asked about is put aside (both ids have the same length).
      expect(withoutId(existing.text, caseA)).toBe(withoutId(missing.text, missingCase));
      expect(existing.text).toHaveLength(missing.text.length);
      expect(existing.headers.get('content-type')).toBe(missing.headers.get('content-type'));
      expect(existing.body).toMatchObject({ code: 'case_not_found', status: 404 });
      expect(existing.body.detail).not.toMatch(/管辖范围（|township|青山镇/);
    }
    expect((await caseState(caseA)).seq).toBe(before.seq);
    // Still attributable: the audit trail says what was refused, and why.
    const audit = await h.db.dataSource.query(`SELECT user_id, outcome FROM audit_entry WHERE case_id = $1 AND user_id = $2 ORDER BY id`, [caseA, townshipB.userId]);
    expect(audit).toEqual([
      { user_id: townshipB.userId, outcome: 'refused:case_out_of_scope' },
      { user_id: townshipB.userId, outcome: 'refused:case_out_of_scope' },
    ]);
  });

  it('takes the same time for an existing out-of-scope case as for a missing one (same lookups)', async () => {
    const timings: Record<'existing' | 'missing', number[]> = { existing: [], missing: [] };
    for (let round = 0; round < 15; round++) {
      for (const [label, id] of [['existing', caseA], ['missing', missingCase]] as const) {
        const started = performance.now();
        expect((await h.get(`/cases/${enc(id)}`, { as: townshipB })).status).toBe(404);
        timings[label].push(performance.now() - started);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const existing = median(timings.existing);
    const missing = median(timings.missing);
    process.stdout.write(`out-of-scope 404: median ${existing.toFixed(1)} ms; missing 404: median ${missing.toFixed(1)} ms\n`);
    // The same class: neither is a worker round trip away from the other. Generous, for a loaded machine.
    expect(Math.abs(existing - missing)).toBeLessThan(Math.max(15, 0.75 * Math.max(existing, missing)));
  });

  it("answers another county's campaign as a missing one", async () => {
    const elsewhere: Actor = { ...county, userId: 'county-other', scope: { level: 'county', county: '邻县' } };
    const missingCampaign = campaignId.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const existing = await probe('GET', `/campaigns/${campaignId}`, elsewhere);
    const missing = await probe('GET', `/campaigns/${missingCampaign}`, elsewhere);
    expect(existing.status).toBe(404);
    expect(withoutId(existing.text, campaignId)).toBe(withoutId(missing.text, missingCampaign));
    expect(existing.text).not.toContain('整顿批次“');
  });

  it('gives the public one 404 for an unpublished case and a missing one, on the notice and on an objection', async () => {
    for (const [method, suffix, body] of [['GET', '', undefined], ['POST', '/objections', { content: '有问题' }], ['POST', '/ratings', { level: 'satisfied' }]] as const) {
      const unpublished = await probe(method, `/public/cases/${enc(caseA)}${suffix}`, undefined, body);
      const missing = await probe(method, `/public/cases/${enc(missingCase)}${suffix}`, undefined, body);
      expect({ suffix, status: unpublished.status }).toEqual({ suffix, status: 404 });
      expect(withoutId(unpublished.text, caseA)).toBe(withoutId(missing.text, missingCase));
      expect(unpublished.body.code).toBe('not_public');
    }
  });

  it('publicizes the plan once approved with a JSON body, and the public notice appears', async () => {
    const approved = await h.post(`/cases/${enc(caseA)}/actions/approvePlan`, { as: committee, body: { comment: '同意' } });
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('remediating');
    const notice = await eventually(async () => {
      const response = await h.get(`/public/cases/${enc(caseA)}`);
      return response.status === 200 ? response : undefined;
    }, 10_000, 'the notice public');
    expect(notice.body).toMatchObject({ caseId: caseA, stage: 'remediating' });
    expect((await h.get(`/public/cases/${enc(missingCase)}`)).status).toBe(404);
  });

  it("gives a township the campaign's clock but the county-wide figures to the county only", async () => {
    const forCounty = await eventually(async () => {
      const response = await h.get(`/campaigns/${campaignId}/status`, { as: county });
      return response.body?.lastSummary ? response : undefined;
    }, 30_000, 'a first progress summary');
    expect(forCounty.body.lastSummary.total).toBeGreaterThanOrEqual(1);
    const forTownship = await h.get(`/campaigns/${campaignId}/status`, { as: townshipB });
    expect(forTownship.status).toBe(200);
    expect(forTownship.body).toMatchObject({ campaignId, lastSummary: null, end: null });
    expect(forTownship.body.daysLeft).toBe(forCounty.body.daysLeft);
    expect(forTownship.body.summariesSent).toBeGreaterThanOrEqual(1);
  });
});

describe('rate limits shared through Postgres (finding 3)', () => {
  const notice = (api: RunningApi, headers: Record<string, string> = {}) => fetch(`${api.url}/public/cases/${enc(missingCase)}`, { headers }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() }));

  it('counts the public limit once across two API instances on the same database', async () => {
    // Each test uses its own limit: a bucket belongs to one limit, so tests do not share counts.
    const first = await startExtraApi({ publicRateLimits: { readsPerMinute: 4, writesPerMinute: 100 } });
    const second = await startExtraApi({ publicRateLimits: { readsPerMinute: 4, writesPerMinute: 100 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await notice(i % 2 === 0 ? first : second)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    const refused = await notice(first);
    expect(refused.retryAfter).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ status: 429, title: '请求过于频繁', code: 'too_many_requests' });
  });

  it('does not let a rotated X-Forwarded-For escape the limit when TRUST_PROXY is unset', async () => {
    const api = await startExtraApi({ publicRateLimits: { readsPerMinute: 5, writesPerMinute: 100 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await notice(api, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
  });

  it('with TRUST_PROXY=1 gives two X-Forwarded-For clients their own buckets, from the address the proxy appended', async () => {
    const api = await startExtraApi({ trustProxy: 1, publicRateLimits: { readsPerMinute: 3, writesPerMinute: 100 } });
    const clientX = [];
    for (let i = 0; i < 3; i++) clientX.push((await notice(api, { 'x-forwarded-for': '203.0.113.7' })).status);
    expect(clientX).toEqual([404, 404, 404]);
    // What client X wrote itself is left of what the proxy appended: still client X.
    expect((await notice(api, { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' })).status).toBe(429);
    expect((await notice(api, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(404);
  });

  it('limits objections and ratings per case, whichever addresses they come from', async () => {
    const api = await startExtraApi({ trustProxy: 1, rateLimits: { caseWritesPerMinute: 2, userPerMinute: 100_000 } });
    const rate = (client: string) =>
      fetch(`${api.url}/public/cases/${enc(missingCase)}/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ level: 'satisfied' }) }).then((r) => r.status);
    expect([await rate('203.0.113.21'), await rate('203.0.113.22'), await rate('203.0.113.23')]).toEqual([404, 404, 429]);
    // Another case is not affected.
    const other = await fetch(`${api.url}/public/cases/${enc(caseA)}/ratings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.24' }, body: JSON.stringify({ level: 'satisfied' }) });
    expect(other.status).not.toBe(429);
  });

  it('limits each signed-in user on its own, by token subject', async () => {
    const api = await startExtraApi({ rateLimits: { caseWritesPerMinute: 10_000, userPerMinute: 3 } });
    const list = async (as: Actor) => (await fetch(`${api.url}/campaigns`, { headers: { authorization: `Bearer ${await h.token(as)}` } })).status;
    const auditorOfCounty: Actor = { ...county, userId: 'rate-limit-probe', name: '限流测试' };
    expect([await list(auditorOfCounty), await list(auditorOfCounty), await list(auditorOfCounty), await list(auditorOfCounty)]).toEqual([200, 200, 200, 429]);
    expect(await list({ ...auditorOfCounty, userId: 'rate-limit-probe-2' })).toBe(200);
    // The public and the health check are not counted against anyone.
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

describe('hygiene (finding 12, HTTP part)', () => {
  it('sends security headers on every answer: API, errors and the web UI', async () => {
    const paths = ['/health', '/cases', `/public/cases/${enc(missingCase)}`, ...(h.api.webUi ? ['/'] : [])];
    for (const path of paths) {
      const response = await fetch(`${h.url}${path}`, { headers: path === '/' ? { accept: 'text/html' } : {} });
      await response.arrayBuffer();
      const csp = response.headers.get('content-security-policy') ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it("cancels a runaway query on the API's connections only, not the worker's or migrations'", async () => {
    const apiDataSource = h.api.app.get(DataSource);
    expect(await apiDataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '15s' }]);
    expect(await h.db.dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    const api = await startExtraApi({ statementTimeoutMs: 300 });
    const started = Date.now();
    await expect(api.app.get(DataSource).query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('caps how deep a list may be paged, with a 400 naming page', async () => {
    expect((await h.get('/cases?page=500&pageSize=20', { as: county })).status).toBe(200);
    const deep = await h.get('/cases?page=501&pageSize=20', { as: county });
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual([expect.objectContaining({ field: 'page', detail: expect.stringContaining('10000') })]);
    expect((await h.get('/cases?page=100000&pageSize=100', { as: county })).status).toBe(400);
  });
});
