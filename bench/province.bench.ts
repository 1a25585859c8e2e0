/**
 * `npm run bench -- --scale` — a province on one box; not part of `npm test`. Figures, each from this run:
 *  1. BENCH_SCALE_CASES (default 50,000) cases opened through the batch API (200 a request), which stay
 *     open with live timers (their plan deadlines): the rate until every one is in the read model, and
 *     the worker's resident memory with them open, per 1,000, and its peak, under the cache bound set
 *     by WORKER_MAX_CACHED_WORKFLOWS (default here 2,000).
 *  2. A campaign-end burst: BENCH_BURST_CASES (default 10,000) open cases of a campaign whose end date
 *     falls after they are open; each is told by the campaign and records its explanation request. The
 *     lateness of each (its event's time minus the end date) p50/p95/max, and the time until the last is
 *     in the read model.
 *  3. The dashboard summary and a filtered list with BENCH_SCALE_SEEDED (default 1,000,000) more cases in
 *     the read model (synthetic rows; the to-dos at that size: `BENCH_TODO_CASES=1000000 npm run bench:todos`).
 * With `--cluster` all of it runs on `npm run cluster`'s stack (startBenchCluster) instead of the dev
 * server's. Writes section "省级规模" of bench/RESULTS.md, one column per stack and size (the section
 * keeps its runs as JSON, so a run replaces only its own column; the rest of the file is kept).
 * The lifecycle throughput against the bare baseline and the action→visible latency are
 * `npm run bench` without `--scale`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_POLICY, type Actor, type CampaignPolicy, type OrgDomain } from '@zhengdun/domain';
import { teamFor } from '../test/support/cases';
import { ms, percentile, pool, rssKiB, seedReadModel, startBenchCluster, startBenchStack, type Cleanups, type ScaleStack } from './bench-support';

const SCALE_CASES = Number(process.env.BENCH_SCALE_CASES ?? 50_000);
const BURST_CASES = Number(process.env.BENCH_BURST_CASES ?? 10_000);
const SEEDED = Number(process.env.BENCH_SCALE_SEEDED ?? 1_000_000);
const OPEN_CONCURRENCY = Number(process.env.BENCH_OPEN_CONCURRENCY ?? 4);
const QUERY_SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 200);
const CACHE_BOUND = process.env.WORKER_MAX_CACHED_WORKFLOWS ?? '2000';
/** `npm run bench -- --scale --cluster`: on `npm run cluster`'s stack instead of the dev server's. */
const ON_CLUSTER = process.argv.includes('--cluster');
const BATCH = 200;
const COUNTY = '示范县';
const TOWNSHIPS = Array.from({ length: 20 }, (_, i) => `第${i + 1}镇`);
const DOMAINS: OrgDomain[] = ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'];
const RESULTS = path.join(__dirname, 'RESULTS.md');
const SECTION_START = '<!-- province: written by bench/province.bench.ts -->';
const SECTION_END = '<!-- /province -->';
const county: Actor = { userId: 'bench-county', name: '县委组织部', role: 'county_department', scope: { level: 'county', county: COUNTY } };
// Plans are due in 30 days: every case keeps a live timer, none fires during the run.
const POLICY: CampaignPolicy = { ...DEFAULT_POLICY, planPeriod: { amount: 30, unit: 'days' } };

const say = (line: string) => console.log(`[bench:scale] ${line}`);
const seconds = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
const sleep = (msValue: number) => new Promise((resolve) => setTimeout(resolve, msValue));

function openCaseBody(prefix: string, i: number) {
  const code = `${prefix}${i}`;
  const domain = DOMAINS[i % DOMAINS.length];
  return {
    org: { code, name: `省测${code}党支部`, domain, township: TOWNSHIPS[i % TOWNSHIPS.length], isKeyVillage: false, secretary: { personId: `sec-${code}`, name: `书记${code}` } },
    source: 'screening',
    problems: [{ category: 'lax_inner_party_life', description: '组织生活不经常' }],
    team: teamFor(domain),
  };
}

