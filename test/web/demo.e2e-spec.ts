/**
 * Issue 15, the living demo: `npm start -- --demo` on an empty data directory (its own embedded
 * Postgres and Temporal dev server, as a person starting the project would get) loads the demo
 * county through the API; the county clerk, signed in through the dev sign-in, sees cases in at least
 * eight stages on the overview within 60 s of the stack answering /health. The seconds are measured
 * and printed. Loading again on the same data (what a second `--demo` start does) loads nothing.
 * The stack keeps running when its worker is killed: `npm start` restarts it, and a case opened
 * meanwhile is taken up by the new worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { STAGES, type Stage } from '@zhengdun/domain';
import { freePort } from '@zhengdun/persistence';
import { launchBrowser, screenshot, type RunningBrowser } from '../support/browser';
import { eventually } from '../support/environment';
import { signInAs } from '../support/web-sign-in';
import { ensureWebBuild } from '../support/web-harness';
import { seedDemo } from '../../infra/demo/seed-demo';
import { newOrgCode, openCaseBody } from '../support/api-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const REQUIRED_STAGES = 8;
const WITHIN_SECONDS = 60;

interface RunningStart {
  url: string;
  output: () => string;
  /** Resolves once the process has printed a line matching `pattern`. */
  printed: (pattern: RegExp, timeoutMs: number) => Promise<string>;
  stop: () => Promise<void>;
}

