/**
 * The API as the web UI's host: the build's files at `/` with their caching, index.html for page
 * navigations (Accept: text/html) even on API routes while API calls reach the controllers, gzip,
 * and the development sign-in at /dev/tokens (absent where JWKS_URL is set). A small build made here
 * stands in for apps/web/dist, so these tests do not depend on Vite.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Logger } from '@nestjs/common';
import { USER_ROLES, type Actor } from '@zhengdun/domain';
import type { AppConfig } from '@zhengdun/config';
import { createApiApp } from '../../apps/api/src/create-app';
import { DEV_ACTORS } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { county } from '../support/cases';

let h: ApiHarness;
let webRoot: string;
let caseId: string;

const INDEX_HTML = '<!doctype html><html lang="zh-CN"><head><title>整顿工作平台（测试构建）</title></head><body><div id="root"></div><script type="module" src="/assets/index-T3st.js"></script></body></html>';
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const label${i} = "整顿阶段 ${i}: 制定整顿方案 / 整顿实施 / 结果公示";`).join('\n');

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Over node:http, so that the path goes out as written and the body comes back as sent (no decompression). */
function raw(method: string, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: pathname, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const page = (pathname: string) => fetch(`${h.url}${pathname}`, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-T3st.js'), SCRIPT);
  h = await startApiHarness('api-web', { webRoot });
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  caseId = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural') })).body.caseId;
});