/** Opens `count` cases in batches; resolves when every batch is answered. Counts what was not opened. */
async function openCases(stack: ScaleStack, campaignId: string, prefix: string, count: number): Promise<{ failed: number }> {
  const batches = Array.from({ length: Math.ceil(count / BATCH) }, (_, b) => Array.from({ length: Math.min(BATCH, count - b * BATCH) }, (_, i) => b * BATCH + i));
  let failed = 0;
  await pool(batches, OPEN_CONCURRENCY, async (batch) => {
    const answer = await stack.call('POST', `/campaigns/${campaignId}/cases/batch`, county, { cases: batch.map((i) => openCaseBody(prefix, i)) });
    failed += Number(answer.failed ?? 0);
  });
  return { failed };
}

async function waitForCount(stack: ScaleStack, sql: string, params: unknown[], target: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [{ n }] = await stack.dataSource.query(sql, params);
    if (Number(n) >= target) return Date.now();
    if (Date.now() - started > timeoutMs) throw new Error(`only ${n} of ${target} after ${seconds(timeoutMs)}`);
    await sleep(500);
  }
}

async function devServerStack(workDir: string, cleanups: Cleanups, workerEnv: NodeJS.ProcessEnv): Promise<ScaleStack> {
  const stack = await startBenchStack(workDir, cleanups, { taskQueue: 'bench-scale', workerEnv });
  return {
    ...stack,
    workerPids: () => [stack.worker.pid!],
    description: `Temporal dev server (SQLite), ${process.env.DATABASE_URL ? 'Postgres from DATABASE_URL' : 'embedded Postgres'}, one worker, the API in the benchmark's process`,
  };
}