/** `npm start -- --demo` as a person runs it (the npm script's command), in its own process group. */
async function startDemo(dataDir: string, ports: Record<string, number>): Promise<RunningStart> {
  const { DATABASE_URL: _database, TEMPORAL_ADDRESS: _temporal, JWT_SECRET: _secret, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/start.ts', '--demo'], {
    cwd: ROOT,
    // detached: its own process group, so the whole tree (Postgres, Temporal, API, worker) can be ended at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      ZHENGDUN_DATA_DIR: dataDir,
      PORT: String(ports.api),
      EMBEDDED_PG_PORT: String(ports.postgres),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${ports.api}`,
    output: () => output,
    printed: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.split('\n').find((line) => pattern.test(line));
          if (match !== undefined) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no line matching ${pattern} in ${timeoutMs / 1000} s; output:\n${output.slice(-4000)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM to start.ts: it stops its children and Postgres; then the group, in case something is left.
      child.kill('SIGTERM');
      const gentle = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
      if (!gentle) await exited;
    },
  };
}

async function waitUntilHealthy(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
    if (status === 200) return Date.now();
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The stages the overview's stage chart counts cases in (its figures, as the page holds them). */
async function stagesShown(page: Page): Promise<Stage[]> {
  const byStage = await page.getByTestId('overview-ready').getAttribute('data-by-stage', { timeout: 30_000 });
  const counts = JSON.parse(byStage ?? '{}') as Partial<Record<Stage, number>>;
  return STAGES.filter((stage) => (counts[stage] ?? 0) > 0);
}

let dataDir: string;
let start: RunningStart | undefined;
let browser: RunningBrowser | undefined;

beforeAll(() => {
  // start.ts would build it too; here its time is not counted as the stack's.
  ensureWebBuild();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-demo-'));
});

afterAll(async () => {
  await browser?.close();
  await start?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it(`npm start -- --demo on an empty data directory: the overview shows cases in ${REQUIRED_STAGES}+ stages within ${WITHIN_SECONDS} s of healthy`, async () => {
  const ports = { api: await freePort(), postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort() };
  start = await startDemo(dataDir, ports);
  const healthyAt = await waitUntilHealthy(start.url, 150_000);

  browser = await launchBrowser();
  const page = await browser.newPage();
  await signInAs(page, start.url, 'county_department');
  let shown: Stage[] = [];
  const deadline = healthyAt + 120_000;
  while (Date.now() < deadline) {
    // The overview polls on its own; reading what it shows is enough.
    shown = await stagesShown(page).catch(() => []);
    if (shown.length >= REQUIRED_STAGES) break;
    await page.waitForTimeout(500);
  }
  const seconds = (Date.now() - healthyAt) / 1000;
  console.log(`demo: the overview showed cases in ${shown.length} stages (${shown.join(', ')}) ${seconds.toFixed(1)} s after /health answered 200`);
  await screenshot(page, 'demo-overview');
  expect(shown.length).toBeGreaterThanOrEqual(REQUIRED_STAGES);
  expect(seconds).toBeLessThanOrEqual(WITHIN_SECONDS);
  // What the county reads: the demo campaign chosen, organizations listed, in Chinese.
  // Every organization is listed first; the overview shows all 40 within a poll or two of the stages.
  await eventually(async () => /^40/.test((await page.getByTestId('stat-total-value').textContent()) ?? ''), 20_000, 'all 40 organizations on the overview');
  expect(await page.getByTestId('campaign-select').textContent()).toMatch(/软弱涣散基层党组织整顿（演示）/);

  // Loading finishes (the slowest steps wait on timers of seconds): every organization reached what the demo meant for it.
  await start.printed(/demo: \d+ of 40 organizations in place/, 150_000);
  expect(start.output()).not.toMatch(/stopped short/);
  expect(start.output()).toMatch(/demo: 40 of 40 organizations in place/);

  // What a second `npm start -- --demo` on this data runs once it is healthy: it finds the demo and loads nothing.
  const said: string[] = [];
  const again = await seedDemo(start.url, (line) => said.push(line));
  expect(again).toEqual({ loaded: false, cases: 0, failed: [] });
  expect(said).toEqual([expect.stringMatching(/^demo already loaded \(campaign \d{4}年软弱涣散基层党组织整顿（演示）\); nothing to do$/)]);
  const token = ((await (await fetch(`${start.url}/dev/tokens`)).json()) as { items: { actor: { role: string }; token: string }[] }).items.find((i) => i.actor.role === 'county_department')!.token;
  const campaigns = (await (await fetch(`${start.url}/campaigns`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
  expect(campaigns.items).toHaveLength(1);
}, 360_000);

it('npm start restarts a worker that dies, and the case opened meanwhile is taken up', async () => {
  if (!start) throw new Error('the stack did not start');
  const token = ((await (await fetch(`${start.url}/dev/tokens`)).json()) as { items: { actor: { role: string }; token: string }[] }).items.find((i) => i.actor.role === 'county_department')!.token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const health = (await (await fetch(`${start.url}/health`)).json()) as { details: { temporal: { workersPolling: number } } };
  expect(health.details.temporal.workersPolling).toBeGreaterThanOrEqual(1);

  const first = Number(/worker started \(pid (\d+)\)/.exec(await start.printed(/worker started \(pid \d+\)/, 5_000))![1]);
  process.kill(first, 'SIGKILL');
  await start.printed(/worker exited \(code null, signal SIGKILL\); restarting in 1 s/, 10_000);

  // Opened while no worker runs: Temporal keeps the start until the new worker takes it.
  const campaigns = (await (await fetch(`${start.url}/campaigns`, { headers })).json()) as { items: { id: string }[] };
  const body = openCaseBody('rural', { orgCode: newOrgCode() });
  const opened = await fetch(`${start.url}/campaigns/${campaigns.items[0].id}/cases`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(opened.status).toBe(201);
  const { caseId } = (await opened.json()) as { caseId: string };

  await eventually(async () => start!.output().split('\n').some((line) => /worker started \(pid (\d+)\)/.test(line) && !line.includes(`pid ${first})`)), 30_000, 'a new worker');
  await eventually(
    async () => {
      const found = await fetch(`${start!.url}/cases/${encodeURIComponent(caseId)}`, { headers });
      return found.status === 200 && ((await found.json()) as { case: { stage: string } }).case.stage === 'assigned';
    },
    60_000,
    'the case opened while the worker was down to be 已落实包抓',
  );
  expect(start.output()).not.toMatch(/stopping the stack/);
}, 120_000);
