/**
 * Uploads and exports cannot take a replica down (issue 16, finding 7), on the real API as a child
 * process (apps/api/src/main.ts, default limits but LEDGER_MAX_CASES=2) with a real worker, Temporal
 * and Postgres:
 * - a 10 MB zip bomb (three sheets of 2.7 GB each) is refused 413 from its zip directory, and one
 *   whose directory lies about its sizes is refused too, while /health, polled all along, answers
 *   200 every time and fast, and the API's resident memory grows by less than MEMORY_BOUND;
 * - a 200,000-row sheet (.xlsx, and .csv) is refused 413 naming the 20,000-row limit, /health again
 *   answering throughout;
 * - the same Idempotency-Key with the same file replays the first answer, with another file is 422;
 * - a ledger export over the per-request bound is 422 asking to filter; a filtered one is streamed.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { createWorkerActivities } from '@zhengdun/activities';
import { readLedgerWorkbook, writeScreeningList } from '@zhengdun/campaigns';
import { loadConfig } from '@zhengdun/config';
import { type Actor } from '@zhengdun/domain';
import { freePort } from '@zhengdun/persistence';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { xlsxBomb } from '../../libs/campaigns/src/screening/zip-bomb.fixture';
import { campaignBody, newOrgCode, screeningRow } from '../support/api-fixtures';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { committee, county, TOWNSHIP } from '../support/cases';
import { caseClientFor, createTestDatabase, eventually, startTestWorker, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';
import { TEST_JWT_SECRET } from '../support/test-auth';

const MB = 1024 * 1024;
/** Growth of the API's resident set allowed while it refuses a bomb or a huge sheet. */
const MEMORY_BOUND = 150 * MB;
/**
 * Slowest /health answer tolerated while an upload is handled. Generous because the test machine's
 * two cores are shared with other test runs (load average above 10 seen); an API that inflated a
 * bomb or parsed a whole huge sheet in one go would stall for tens of seconds or die.
 */
const HEALTH_LATENCY_BOUND_MS = 2_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OTHER_TOWNSHIP = '河口镇';

const taskQueue = uniqueTaskQueue('uploads');
const auth = { ...loadConfig({}).auth, jwtSecret: TEST_JWT_SECRET };
let db: TestDatabase;
let worker: RunningTestWorker;
let closeClient: () => Promise<void>;
let api: ApiProcess;
let campaignId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const { client, close } = await caseClientFor(taskQueue);
  closeClient = close;
  worker = await startTestWorker(taskQueue, db.dataSource, createWorkerActivities({ dataSource: db.dataSource, client, taskQueue }));
  api = await startApiProcess({ databaseUrl: db.url, taskQueue, port: await freePort(), extraEnv: { LEDGER_MAX_CASES: '2' } });
  const created = await call('POST', '/campaigns', county, { json: campaignBody() });
  expect(created.status).toBe(201);
  campaignId = created.body.id;
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await closeClient?.();
  await db?.drop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(method: string, path: string, as: Actor, options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; body: any; raw: Buffer }> {
  const headers: Record<string, string> = { authorization: `Bearer ${await mintDevToken(auth, as)}`, ...options.headers };
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else body = options.form;
  const response = await fetch(`${api.url}${path}`, { method, headers, body });
  const raw = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: /json/.test(type) ? JSON.parse(raw.toString('utf8')) : undefined, raw };
}

function upload(content: Buffer, fileName: string, headers: Record<string, string> = {}, type = XLSX) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
  return call('POST', `/campaigns/${campaignId}/screening-imports`, county, { form, headers });
}