export async function runProvinceBenchmark(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-bench-scale-'));
  fs.chmodSync(workDir, 0o755);
  const cleanups: Cleanups = [];
  try {
    const workerEnv = { WORKER_MAX_CACHED_WORKFLOWS: CACHE_BOUND };
    const stack: ScaleStack = ON_CLUSTER ? await startBenchCluster(workDir, cleanups, { workerEnv }) : await devServerStack(workDir, cleanups, workerEnv);
    // Every worker's resident set, added up (a worker restarted meanwhile counts from its restart).
    const workersKiB = () => stack.workerPids().reduce((sum, pid) => sum + (fs.existsSync(`/proc/${pid}/status`) ? rssKiB(pid) : 0), 0);
    let peakKiB = workersKiB();
    const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, workersKiB())), 1000);
    cleanups.unshift(async () => clearInterval(sampler));

    // --- 1. open cases that stay open --------------------------------------------------------------
    const campaign = await stack.call('POST', '/campaigns', county, { name: '省级规模基准批次', county: COUNTY, endsAt: new Date(Date.now() + 365 * 86_400_000).toISOString(), policy: POLICY });
    const rssBeforeKiB = workersKiB();
    const openStart = Date.now();
    const opened = await openCases(stack, campaign.id, 'p', SCALE_CASES);
    const answeredAt = Date.now();
    const visibleAt = await waitForCount(stack, 'SELECT count(*) AS n FROM case_record WHERE campaign_id = $1', [campaign.id], SCALE_CASES - opened.failed, 30 * 60_000);
    const openRate = (SCALE_CASES - opened.failed) / ((visibleAt - openStart) / 1000);
    await sleep(5000); // the worker's last tasks settle before its memory is read
    const rssOpenKiB = workersKiB();
    say(`opened ${SCALE_CASES - opened.failed} (failed ${opened.failed}): answered in ${seconds(answeredAt - openStart)}, all visible in ${seconds(visibleAt - openStart)}, ${openRate.toFixed(1)}/s; worker RSS ${(rssBeforeKiB / 1024).toFixed(0)} → ${(rssOpenKiB / 1024).toFixed(0)} MiB (peak ${(peakKiB / 1024).toFixed(0)} MiB)`);

    // --- 2. the campaign-end burst -----------------------------------------------------------------
    // The end date falls after the burst's cases are all open, at the rate just measured (with room to spare), on a whole minute.
    const openEstimateMs = (BURST_CASES / openRate) * 1000 * 1.5 + 60_000;
    const endsAtMs = Math.ceil((Date.now() + openEstimateMs) / 60_000) * 60_000;
    const endsAt = new Date(endsAtMs).toISOString();
    const burst = await stack.call('POST', '/campaigns', county, { name: '省级规模截止批次', county: COUNTY, endsAt, policy: POLICY });
    const burstOpenStart = Date.now();
    const burstOpened = await openCases(stack, burst.id, 'q', BURST_CASES);
    const burstCases = BURST_CASES - burstOpened.failed;
    const prefix = `case:${burst.id}:%`;
    await waitForCount(stack, 'SELECT count(*) AS n FROM case_record WHERE campaign_id = $1', [burst.id], burstCases, 30 * 60_000);
    const readyAheadMs = endsAtMs - Date.now();
    say(`burst: ${burstCases} cases open in ${seconds(Date.now() - burstOpenStart)}, ${seconds(readyAheadMs)} before the end date ${endsAt}`);
    if (readyAheadMs < 0) say('warning: the cases were not all open by the end date; the lateness below includes the opening');
    const lastVisibleAt = await waitForCount(stack, "SELECT count(*) AS n FROM case_event WHERE type = 'campaign_ended' AND case_id LIKE $1", [prefix], burstCases, Math.max(0, endsAtMs - Date.now()) + 30 * 60_000);
    const lateness: number[] = (
      await stack.dataSource.query("SELECT extract(epoch FROM at - $2::timestamptz) * 1000 AS late FROM case_event WHERE type = 'campaign_ended' AND case_id LIKE $1", [prefix, endsAt])
    ).map((row: { late: string }) => Number(row.late));
    const burstFigures = { p50: percentile(lateness, 50), p95: percentile(lateness, 95), max: Math.max(...lateness), lastVisibleMs: lastVisibleAt - endsAtMs };
    say(`burst lateness p50 ${seconds(burstFigures.p50)} p95 ${seconds(burstFigures.p95)} max ${seconds(burstFigures.max)}; last visible ${seconds(burstFigures.lastVisibleMs)} after the end date`);
    const rssAfterBurstKiB = workersKiB();

    // --- 3. the read model at scale ------------------------------------------------------------------
    const seedStart = Date.now();
    await seedReadModel(stack.dataSource, campaign.id, SEEDED, COUNTY);
    const [{ n: total }] = await stack.dataSource.query('SELECT count(*) AS n FROM case_record');
    say(`seeded ${SEEDED} more cases in ${seconds(Date.now() - seedStart)}; ${total} in the read model`);
    const timeQuery = async (route: string) => {
      const latencies: number[] = [];
      await stack.call('GET', route, county); // warm the caches once
      for (let i = 0; i < QUERY_SAMPLES; i++) {
        const started = performance.now();
        await stack.call('GET', route, county);
        latencies.push(performance.now() - started);
      }
      return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
    };
    const summary = await timeQuery(`/dashboard/summary?campaignId=${campaign.id}`);
    const list = await timeQuery(`/cases?campaignId=${campaign.id}&township=${encodeURIComponent(TOWNSHIPS[3])}&stage=remediating&overdue=true&page=2&pageSize=20&sort=nextDueAt&order=asc`);
    say(`at ${Number(total).toLocaleString('en')} cases: summary p50 ${ms(summary.p50)} p95 ${ms(summary.p95)}; list p50 ${ms(list.p50)} p95 ${ms(list.p95)}`);

    writeResults({
      description: stack.description,
      opened: SCALE_CASES - opened.failed,
      answeredMs: answeredAt - openStart,
      visibleMs: visibleAt - openStart,
      openRate,
      rssBeforeKiB,
      rssOpenKiB,
      rssAfterBurstKiB,
      peakKiB,
      burstCases,
      readyAheadMs,
      burst: burstFigures,
      total: Number(total),
      summary,
      list,
    });
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ProvinceRun {
  /** Where it ran and at what size: a column of the table; a later run with the same key replaces it. */
  key: string;
  command: string;
  date: string;
  description: string;
  opened: number;
  answeredMs: number;
  visibleMs: number;
  openRate: number;
  rssBeforeKiB: number;
  rssOpenKiB: number;
  rssAfterBurstKiB: number;
  peakKiB: number;
  burstCases: number;
  readyAheadMs: number;
  burst: { p50: number; p95: number; max: number; lastVisibleMs: number };
  total: number;
  summary: { p50: number; p95: number };
  list: { p50: number; p95: number };
}

