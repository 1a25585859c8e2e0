/**
 * The API as it is run: main.ts failing fast on bad configuration and serving with structured JSON
 * logs that carry the case id; migrate.ts; the development token command; the public rate limits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@zhengdun/persistence';
import { createApiApp } from '../../apps/api/src/create-app';
import { mintDevTokens } from '../../apps/api/src/commands/mint-dev-tokens';
import { campaignBody, openCaseBody } from '../support/api-fixtures';
import { enc, startApiHarness, type ApiHarness } from '../support/api-harness';
import { county } from '../support/cases';
import { eventually, temporalAddress, testActorKeyHex, testAuditKeyHex } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

const ROOT = path.resolve(__dirname, '../..');
let h: ApiHarness;

interface LogLine {
  level: number;
  caseId?: string;
  req?: { id?: string; method?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `node -r @swc-node/register <script>` from the repository root, with only the given variables set. */
function run(script: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

beforeAll(async () => {
  h = await startApiHarness('api-processes');
});

afterEach(async () => {
  await expectReadModelMatchesWorkflows(h.db.dataSource, h.cases);
});

afterAll(async () => {
  await h?.stop();
});

it('main.ts refuses to start on bad or missing configuration, naming the variable', async () => {
  const [invalid, missing] = [
    run('apps/api/src/main.ts', { DATABASE_URL: 'mysql://localhost/x', TEMPORAL_ADDRESS: temporalAddress() }),
    run('apps/api/src/main.ts', { DATABASE_URL: h.db.url }),
  ];
  expect(await invalid.exited).toBe(1);
  expect(invalid.stderr()).toContain('DATABASE_URL must be a postgres:// URL');
  expect(await missing.exited).toBe(1);
  expect(missing.stderr()).toContain('TEMPORAL_ADDRESS: must be set');
});

it('main.ts serves the API and logs each request as JSON with its case id', async () => {
  const campaignId: string = (await h.post('/campaigns', { as: county, body: campaignBody() })).body.id;
  const caseId: string = (await h.post(`/campaigns/${campaignId}/cases`, { as: county, body: openCaseBody('rural') })).body.caseId;
  const port = await freePort();
  const server = run('apps/api/src/main.ts', {
    DATABASE_URL: h.db.url,
    TEMPORAL_ADDRESS: temporalAddress(),
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    ACTOR_SIGNING_KEY: testActorKeyHex(),
    AUDIT_HMAC_KEY: testAuditKeyHex(),
    ALLOW_SECONDS_PERIODS: 'true',
    PORT: String(port),
    LOG_LEVEL: 'info',
    JWT_SECRET: h.config.auth.jwtSecret!,
  });
  try {
    const started = eventually(async () => server.stdout().includes('Supervisor API listening'), 60_000, 'the API to start');
    const died = server.exited.then((code) => {
      throw new Error(`main.ts exited with ${code}: ${server.stderr()}`);
    });
    await Promise.race([started, died]);
    died.catch(() => undefined);
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const token = await h.token(county);
    const response = await fetch(`${url}/cases/${enc(caseId)}`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-me-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-me-1');
    const line = await eventually(async () => {
      const lines = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
      return lines.find((entry) => entry.caseId === caseId && entry.res?.statusCode === 200);
    }, 10_000, 'the request log line');
    expect(line).toMatchObject({ level: 30, caseId, req: { id: 'trace-me-1', method: 'GET' } });
    expect(typeof line.responseTime).toBe('number');
    expect(server.stdout()).not.toContain(token);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

it('migrate.ts applies migrations and exits; without DATABASE_URL it says so', async () => {
  const migrated = run('apps/api/src/migrate.ts', { DATABASE_URL: h.db.url });
  const missing = run('apps/api/src/migrate.ts', {});
  expect(await migrated.exited).toBe(0);
  expect(migrated.stdout()).toContain('Database is up to date.');
  expect(await missing.exited).toBe(1);
  expect(missing.stderr()).toContain('DATABASE_URL: must be set');
});

it('the dev token command prints a working token for each role, signed with JWT_SECRET or the data directory’s secret', async () => {
  const tokensOf = (command: Run) => command.stdout().split('\n').filter((line) => /^ey[\w-]+\.[\w-]+\.[\w-]+$/.test(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zd-data-'));
  try {
    const withoutSecret = run('apps/api/src/commands/mint-dev-tokens.ts', { ZHENGDUN_DATA_DIR: dataDir });
    expect(await withoutSecret.exited).toBe(1);
    expect(withoutSecret.stderr()).toContain('JWT_SECRET');
    expect(tokensOf(withoutSecret)).toHaveLength(0);
    // As `npm start` leaves it: the data directory's secret, here the one this file's API verifies with.
    fs.writeFileSync(path.join(dataDir, 'dev-jwt-secret'), `${h.config.auth.jwtSecret}\n`, { mode: 0o600 });
    const fromDataDir = run('apps/api/src/commands/mint-dev-tokens.ts', { ZHENGDUN_DATA_DIR: dataDir });
    expect(await fromDataDir.exited).toBe(0);
    const fromEnv = run('apps/api/src/commands/mint-dev-tokens.ts', { JWT_SECRET: h.config.auth.jwtSecret!, ZHENGDUN_DATA_DIR: dataDir });
    expect(await fromEnv.exited).toBe(0);
    for (const command of [fromDataDir, fromEnv]) {
      const tokens = tokensOf(command);
      expect(tokens).toHaveLength(5);
      for (const token of tokens) expect((await h.get('/campaigns', { as: token })).status).toBe(200);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const minted = await mintDevTokens(h.config.auth);
  expect(Object.keys(minted).sort()).toEqual(['assigned_leader', 'auditor', 'branch_secretary', 'county_department', 'township_committee']);
  expect((await h.get('/dashboard/summary', { as: minted.county_department.token })).status).toBe(200);
});

it('rate-limits the public per client address, answering 429 as a problem', async () => {
  const api = await createApiApp({ config: h.config, host: '127.0.0.1', publicRateLimits: { readsPerMinute: 2, writesPerMinute: 1 } });
  try {
    const notice = `${api.url}/public/cases/${enc('case:c000000000000:nobody')}`;
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push(await fetch(notice));
    expect(reads.map((r) => r.status)).toEqual([404, 404, 429]);
    const limited = reads[2];
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await limited.json()).title).toBe('请求过于频繁');
    const post = () => fetch(`${notice}/ratings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'satisfied' }) });
    expect((await post()).status).toBe(404);
    expect((await post()).status).toBe(429);
    // Supervisors are not limited by the public's budget.
    expect((await fetch(`${api.url}/cases`, { headers: { authorization: `Bearer ${await h.token(county)}` } })).status).toBe(200);
  } finally {
    await api.close();
  }
});

it('answers 503 instead of hanging when no worker runs the case', async () => {
  const config = { ...h.config, temporal: { ...h.config.temporal, taskQueue: `nobody-polls-${Date.now()}` } };
  const api = await createApiApp({ config, host: '127.0.0.1', temporalTimeoutMs: 1500 });
  try {
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${await h.token(county)}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const campaignId: string = (await call('POST', '/campaigns', campaignBody())).body.id;
    const opened = await call('POST', `/campaigns/${campaignId}/cases`, openCaseBody('rural'));
    expect(opened.status).toBe(201);
    const started = Date.now();
    const action = await call('POST', `/cases/${enc(opened.body.caseId)}/actions/assignTeam`, { members: [{ teamRole: 'county_leader', personId: 'lead-x', name: '某领导' }] });
    expect(action.status).toBe(503);
    expect(action.body).toMatchObject({ code: 'workflow_unavailable', title: '服务暂不可用' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const audit = await h.db.dataSource.query(`SELECT outcome FROM audit_entry WHERE case_id = $1 AND action = 'assignTeam'`, [opened.body.caseId]);
    expect(audit).toEqual([{ outcome: 'error:workflow_unavailable' }]);
  } finally {
    await api.close();
  }
});
