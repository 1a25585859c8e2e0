/**
 * The web UI (apps/web/dist) on the same origin as a real Supervisor API (startApiHarness), as
 * production will have it: the API serves the built files under `/` with an SPA fallback for page
 * navigations (Accept: text/html), and development tokens at /dev/tokens.
 *
 * Until the API does those two things itself, a small front server here does them and passes every
 * other request through to the API unchanged. It checks first, and steps aside for whatever the API
 * already serves, so the tests keep working once the API is wired.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { actorFromClaims } from '../../apps/api/src/core/auth/actor-claims';
import { mintDevToken, mintDevTokens } from '../../apps/api/src/core/auth/dev-tokens';
import { startApiHarness, type ApiHarness, type ApiHarnessOptions } from './api-harness';

const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function newestMtime(dir: string, skip: RegExp): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.test(full)) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds apps/web when dist is missing or older than its sources (`npm test` builds it first). */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'apps/web/src'), /$^/),
    fs.statSync(path.join(ROOT, 'apps/web/index.html')).mtimeMs,
    fs.statSync(path.join(ROOT, 'apps/web/vite.config.ts')).mtimeMs,
    newestMtime(path.join(ROOT, 'libs/domain/src'), /\.spec\.ts$|[\\/]testing[\\/]/),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`vite build of apps/web failed:\n${result.stderr || result.stdout || result.error?.message}`);
}

export interface WebHarness {
  api: ApiHarness;
  /** Where the browser goes: the API itself, or the front server before it. */
  url: string;
  /** What the front server does in the API's place (empty once the API serves both). */
  emulated: { spa: boolean; devTokens: boolean };
  stop: () => Promise<void>;
}

function acceptsHtml(request: http.IncomingMessage): boolean {
  return String(request.headers.accept ?? '').includes('text/html');
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

function problem(response: http.ServerResponse, status: number, code: string, detail: string): void {
  send(response, status, 'application/problem+json; charset=utf-8', JSON.stringify({ type: `urn:zhengdun:problem:${code}`, title: '请求内容有误', status, detail, code }));
}

/** A file of dist for this URL path, or null (never outside dist). */
function distFile(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.normalize(path.join(WEB_DIST, decoded));
  if (!file.startsWith(WEB_DIST + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function serveFile(request: http.IncomingMessage, response: http.ServerResponse, file: string): void {
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  const body = fs.readFileSync(file);
  const headers = { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
  if (request.method === 'HEAD') {
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    response.end();
    return;
  }
  send(response, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body, headers);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** GET /dev/tokens and POST /dev/tokens as the API is asked to provide them. */
async function devTokens(api: ApiHarness, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (request.method === 'GET') {
    const tokens = await mintDevTokens(api.config.auth);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ items: Object.values(tokens) }));
    return;
  }
  if (request.method !== 'POST') return problem(response, 405, 'http_405', '不支持的请求方法');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(await readBody(request)) as Record<string, unknown>;
  } catch {
    return problem(response, 400, 'malformed_json', '请求内容不是有效的 JSON，请检查格式');
  }
  try {
    const actor = actorFromClaims({ sub: body.userId, name: body.name, role: body.role, scope: body.scope });
    const token = await mintDevToken(api.config.auth, actor);
    send(response, 201, 'application/json; charset=utf-8', JSON.stringify({ actor, token }));
  } catch (error) {
    problem(response, 400, 'invalid_request', error instanceof Error && 'messageZh' in error ? String((error as { messageZh: unknown }).messageZh) : '身份信息不完整');
  }
}

function proxy(api: ApiHarness, request: http.IncomingMessage, response: http.ServerResponse): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: api.api.port, method: request.method, path: request.url, headers: { ...request.headers, host: `127.0.0.1:${api.api.port}` } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (!response.headersSent) problem(response, 502, 'bad_gateway', `API 无响应：${error.message}`);
    else response.destroy();
  });
  request.pipe(upstream);
}

export async function startWebHarness(name: string, options: ApiHarnessOptions = {}): Promise<WebHarness> {
  ensureWebBuild();
  const api = await startApiHarness(name, options);
  const home = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
  const apiServesSpa = home.ok && (home.headers.get('content-type') ?? '').includes('text/html');
  await home.arrayBuffer();
  const devList = await fetch(`${api.url}/dev/tokens`, { headers: { accept: 'application/json' } });
  const apiServesDevTokens = devList.ok;
  await devList.arrayBuffer();
  const emulated = { spa: !apiServesSpa, devTokens: !apiServesDevTokens };
  if (!emulated.spa && !emulated.devTokens) return { api, url: api.url, emulated, stop: () => api.stop() };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://front');
    if (emulated.devTokens && url.pathname === '/dev/tokens') {
      devTokens(api, request, response).catch((error: unknown) => problem(response, 500, 'internal_error', String(error)));
      return;
    }
    if (emulated.spa && (request.method === 'GET' || request.method === 'HEAD')) {
      const file = distFile(url.pathname);
      if (file) return serveFile(request, response, file);
      if (acceptsHtml(request) && !url.pathname.startsWith('/docs')) return serveFile(request, response, path.join(WEB_DIST, 'index.html'));
    }
    proxy(api, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api,
    url: `http://127.0.0.1:${port}`,
    emulated,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
    },
  };
}