function rssBytes(): number {
  const status = readFileSync(`/proc/${api.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Watched {
  polls: number;
  statuses: number[];
  slowestMs: number;
  rssGrowth: number;
}

/**
 * Polls /health back to back from a worker thread (its own event loop, so the test process's own
 * work — building multipart bodies, the in-process Temporal worker — does not count as the API's
 * latency), and samples the API's RSS every 25 ms, until stopped; it goes on for a second after
 * the upload's answer so that the API is seen answering afterwards too.
 */
async function watchApi(): Promise<{ stop: () => Promise<Watched> }> {
  const poller = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    const statuses = [];
    let slowestMs = 0;
    parentPort.on('message', () => (running = false));
    (async () => {
      // One poll first to warm the thread's HTTP client up; it is not counted.
      await fetch(workerData.url + '/health').then((response) => response.arrayBuffer());
      parentPort.postMessage('ready');
      while (running || statuses.length < 3) {
        const started = performance.now();
        try {
          const response = await fetch(workerData.url + '/health', { signal: AbortSignal.timeout(10000) });
          await response.arrayBuffer();
          statuses.push(response.status);
        } catch {
          statuses.push(0);
        }
        slowestMs = Math.max(slowestMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      parentPort.postMessage({ statuses, slowestMs });
    })();
    `,
    { eval: true, workerData: { url: api.url } },
  );
  await new Promise((resolve) => poller.once('message', resolve));
  const baseline = rssBytes();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes())), 25);
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const result = new Promise<{ statuses: number[]; slowestMs: number }>((resolve) => poller.once('message', resolve));
      poller.postMessage('stop');
      const { statuses, slowestMs } = await result;
      await poller.terminate();
      clearInterval(sampler);
      peak = Math.max(peak, rssBytes());
      return { polls: statuses.length, statuses, slowestMs: Math.round(slowestMs), rssGrowth: peak - baseline };
    },
  };
}

function expectResponsive(watched: Watched, label: string): void {
  // Printed so that the figures measured are in the test output.
  console.log(`${label}: ${watched.polls} /health polls, slowest ${watched.slowestMs} ms, RSS growth ${(watched.rssGrowth / MB).toFixed(1)} MB`);
  expect(watched.polls).toBeGreaterThanOrEqual(3);
  expect(watched.statuses.filter((status) => status !== 200)).toEqual([]);
  expect(watched.slowestMs).toBeLessThan(HEALTH_LATENCY_BOUND_MS);
  expect(watched.rssGrowth).toBeLessThan(MEMORY_BOUND);
}

async function importCount(): Promise<number> {
  const [row] = await db.dataSource.query('SELECT count(*)::int AS n FROM import_job');
  return row.n;
}

it('refuses a 10 MB zip bomb (8 GB inflated) with 413 from its zip directory, /health answering 200 throughout and memory bounded', async () => {
  const bomb = xlsxBomb(2.7 * 1024 * MB, { sheets: 3 });
  expect(bomb.length).toBeGreaterThan(9 * MB);
  expect(bomb.length).toBeLessThan(loadConfig({}).uploads.maxFileBytes);
  const before = await importCount();
  const watch = await watchApi();
  const refused = await upload(bomb, '摸排名单.xlsx');
  const watched = await watch.stop();
  expect(refused.status).toBe(413);
  expect(refused.body).toMatchObject({ code: 'file_too_large', detail: expect.stringMatching(/压缩|解压/), detail_en: expect.stringMatching(/compression ratio|inflates/) });
  expectResponsive(watched, 'zip bomb');
  expect(await importCount()).toBe(before);
});

it('refuses a bomb whose directory claims small sizes (1 GB inflated, 100 kB declared), inflating only a little of it', async () => {
  const liar = xlsxBomb(1024 * MB, { declaredBytes: 100_000 });
  const watch = await watchApi();
  const refused = await upload(liar, '摸排名单.xlsx');
  const watched = await watch.stop();
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ code: 'invalid_file', detail: expect.stringContaining('与其目录记载的大小不符') });
  expectResponsive(watched, 'lying zip bomb');
});