const RUNS_MARK = /<!-- runs: (.*?) -->/;

/** The section's table: one column per kept run (the dev server and the cluster, at each size run). */
function renderSection(runs: ProvinceRun[]): string {
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
  const s = (msValue: number) => (msValue / 1000).toFixed(1);
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rows: [string, (r: ProvinceRun) => string][] = [
    ['cases opened through the batch API until every one is in the read model (target: 5,000 in 60 s, 83/s)', (r) => `${r.opened.toLocaleString('en')} in ${s(r.visibleMs)} s: **${r.openRate.toFixed(1)}/s** (${met(r.openRate >= 5000 / 60)}); all answered after ${s(r.answeredMs)} s`],
    ['workers\' resident memory: before → with them open (peak)', (r) => `${mib(r.rssBeforeKiB)} → ${mib(r.rssOpenKiB)} (${mib(r.peakKiB)})`],
    ['per 1,000 open cases', (r) => `${((r.rssOpenKiB - r.rssBeforeKiB) / 1024 / (r.opened / 1000)).toFixed(1)} MiB`],
    ['campaign-end burst: lateness p50 / p95 / max', (r) => `${r.burstCases.toLocaleString('en')} cases: ${s(r.burst.p50)} / ${s(r.burst.p95)} / ${s(r.burst.max)} s`],
    ['the burst\'s last case in the read model, after the end date (target ≤ 60 s)', (r) => `**${s(r.burst.lastVisibleMs)} s** (${met(r.burst.lastVisibleMs <= 60_000)}); workers after: ${mib(r.rssAfterBurstKiB)}`],
    ['dashboard summary p50 / p95 (target p95 ≤ 50 ms)', (r) => `${ms(r.summary.p50)} / ${ms(r.summary.p95)} at ${r.total.toLocaleString('en')} cases (${met(r.summary.p95 <= 50)})`],
    ['filtered list p50 / p95 (target p95 ≤ 50 ms)', (r) => `${ms(r.list.p50)} / ${ms(r.list.p95)} (${met(r.list.p95 <= 50)})`],
    ['the burst\'s cases all open before the end date by', (r) => (r.readyAheadMs < 0 ? 'not all open by then: the lateness includes the opening' : `${s(r.readyAheadMs)} s`)],
  ];
  return [
    SECTION_START,
    `## 5. 省级规模 (\`npm run bench -- --scale\`, \`npm run bench -- --scale --cluster\`)`,
    '',
    `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. One column per run kept; a run replaces the column of its own stack and size. The runs:`,
    '',
    ...runs.map((r) => `- **${r.key}** (${r.date}): \`${r.command}\`; ${r.description}.`),
    '',
    `| figure | ${runs.map((r) => r.key).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...rows.map(([label, cell]) => `| ${label} | ${runs.map(cell).join(' | ')} |`),
    '',
    `<!-- runs: ${JSON.stringify(runs)} -->`,
    SECTION_END,
  ].join('\n');
}

function writeResults(run: Omit<ProvinceRun, 'key' | 'command' | 'date'>): void {
  const key = `${ON_CLUSTER ? 'cluster' : 'dev server'}, ${SCALE_CASES.toLocaleString('en')} + ${BURST_CASES.toLocaleString('en')}`;
  const command = `BENCH_SCALE_CASES=${SCALE_CASES} BENCH_BURST_CASES=${BURST_CASES} BENCH_SCALE_SEEDED=${SEEDED} WORKER_MAX_CACHED_WORKFLOWS=${CACHE_BOUND} npm run bench -- --scale${ON_CLUSTER ? ' --cluster' : ''}`;
  const current = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const pattern = new RegExp(`${escapeRegExp(SECTION_START)}[\\s\\S]*?${escapeRegExp(SECTION_END)}`);
  const kept: ProvinceRun[] = JSON.parse(RUNS_MARK.exec(pattern.exec(current)?.[0] ?? '')?.[1] ?? '[]');
  const runs = [...kept.filter((r) => r.key !== key), { key, command, date: new Date().toISOString().slice(0, 10), ...run }].sort((a, b) => a.key.localeCompare(b.key, 'en'));
  const section = renderSection(runs);
  fs.writeFileSync(RESULTS, pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`);
  say(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}