afterAll(async () => {
  await h?.stop();
  if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('the web UI at /', () => {
  it('serves index.html (no-cache) at / and the assets with a year of immutable caching', async () => {
    expect(h.api.webUi).toBe(true);
    for (const accept of ['text/html', '*/*']) {
      const home = await fetch(`${h.url}/`, { headers: { accept } });
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/^text\/html/);
      expect(home.headers.get('cache-control')).toBe('no-cache');
      expect(await home.text()).toBe(INDEX_HTML);
    }
    const index = await fetch(`${h.url}/index.html`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = await fetch(`${h.url}/assets/index-T3st.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT);
    // Revalidation of index.html: 304 without a body. (Over node:http: fetch adds Cache-Control: no-cache to a conditional request.)
    const etag = String((await raw('GET', '/')).headers.etag);
    const revalidated = await raw('GET', '/', { accept: 'text/html', 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it('answers a page navigation with index.html even on an API route, and API calls as before', async () => {
    const path = `/cases/${enc(caseId)}`;
    // The browser opening the case page: no token, Accept: text/html.
    const navigation = await page(path);
    expect(navigation.status).toBe(200);
    expect(navigation.headers.get('content-type')).toMatch(/^text\/html/);
    expect(navigation.headers.get('cache-control')).toBe('no-cache');
    expect(navigation.headers.get('vary')).toMatch(/\bAccept\b/);
    expect(await navigation.text()).toBe(INDEX_HTML);
    const head = await fetch(`${h.url}${path}`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await head.text()).toBe('');

    // The UI's own call, and fetch's or curl's default Accept: the controller, as before.
    const json = await h.get(path, { as: county, headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('vary')).toMatch(/\bAccept\b/);
    expect(json.body.case.caseId).toBe(caseId);
    expect((await h.get(path, { as: county })).body.case.caseId).toBe(caseId);
    const anonymous = await h.get(path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const noAccept = await raw('GET', path);
    expect(noAccept.status).toBe(401);
    expect(JSON.parse(noAccept.body.toString()).code).toBe('missing_token');
    // Only GET and HEAD are navigations: a POST from a form is the API's.
    const post = await h.post(`/cases/${enc(caseId)}/actions/approvePlan`, { headers: { accept: 'text/html' } });
    expect(post.status).toBe(401);

    // A path nothing serves: the UI's not-found page for a navigation, a problem for the API.
    expect(await (await page('/no/such/page')).text()).toBe(INDEX_HTML);
    const missing = await h.get('/no/such/page', { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('route_not_found');
    const missingAsset = await h.get('/assets/gone-0000.js');
    expect(missingAsset.status).toBe(404);
    expect(missingAsset.body.code).toBe('route_not_found');
  });

  it('leaves Swagger and the health check to the API even for a browser', async () => {
    const docs = await page('/docs');
    expect(docs.status).toBe(200);
    const docsHtml = await docs.text();
    expect(docsHtml).toContain('swagger');
    expect(docsHtml).not.toBe(INDEX_HTML);
    const document = await page('/docs-json');
    expect(document.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await document.json()).openapi).toMatch(/^3\./);
    const health = await page('/health');
    expect(health.headers.get('content-type')).toMatch(/json/);
    expect((await health.json()).status).toBe('ok');
  });

  it('compresses what it sends to clients that accept it: the UI’s files and the API’s answers', async () => {
    const gzipped = await raw('GET', '/assets/index-T3st.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
    expect(gzipped.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    // Browsers also offer Brotli, which the compression middleware prefers.
    const brotli = await raw('GET', '/assets/index-T3st.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);
    const plain = await raw('GET', '/assets/index-T3st.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    const token = await h.token(county);
    const api = await raw('GET', '/docs-json', { 'accept-encoding': 'gzip' });
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(api.body).toString()).paths).toHaveProperty('/dashboard/summary');
    const detail = await raw('GET', `/cases/${enc(caseId)}`, { 'accept-encoding': 'gzip', authorization: `Bearer ${token}`, accept: 'application/json' });
    expect(detail.status).toBe(200);
    expect(detail.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(detail.body).toString()).case.caseId).toBe(caseId);
    // Small answers (under 1 KB) are not worth it and go as they are.
    const small = await raw('GET', '/health', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).status).toBe('ok');
  });

  it('serves nothing from outside the build', async () => {
    fs.writeFileSync(path.join(path.dirname(webRoot), `${path.basename(webRoot)}-secret.txt`), 'secret');
    try {
      for (const attempt of [
        `/../${path.basename(webRoot)}-secret.txt`,
        `/%2e%2e/${path.basename(webRoot)}-secret.txt`,
        `/assets/..%2f..%2f${path.basename(webRoot)}-secret.txt`,
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      ]) {
        const response = await raw('GET', attempt, { accept: 'text/html' });
        expect({ attempt, body: response.body.toString() }).toEqual({ attempt, body: response.status === 200 ? INDEX_HTML : expect.not.stringContaining('secret') });
        expect(response.body.toString()).not.toContain('root:');
      }
    } finally {
      fs.rmSync(path.join(path.dirname(webRoot), `${path.basename(webRoot)}-secret.txt`), { force: true });
    }
  });

  it('without a build, serves the API only and says so in the log', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    const missing = path.join(webRoot, 'not-built');
    const api = await createApiApp({ config: h.config, host: '127.0.0.1', dataSource: h.db.dataSource, temporalClient: h.client, webRoot: missing });
    try {
      expect(api.webUi).toBe(false);
      expect(logged.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining(`No web UI build at ${missing}`));
      const home = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
      expect(home.status).toBe(404);
      expect(home.headers.get('content-type')).toContain('application/problem+json');
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
    } finally {
      logged.mockRestore();
      await api.close();
    }
  });
});

describe('development tokens', () => {
  it('GET /dev/tokens: one working token per role, for the development identities', async () => {
    const list = await h.get('/dev/tokens', { headers: { accept: 'application/json' } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { actor: Actor }) => item.actor)).toEqual(USER_ROLES.map((role) => DEV_ACTORS[role]));
    for (const { actor, token } of list.body.items as { actor: Actor; token: string }[]) {
      const campaigns = await h.get('/campaigns', { as: token });
      expect({ role: actor.role, status: campaigns.status }).toEqual({ role: actor.role, status: 200 });
    }
  });

  it('POST /dev/tokens: a token for any valid identity, 201', async () => {
    const body = { userId: 'dev-hk-1', name: '河口镇党委（开发）', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '河口镇' } };
    const minted = await h.post('/dev/tokens', { body, headers: { accept: 'application/json' } });
    expect(minted.status).toBe(201);
    expect(minted.body.actor).toEqual(body);
    const own = await h.get('/dashboard/summary', { as: minted.body.token });
    expect(own.status).toBe(200);
    // Its scope is its township: the case of 青山镇 is not its to read (answered as a missing case).
    expect((await h.get(`/cases/${enc(caseId)}`, { as: minted.body.token })).status).toBe(404);
    // Fields a scope of this level does not have are dropped, as from any token's claims.
    const countyLevel = await h.post('/dev/tokens', { body: { ...body, role: 'county_department', scope: { level: 'county', county: '示范县', township: '河口镇' } } });
    expect(countyLevel.body.actor.scope).toEqual({ level: 'county', county: '示范县' });
  });

  const valid = { userId: 'dev-x', name: '某用户', role: 'auditor', scope: { level: 'county', county: '示范县' } };
  it.each<[string, unknown, string]>([
    ['no role', { ...valid, role: undefined }, 'role'],
    ['an unknown role', { ...valid, role: 'admin' }, 'role'],
    ['a blank user id', { ...valid, userId: '  ' }, 'userId'],
    ['a name too long', { ...valid, name: '名'.repeat(129) }, 'name'],
    ['a scope that is not an object', { ...valid, scope: 'everything' }, 'scope'],
    ['a township scope without its township', { ...valid, scope: { level: 'township', county: '示范县' } }, 'scope'],
    ['an unknown scope level', { ...valid, scope: { level: 'province', county: '示范县' } }, 'scope'],
    ['a scope field of the wrong type', { ...valid, scope: { level: 'county', county: 42 } }, 'scope.county'],
    ['an unknown field', { ...valid, admin: true }, 'admin'],
  ])('POST /dev/tokens with %s: 400 naming the field', async (_name, body, field) => {
    const refused = await h.post('/dev/tokens', { body });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(refused.body.detail).toContain(field);
  });

  it('POST /dev/tokens with malformed JSON: 400', async () => {
    const refused = await h.post('/dev/tokens', { rawBody: '{"userId": ' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('malformed_json');
  });

  it.each<[string, (config: AppConfig) => AppConfig]>([
    ['where JWKS_URL is set', (config) => ({ ...config, auth: { ...config.auth, jwksUrl: 'http://127.0.0.1:1/jwks.json' } })],
    ['in production mode', (config) => ({ ...config, mode: 'production' })],
  ])('are documented, and do not exist %s (404 problem)', async (_where, change) => {
    expect(Object.keys((await h.get('/docs-json')).body.paths)).toContain('/dev/tokens');
    const api = await createApiApp({ config: change(h.config), host: '127.0.0.1', dataSource: h.db.dataSource, temporalClient: h.client, webRoot });
    try {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${api.url}/dev/tokens`, { method, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify(valid) : undefined });
        expect({ method, status: response.status }).toEqual({ method, status: 404 });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect((await response.json()).code).toBe('route_not_found');
      }
      const document = await (await fetch(`${api.url}/docs-json`)).json();
      expect(Object.keys(document.paths)).not.toContain('/dev/tokens');
    } finally {
      await api.close();
    }
  });
});