async function sheetOfRows(count: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('摸排名单');
  sheet.addRow(['组织代码', '组织名称']).commit();
  for (let i = 1; i < count; i++) sheet.addRow([i]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

it.each([
  ['xlsx', XLSX],
  ['csv', 'text/csv'],
])('refuses a 200,000-row .%s with 413 naming the 20,000-row limit, /health answering 200 throughout', async (format, type) => {
  const file = format === 'xlsx' ? await sheetOfRows(200_000) : Buffer.from(`组织代码,组织名称\r\n${Array.from({ length: 199_999 }, (_, i) => `${i},x`).join('\r\n')}\r\n`, 'utf8');
  expect(file.length).toBeLessThan(loadConfig({}).uploads.maxFileBytes);
  const before = await importCount();
  const watch = await watchApi();
  const refused = await upload(file, `摸排名单.${format}`, {}, type);
  const watched = await watch.stop();
  expect(refused.status).toBe(413);
  expect(refused.body).toMatchObject({
    code: 'file_too_large',
    detail: expect.stringContaining('20000 行'),
    detail_en: expect.stringContaining('20000 rows'),
    errors: [expect.objectContaining({ field: 'file' })],
  });
  expectResponsive(watched, `200,000-row .${format}`);
  expect(await importCount()).toBe(before);
}, 60_000);

const row = screeningRow;

const codes = [newOrgCode(), newOrgCode(), newOrgCode()];

it('replays the answer for the same Idempotency-Key and file, and refuses the key with another file (422)', async () => {
  const first = await writeScreeningList([row(codes[0], TOWNSHIP), row(codes[1], TOWNSHIP), row(codes[2], OTHER_TOWNSHIP)], 'xlsx');
  const other = await writeScreeningList([row(newOrgCode(), TOWNSHIP)], 'xlsx');
  const key = { 'idempotency-key': `upload-${newOrgCode()}` };
  const accepted = await upload(first, '摸排名单.xlsx', key);
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ created: true, total: 3 });

  const again = await upload(first, '摸排名单.xlsx', key);
  expect(again.status).toBe(202);
  expect(again.headers.get('idempotency-replayed')).toBe('true');
  expect(again.body).toEqual(accepted.body);

  const imports = await importCount();
  const reused = await upload(other, '摸排名单.xlsx', key);
  expect(reused.status).toBe(422);
  expect(reused.body).toMatchObject({ code: 'key_reused' });
  expect(await importCount()).toBe(imports);
});

it('refuses a ledger export over LEDGER_MAX_CASES with 422 asking to filter, and streams a filtered one', async () => {
  await eventually(async () => {
    const [found] = await db.dataSource.query('SELECT count(*)::int AS n FROM case_record WHERE campaign_id = $1', [campaignId]);
    return found.n === 3;
  }, 60_000, 'the three imported cases in the read model');

  const whole = await call('GET', `/ledger?campaignId=${campaignId}`, county);
  expect(whole.status).toBe(422);
  expect(whole.body).toMatchObject({ code: 'ledger_too_large', detail: expect.stringMatching(/上限（2 个）.*乡镇/), detail_en: expect.stringContaining('filter by') });

  const township = await call('GET', `/ledger?campaignId=${campaignId}&township=${encodeURIComponent(OTHER_TOWNSHIP)}`, county);
  expect(township.status).toBe(200);
  expect(township.headers.get('content-type')).toContain(XLSX);
  expect(township.headers.get('x-ledger-cases')).toBe('1');
  // Streamed: sent in chunks as written, not as one buffer with a length.
  expect(township.headers.get('transfer-encoding')).toBe('chunked');
  const ledger = await readLedgerWorkbook(township.raw);
  expect(ledger.cases.map((item) => item['组织代码'])).toEqual([codes[2]]);

  // A township committee gets its own township (two cases: within the bound).
  const own = await call('GET', `/ledger?campaignId=${campaignId}`, committee);
  expect(own.status).toBe(200);
  expect((await readLedgerWorkbook(own.raw)).cases.map((item) => item['组织代码']).sort()).toEqual([codes[0], codes[1]].sort());
}, 90_000);
