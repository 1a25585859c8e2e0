/**
 * Issue 16, findings 1 and 2 and the claims item of 12, as an attacker would try them against the real
 * API process (apps/api/src/main.ts) on the test Temporal and Postgres:
 * - every start but `npm start` is production, and production refuses to start without JWKS_URL or a
 *   JWT_SECRET of 32+ random bytes, naming the variable (NODE_ENV changes nothing);
 * - production has no development sign-in: /dev/tokens is 404 and absent from the OpenAPI document;
 * - a token signed with any key string written in the source (or ever shipped in it), or without `exp`
 *   or `iat`, or living longer than a day, or whose claims carry NUL, a lone surrogate or a control
 *   character, is 401 and changes nothing;
 * - development mode (as `npm start` runs it) has the sign-in but listens on loopback only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { loadConfig } from '@zhengdun/config';
import type { Actor } from '@zhengdun/domain';
import { freePort } from '@zhengdun/persistence';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestDatabase, uniqueTaskQueue, type TestDatabase } from '../support/environment';
import { TEST_JWT_SECRET } from '../support/test-auth';

const ROOT = path.resolve(__dirname, '../..');
const taskQueue = uniqueTaskQueue('production-start');
const auth = loadConfig({ JWT_SECRET: TEST_JWT_SECRET }).auth;
const county: Actor = { userId: 'county-1', name: '县委组织部', role: 'county_department', scope: { level: 'county', county: '示范县' } };

/** Keys that were shipped in the source before this change (the development default, the compose default). */
const SHIPPED_KEYS = ['zhengdun-development-secret-not-for-production', 'compose-local-secret-not-for-production'];

let db: TestDatabase;
let api: ApiProcess;

/** Every quoted literal of the shipped code and configuration that could pass for a signing key. */
function keyLikeLiteralsInSource(): string[] {
  const found = new Set<string>(SHIPPED_KEYS);
  const read = (file: string): void => {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/['"`]([!-~]{16,200}?)['"`]|:-([!-~]{16,200}?)\}/g)) {
      const literal = match[1] ?? match[2];
      if (/secret|jwt|key|token|passw/i.test(literal) && !literal.includes('${')) found.add(literal);
    }
  };
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|json|ya?ml|md|conf)$|^Dockerfile$/.test(entry.name)) read(full);
    }
  };
  for (const dir of ['apps', 'libs', 'infra']) walk(path.join(ROOT, dir));
  read(path.join(ROOT, 'README.md'));
  return [...found];
}

/** A token for the county actor, with what the test says: key, claims, timestamps. */
async function token(options: { key?: string; claims?: Record<string, unknown>; iat?: number | null; exp?: number | null } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const times: Record<string, number> = {};
  if (options.iat !== null) times.iat = options.iat ?? now;
  if (options.exp !== null) times.exp = options.exp ?? now + 3600;
  return new SignJWT({ name: county.name, role: county.role, scope: county.scope, ...times, ...options.claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(options.claims?.sub ?? county.userId))
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .sign(new TextEncoder().encode(options.key ?? TEST_JWT_SECRET));
}

const get = (url: string, bearer?: string) => fetch(url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

async function refusedStart(extraEnv: Record<string, string | undefined>): Promise<string> {
  const started = startApiProcess({ databaseUrl: db.url, taskQueue, port: await freePort(), extraEnv, startTimeoutMs: 60_000 });
  const failure = await started.then(
    async (running) => {
      await running.stop();
      return undefined;
    },
    (error: unknown) => String(error),
  );
  if (failure === undefined) throw new Error(`the API started with ${JSON.stringify(extraEnv)}`);
  return failure;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // As deployed: ZHENGDUN_MODE=production, JWT_SECRET = this run's random TEST_JWT_SECRET.
  api = await startApiProcess({ databaseUrl: db.url, taskQueue, port: await freePort() });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

it('refuses a production start without JWT_SECRET or JWKS_URL, naming both, whatever NODE_ENV says', async () => {
  const failures = await Promise.all([
    refusedStart({ JWT_SECRET: undefined, ZHENGDUN_MODE: undefined }),
    refusedStart({ JWT_SECRET: undefined, ZHENGDUN_MODE: 'production', NODE_ENV: 'development' }),
  ]);
  for (const failure of failures) {
    expect(failure).toMatch(/exited with 1 before it answered/);
    expect(failure).toMatch(/JWT_SECRET or JWKS_URL/);
  }
});

it('refuses a weak JWT_SECRET: short, repeated, or a key once written in the source', async () => {
  const weak = ['short-secret', 'a'.repeat(64), randomBytes(31).toString('hex'), ...SHIPPED_KEYS];
  const failures = await Promise.all(weak.map((secret) => refusedStart({ JWT_SECRET: secret })));
  for (const [i, failure] of failures.entries()) {
    expect({ secret: weak[i], exited: /exited with 1 before it answered/.test(failure) }).toEqual({ secret: weak[i], exited: true });
    expect(failure).toMatch(/JWT_SECRET: JWT_SECRET must be at least 32 random bytes/);
  }
});

it('has no development sign-in in production: GET and POST /dev/tokens are 404 and not documented', async () => {
  const body = JSON.stringify({ userId: 'x', name: '攻击者', role: 'county_department', scope: { level: 'county', county: '示范县' } });
  const listed = await fetch(`${api.url}/dev/tokens`, { headers: { accept: 'application/json' } });
  const minted = await fetch(`${api.url}/dev/tokens`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body });
  expect([listed.status, minted.status]).toEqual([404, 404]);
  expect(await minted.text()).not.toMatch(/eyJ/);
  const document = (await (await get(`${api.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(document.paths)).toContain('/campaigns');
  expect(Object.keys(document.paths)).not.toContain('/dev/tokens');
});

it('takes its own well-formed token, and answers 401 to a forged, timeless, long-lived or malformed one, changing nothing', async () => {
  // The control: the same shape with the right key is accepted, so each 401 below is the token's fault.
  const good = await get(`${api.url}/campaigns`, await token());
  expect(good.status).toBe(200);
  expect(((await good.json()) as { items: unknown[] }).items).toEqual([]);

  const now = Math.floor(Date.now() / 1000);
  const sourceKeys = keyLikeLiteralsInSource();
  expect(sourceKeys).toEqual(expect.arrayContaining(SHIPPED_KEYS));
  const forged: [string, string][] = [
    ...(await Promise.all(sourceKeys.map(async (key) => [`signed with ${JSON.stringify(key)}`, await token({ key })] as [string, string]))),
    ['without exp', await token({ exp: null })],
    ['without iat', await token({ iat: null })],
    ['living 30 days', await token({ exp: now + 30 * 86_400 })],
    ['issued in the future', await token({ iat: now + 3600, exp: now + 7200 })],
    ['name with NUL', await token({ claims: { name: '县委\u0000组织部' } })],
    ['name with a lone surrogate', await token({ claims: { name: '县委组织部\uD83D' } })],
    ['name with an escape sequence', await token({ claims: { name: '县委组织部\u001b[2J' } })],
    ['sub with a line feed', await token({ claims: { sub: 'county-1\nadmin' } })],
    ['county with a lone low surrogate', await token({ claims: { scope: { level: 'county', county: '\uDC00示范县' } } })],
    ['name of 129 characters', await token({ claims: { name: '县'.repeat(129) } })],
  ];
  for (const [kind, bearer] of forged) {
    const read = await get(`${api.url}/campaigns`, bearer);
    const write = await fetch(`${api.url}/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '伪造的整顿批次', county: '示范县', endsAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    const problem = (await write.json()) as { code?: string };
    expect({ kind, read: read.status, write: write.status, code: problem.code }).toEqual({
      kind,
      read: 401,
      write: 401,
      code: expect.stringMatching(/^(invalid_token|invalid_claims|token_expired)$/),
    });
  }
  // Nothing was created by any of them.
  expect(((await (await get(`${api.url}/campaigns`, await token())).json()) as { items: unknown[] }).items).toEqual([]);
});

describe('development mode, as npm start runs it', () => {
  let dev: ApiProcess;
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

  beforeAll(async () => {
    dev = await startApiProcess({ databaseUrl: db.url, taskQueue, port: await freePort(), extraEnv: { ZHENGDUN_MODE: 'development' } });
  });

  afterAll(async () => {
    await dev?.stop();
  });

  it('offers the development sign-in, and its tokens carry exp and iat', async () => {
    const listed = await fetch(`${dev.url}/dev/tokens`, { headers: { accept: 'application/json' } });
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: { token: string }[] };
    expect(items).toHaveLength(5);
    const claims = JSON.parse(Buffer.from(items[0].token.split('.')[1], 'base64url').toString()) as { iat?: number; exp?: number };
    expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(24 * 3600);
    expect((await get(`${dev.url}/campaigns`, items[0].token)).status).toBe(200);
  });

  (external ? it : it.skip)(`listens on loopback only (this machine's ${external ?? 'no'} external address is refused; production's is answered)`, async () => {
    const reach = (port: number) =>
      fetch(`http://${external}:${port}/health`, { signal: AbortSignal.timeout(5000) }).then(
        (response) => response.status,
        () => 'unreachable',
      );
    expect(await reach(api.port)).toBe(200);
    expect(await reach(dev.port)).toBe('unreachable');
  });
});
