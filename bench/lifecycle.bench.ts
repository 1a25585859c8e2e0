/**
 * `npm run bench` — not part of `npm test` (`npm run bench -- --scale`: province.bench.ts). Figures, each against a baseline run in this process:
 *  1. N cases (BENCH_CASES, default 1000) driven concurrently through the whole lifecycle over the
 *     API: cases per second, and p50/p95 of an action from the API call until the read model shows it;
 *     the same N bare workflows taking the same number of updates (no rules, no read model); the ratio.
 *  2. With 100,000 cases in the read model (BENCH_SEEDED_CASES): p50/p95 of the dashboard summary, of a
 *     filtered, paginated list, and of the first page as everyone opens it (the county's, one
 *     township's, the cases awaiting a talk), without and then with the list-order indexes.
 *  3. The worker's resident memory per 1,000 open cases.
 * Writes bench/RESULTS.md. Everything runs on this machine: embedded Postgres (or DATABASE_URL), a
 * Temporal dev server, the worker app as a child process, the API in this process; the bare
 * workflows run in a worker process of their own (bench/baseline), from a bundle of their own.
 *
 * BENCH_ONLY=readmodel runs section 2 alone (sections 1 and 3 are skipped) and prints its figures
 * without writing bench/RESULTS.md; section 2 then also times read-model upserts with and without the
 * dashboard counters' trigger (BENCH_UPSERTS each way, default 10,000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_POLICY, STAGES, type Actor, type CampaignPolicy, type CaseState, type MeasureDraft, type OrgDomain } from '@zhengdun/domain';
import { CaseReadModelRepository, type ProjectionWrite } from '@zhengdun/persistence';
import { CaseListOrderIndexes1795460000100, LIST_ORDER_INDEXES } from '../libs/persistence/src/migrations/1795460000100-CaseListOrderIndexes';
import { baselineStepUpdate } from './baseline/baseline.workflow';
import { ms, percentile, pool, rssKiB, seedReadModel, startBenchStack, startWorker, stopChild, type Cleanups } from './bench-support';
import { runProvinceBenchmark } from './province.bench';
import { teamFor } from '../test/support/cases';

const N = Number(process.env.BENCH_CASES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SEEDED = Number(process.env.BENCH_SEEDED_CASES ?? 100_000);
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 1000);
const QUERY_SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 200);
const READ_MODEL_ONLY = process.env.BENCH_ONLY === 'readmodel';
const UPSERTS = Number(process.env.BENCH_UPSERTS ?? 10_000);
const COUNTY = '示范县';
const TOWNSHIPS = Array.from({ length: 20 }, (_, i) => `第${i + 1}镇`);
const DOMAINS: OrgDomain[] = ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'];
// Timers of one second (the least a policy may set): the benchmark measures the machinery, not the waiting a policy prescribes.
const BENCH_POLICY: CampaignPolicy = {
  ...DEFAULT_POLICY,
  planPeriod: { amount: 3600, unit: 'seconds' },
  publicityPeriod: { amount: 1, unit: 'seconds' },
  rectificationPeriod: { amount: 3600, unit: 'seconds' },
  reportCadence: { amount: 3600, unit: 'seconds' },
  reminderLead: { amount: 60, unit: 'seconds' },
  escalationInterval: { amount: 3600, unit: 'seconds' },
  reviewDelay: { amount: 1, unit: 'seconds' },
};
/** What follows this line in RESULTS.md is written by hand and kept when the figures are rewritten. */
const NOTES_MARKER = '<!-- notes: kept across runs -->';
const STEPS_PER_CASE = 10; // submitPlan, approvePlan, 2 × (reportMeasureDone, verifyMeasure), startPublicity, 2 acceptances, review

const say = (line: string) => console.log(`[bench] ${line}`);




/** The processes the benchmark runs, by the part of the system they are. */
interface Parts {
  /** The worker app and the baseline worker. */
  workers: number[];
  temporal?: number;
  /** Embedded Postgres' postmaster; its backends are its children. */
  postmaster?: number;
}
const PART_NAMES = ['API + load generator', 'worker', 'Temporal dev server', 'Postgres'] as const;
type PartName = (typeof PART_NAMES)[number];
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) each part has used so far, read from /proc. */
function cpuSeconds(parts: Parts): Record<PartName, number> {
  const used: Record<PartName, number> = { 'API + load generator': 0, worker: 0, 'Temporal dev server': 0, Postgres: 0 };
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    // The postmaster also counts what its exited backends used (cutime, cstime), so closed connections are not lost.
    const ticks = Number(fields[11]) + Number(fields[12]) + (pid === parts.postmaster ? Number(fields[13]) + Number(fields[14]) : 0);
    const seconds = ticks / CLOCK_TICKS_PER_SECOND;
    if (pid === process.pid) used['API + load generator'] += seconds;
    else if (parts.workers.includes(pid)) used.worker += seconds;
    else if (pid === parts.temporal) used['Temporal dev server'] += seconds;
    else if (parts.postmaster !== undefined && (pid === parts.postmaster || ppid === parts.postmaster)) used.Postgres += seconds;
  }
  return used;
}

function cpuSpent(before: Record<PartName, number>, after: Record<PartName, number>): Record<PartName, number> {
  return Object.fromEntries(PART_NAMES.map((part) => [part, after[part] - before[part]])) as Record<PartName, number>;
}

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-bench-'));
  fs.chmodSync(workDir, 0o755);
  const cleanups: Cleanups = [];
  try {
    // --- infrastructure -----------------------------------------------------------------------
    const taskQueue = 'bench';
    const stack = await startBenchStack(workDir, cleanups, { taskQueue });
    const { dataSource, temporal, worker, call } = stack;
    const baselineTaskQueue = 'bench-baseline';
    const baselineWorker = await startWorker('bench/baseline/baseline-worker.ts', { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: baselineTaskQueue });
    cleanups.unshift(() => stopChild(baselineWorker));
    // Both worker processes count as the worker: each idles (polling) while the other's section runs.
    const parts: Parts = { workers: [worker.pid!, baselineWorker.pid!], temporal: temporal.pid, postmaster: stack.postmaster };
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.unshift(() => connection.close());
    const client = new Client({ connection });

    const countyActor: Actor = { userId: 'bench-county', name: '县委组织部', role: 'county_department', scope: { level: 'county', county: COUNTY } };

    const campaign = await call('POST', '/campaigns', countyActor, { name: '基准测试批次', county: COUNTY, endsAt: new Date(Date.now() + 365 * 86_400_000).toISOString(), policy: BENCH_POLICY });

    // --- 2. the read model at 100,000 cases: run after sections 1 and 3, or alone (BENCH_ONLY=readmodel)
    const readModelSection = async () => {
      const seedStart = performance.now();
      await seedReadModel(dataSource, campaign.id, SEEDED, COUNTY);
      say(`seeded ${SEEDED} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      const timeQuery = (route: string) => latencyOf(() => call('GET', route, countyActor), QUERY_SAMPLES);
      await timeQuery(`/dashboard/summary?campaignId=${campaign.id}`); // warm the caches once
      const summary = await timeQuery(`/dashboard/summary?campaignId=${campaign.id}`);
      const list = await timeQuery(`/cases?campaignId=${campaign.id}&township=${encodeURIComponent(TOWNSHIPS[3])}&stage=remediating&overdue=true&page=2&pageSize=20&sort=nextDueAt&order=asc`);
      say(`dashboard summary at ${SEEDED}: p50 ${ms(summary.p50)} p95 ${ms(summary.p95)}; filtered list p50 ${ms(list.p50)} p95 ${ms(list.p95)}`);
      // The first page as everyone opens the list (no filter, latest changed first), for the county and
      // for one township: first without the indexes of that order (migration CaseListOrderIndexes), then with them.
      const firstPages = async (label: string) => {
        const pages = {
          county: await timeQuery('/cases?pageSize=20'),
          township: await timeQuery(`/cases?township=${encodeURIComponent(TOWNSHIPS[3])}&pageSize=20`),
          awaitingTalk: await timeQuery('/cases?awaiting=talk&pageSize=20'),
        };
        say(
          `first page ${label}: county p50 ${ms(pages.county.p50)} p95 ${ms(pages.county.p95)}; township p50 ${ms(pages.township.p50)} p95 ${ms(pages.township.p95)}; ` +
            `awaiting a talk p50 ${ms(pages.awaitingTalk.p50)} p95 ${ms(pages.awaitingTalk.p95)}`,
        );
        return pages;
      };
      for (const name of Object.keys(LIST_ORDER_INDEXES)) await dataSource.query(`DROP INDEX ${name}`);
      const firstPageWithout = await firstPages('without the list-order indexes');
      // How the awaiting list asked before (the proposals in the state, through their GIN index): its page and its count, in SQL.
      const awaitingByProposals = await timeSql(
        `WITH page AS (SELECT case_id FROM case_record WHERE county = $1 AND state -> 'escalation' -> 'proposals' @> $2::jsonb ORDER BY updated_at DESC NULLS LAST, case_id LIMIT 20)
         SELECT (SELECT count(*) FROM case_record WHERE county = $1 AND state -> 'escalation' -> 'proposals' @> $2::jsonb), (SELECT count(*) FROM page)`,
        [COUNTY, JSON.stringify([{ kind: 'talk', status: 'proposed' }])],
      );
      say(`awaiting a talk as asked before (proposals through GIN, page and count, SQL): p50 ${ms(awaitingByProposals.p50)} p95 ${ms(awaitingByProposals.p95)}`);
      const runner = dataSource.createQueryRunner();
      await new CaseListOrderIndexes1795460000100().up(runner);
      await runner.release();
      await dataSource.query('ANALYZE case_record');
      const firstPage = await firstPages('with them');
      // What every list request also paid before the total came from the counters: TypeORM's getManyAndCount's count.
      const distinctCount = await timeSql('SELECT COUNT(DISTINCT case_id) FROM case_record WHERE county = $1', [COUNTY]);
      say(`the county's COUNT(DISTINCT case_id), as the list counted before: p50 ${ms(distinctCount.p50)} p95 ${ms(distinctCount.p95)}`);
      return { summary, list, firstPage, firstPageWithout, distinctCount, awaitingByProposals };
    };
    const timeSql = (sql: string, parameters: unknown[]) => latencyOf(() => dataSource.query(sql, parameters), Math.min(QUERY_SAMPLES, 50));
    if (READ_MODEL_ONLY) {
      await readModelSection();
      await timeUpserts(dataSource, campaign.id);
      return;
    }

    // --- 1a. the lifecycle over the API ----------------------------------------------------------
    const visibleLatencies: number[] = [];
    const seqOf = async (caseId: string) => {
      const rows = await dataSource.query('SELECT seq, stage FROM case_record WHERE case_id = $1', [caseId]);
      return rows[0] as { seq: number; stage: string } | undefined;
    };
    /** One action, timed from the API call until the read model holds the state it returned. */
    const act = async (caseId: string, action: string, actor: Actor, body: unknown = {}): Promise<Omit<CaseState, 'timeline'>> => {
      const started = performance.now();
      const state = await call('POST', `/cases/${encodeURIComponent(caseId)}/actions/${action}`, actor, body);
      for (;;) {
        const row = await seqOf(caseId);
        if (row && row.seq >= state.seq) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      visibleLatencies.push(performance.now() - started);
      return state;
    };
    const waitForStage = async (caseId: string, stage: string) => {
      while ((await seqOf(caseId))?.stage !== stage) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    const cpuAtStart = cpuSeconds(parts);
    const lifecycleStart = performance.now();
    await pool(Array.from({ length: N }, (_, i) => i), CONCURRENCY, async (i) => {
      const code = `b${i}`;
      const domain = DOMAINS[i % DOMAINS.length];
      const township = TOWNSHIPS[i % TOWNSHIPS.length];
      const committee: Actor = { userId: `bench-${township}`, name: `${township}党委`, role: 'township_committee', scope: { level: 'township', county: COUNTY, township } };
      const secretary: Actor = { userId: `sec-${code}`, name: `书记${code}`, role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode: code } };
      const team = teamFor(domain);
      const opened = await call('POST', `/campaigns/${campaign.id}/cases`, countyActor, {
        org: { code, name: `基准${code}党支部`, domain, township, isKeyVillage: false, secretary: { personId: secretary.userId, name: secretary.name } },
        source: 'screening',
        problems: [
          { category: 'lax_inner_party_life', description: '组织生活不经常' },
          { category: 'irregular_dues', description: '党费收缴不规范' },
        ],
        team,
      });
      const caseId: string = opened.caseId;
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const measures: MeasureDraft[] = ['p1', 'p2'].map((problemId) => ({ problemId, description: `针对${problemId}逐月落实整改`, ownerId: secretary.userId, ownerName: secretary.name, dueAt }));
      let state = await act(caseId, 'submitPlan', secretary, { measures });
      state = await act(caseId, 'approvePlan', committee);
      for (const measure of state.measures) {
        await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已完成，台账附后' });
        await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经核验属实' });
      }
      await act(caseId, 'startPublicity', committee);
      await waitForStage(caseId, 'preliminary_acceptance');
      await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: { ledger: true, plan: true, results: true }, opinion: '合格' });
      await act(caseId, 'recordCountyAcceptance', countyActor, { checks: { ledger: true, plan: true, results: true }, opinion: '销号', assessment: { heldAt: new Date(Date.now() - 60_000).toISOString(), participants: '党员、村民代表', respondents: 10, satisfied: 10, basicallySatisfied: 0, dissatisfied: 0, aware: 10 } });
      await waitForStage(caseId, 'follow_up_review');
      await act(caseId, 'recordFollowUpReview', committee, {
        checks: { measuresCarriedOut: true, mechanismsWorking: true, promisesDelivered: true, unqualifiedMembersHandled: true },
        opinion: '巩固',
        reboundedProblemIds: [],
        newProblems: [],
      });
    });
    const lifecycleSeconds = (performance.now() - lifecycleStart) / 1000;
    const lifecycleRate = N / lifecycleSeconds;
    say(`lifecycle: ${N} cases in ${lifecycleSeconds.toFixed(1)} s = ${lifecycleRate.toFixed(2)} cases/s; action→visible p50 ${ms(percentile(visibleLatencies, 50))} p95 ${ms(percentile(visibleLatencies, 95))}`);

    // --- 1b. the bare Temporal baseline ----------------------------------------------------------
    const updateLatencies: number[] = [];
    const cpuAfterLifecycle = cpuSeconds(parts);
    const baselineStart = performance.now();
    await pool(Array.from({ length: N }, (_, i) => i), CONCURRENCY, async (i) => {
      const handle = await client.workflow.start('baselineWorkflow', { workflowId: `baseline-${i}-${Date.now()}`, taskQueue: baselineTaskQueue, args: [STEPS_PER_CASE] });
      for (let step = 0; step < STEPS_PER_CASE; step++) {
        const started = performance.now();
        await handle.executeUpdate(baselineStepUpdate, { args: [`step ${step}`] });
        updateLatencies.push(performance.now() - started);
      }
      await handle.result();
    });
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    const cpu = { lifecycle: cpuSpent(cpuAtStart, cpuAfterLifecycle), baseline: cpuSpent(cpuAfterLifecycle, cpuSeconds(parts)) };
    for (const part of PART_NAMES) {
      say(`CPU per case, ${part}: lifecycle ${((1000 * cpu.lifecycle[part]) / N).toFixed(1)} ms, baseline ${((1000 * cpu.baseline[part]) / N).toFixed(1)} ms`);
    }
    const baselineRate = N / baselineSeconds;
    const ratio = baselineRate / lifecycleRate;
    say(`baseline: ${N} workflows × ${STEPS_PER_CASE} updates in ${baselineSeconds.toFixed(1)} s = ${baselineRate.toFixed(2)} cases/s; update p50 ${ms(percentile(updateLatencies, 50))} p95 ${ms(percentile(updateLatencies, 95))}; ratio ${ratio.toFixed(2)}`);

    // --- 3. worker memory per 1,000 open cases (before seeding, so the read model is small) --------
    const rssBefore = rssKiB(worker.pid!);
    const openCampaign = await call('POST', '/campaigns', countyActor, { name: '内存测试批次', county: COUNTY, endsAt: new Date(Date.now() + 365 * 86_400_000).toISOString(), policy: BENCH_POLICY });
    await pool(Array.from({ length: OPEN_CASES }, (_, i) => i), CONCURRENCY, async (i) => {
      await call('POST', `/campaigns/${openCampaign.id}/cases`, countyActor, {
        org: { code: `m${i}`, name: `内存${i}党支部`, domain: 'community', township: TOWNSHIPS[i % TOWNSHIPS.length], isKeyVillage: false, secretary: { personId: `sec-m${i}`, name: `书记${i}` } },
        source: 'screening',
        problems: [{ category: 'weak_coverage', description: '组织覆盖薄弱' }],
        team: [{ teamRole: 'responsible_leader', personId: 'l9', name: '冯主任' }],
      });
    });
    for (;;) {
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM case_record WHERE campaign_id = $1', [openCampaign.id]);
      if (count >= OPEN_CASES) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = rssKiB(worker.pid!);
    const perThousand = ((rssAfter - rssBefore) / 1024) * (1000 / OPEN_CASES);
    say(`worker RSS ${(rssBefore / 1024).toFixed(0)} MiB → ${(rssAfter / 1024).toFixed(0)} MiB with ${OPEN_CASES} open cases: ${perThousand.toFixed(1)} MiB per 1,000`);

    // --- 2. (defined above) ---------------------------------------------------------------------
    const readModel = await readModelSection();

    writeResults({ lifecycleSeconds, lifecycleRate, visibleLatencies, baselineSeconds, baselineRate, updateLatencies, ratio, cpu, ...readModel, rssBefore, rssAfter, perThousand });
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}


/**
 * The cost the dashboard counters' triggers add to one read-model write: UPSERTS writes with the
 * triggers enabled and UPSERTS with them disabled, in alternating blocks, through the projection's own
 * repository (each an update of a seeded case to a newer revision, a new stage now and then, grown
 * durations, a state of about 6 KB); one at a time, then BENCH_CONCURRENCY at once. Leaves the counters stale: last.
 */
async function timeUpserts(dataSource: import('typeorm').DataSource, campaignId: string): Promise<void> {
  const writer = new CaseReadModelRepository(dataSource);
  const triggers = ['insert', 'update', 'delete', 'truncate'].map((op) => `TRIGGER case_dashboard_counter_${op}`);
  const setTriggers = (on: boolean) => dataSource.query(`ALTER TABLE case_record ${triggers.map((t) => `${on ? 'ENABLE' : 'DISABLE'} ${t}`).join(', ')}`);
  const padding = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, problemId: `p${i % 3}`, description: '针对组织生活不经常问题，逐月落实三会一课，台账附后', status: 'done' }));
  let revision = 10; // the seeded rows' revision
  const write = (g: number): ProjectionWrite => {
    const start = Date.now() - 90 * 86_400_000;
    const history = STAGES.slice(0, 1 + ((g + revision) % 7)).map((to, i) => ({ to, at: new Date(start + i * 5 * 86_400_000).toISOString() }));
    const now = new Date().toISOString();
    const state = { history, satisfaction: { satisfied: g % 7, basicallySatisfied: g % 3, dissatisfied: g % 2, ratingIds: [] }, policy: BENCH_POLICY, measures: padding };
    return {
      state: state as unknown as ProjectionWrite['state'],
      events: [],
      revision,
      summary: {
        caseId: `seed:${campaignId}:${g}`, campaignId, county: COUNTY, orgCode: `s${g}`, orgName: `种子${g}党支部`, domain: DOMAINS[g % 4], township: `第${1 + (g % 20)}镇`,
        isKeyVillage: false, stage: history[history.length - 1].to, round: 1, overdue: g % 10 === 0, escalationLevel: 0, talks: 0, organizationalHandling: false,
        problemCount: 3, openProblemCount: 1, measureCount: 3, measuresDone: 2, measuresReported: 0, personIds: [`sec-s${g}`], satisfactionRate: null, nextDueAt: null,
        stageEnteredAt: history[history.length - 1].at, delistedAt: null, createdAt: history[0].at, updatedAt: now, seq: revision,
      },
    };
  };
  say(`upsert state size ${(JSON.stringify(write(1).state).length / 1024).toFixed(1)} KiB`);
  const BLOCK = 500;
  for (const concurrency of [1, CONCURRENCY]) {
    const elapsed = { on: 0, off: 0 };
    let g = 0;
    for (let block = 0; block < (2 * UPSERTS) / BLOCK; block++) {
      const on = block % 2 === 0;
      await setTriggers(on);
      revision++;
      const cases = Array.from({ length: BLOCK }, () => 1 + (g++ % SEEDED));
      const started = performance.now();
      await pool(cases, concurrency, async (caseNo) => writer.writeProjection(write(caseNo)));
      elapsed[on ? 'on' : 'off'] += performance.now() - started;
    }
    await setTriggers(true);
    const per = (total: number) => total / UPSERTS;
    say(
      `read-model upserts, ${concurrency} at a time, ${UPSERTS} each way: with the counters' triggers ${per(elapsed.on).toFixed(3)} ms/upsert, ` +
        `without ${per(elapsed.off).toFixed(3)} ms/upsert: ratio ${(elapsed.on / elapsed.off).toFixed(2)} (+${(per(elapsed.on) - per(elapsed.off)).toFixed(3)} ms)`,
    );
  }
}



interface Latency {
  p50: number;
  p95: number;
}

/** p50 and p95 of `samples` runs of `run`, one after another. */
async function latencyOf(run: () => Promise<unknown>, samples: number): Promise<Latency> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

function writeResults(r: {
  lifecycleSeconds: number;
  lifecycleRate: number;
  visibleLatencies: number[];
  baselineSeconds: number;
  baselineRate: number;
  updateLatencies: number[];
  ratio: number;
  cpu: { lifecycle: Record<PartName, number>; baseline: Record<PartName, number> };
  summary: Latency;
  list: Latency;
  firstPage: { county: Latency; township: Latency; awaitingTalk: Latency };
  firstPageWithout: { county: Latency; township: Latency; awaitingTalk: Latency };
  distinctCount: Latency;
  awaitingByProposals: Latency;
  rssBefore: number;
  rssAfter: number;
  perThousand: number;
}): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const perCase = (seconds: number) => `${((1000 * seconds) / N).toFixed(1)} ms`;
  const total = (used: Record<PartName, number>) => PART_NAMES.reduce((sum, part) => sum + used[part], 0);
  const cpuRows = [...PART_NAMES.map((part) => [part, r.cpu.lifecycle[part], r.cpu.baseline[part]] as const), ['all', total(r.cpu.lifecycle), total(r.cpu.baseline)] as const]
    .map(([part, lifecycle, baseline]) => `| ${part} | ${perCase(lifecycle)} | ${perCase(baseline)} | ${baseline > 0 ? (lifecycle / baseline).toFixed(1) : '—'} |`)
    .join('\n');
  const resultsFile = path.join(__dirname, 'RESULTS.md');
  const kept = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8').split(NOTES_MARKER)[1] : undefined;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const text = `# Benchmark results

Produced by \`npm run bench\` (\`BENCH_CASES=${N} BENCH_CONCURRENCY=${CONCURRENCY} BENCH_SEEDED_CASES=${SEEDED} BENCH_OPEN_CASES=${OPEN_CASES}\`) on ${new Date().toISOString().slice(0, 10)}.

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}.
Everything on this one machine: Temporal dev server (SQLite, in memory), ${process.env.DATABASE_URL ? 'Postgres from DATABASE_URL' : 'embedded Postgres'}, the worker app as a child process, the API and the load generator in the benchmark's process.
Policy timers (publicity, review delay) are one second, the least a policy may set, so the figures measure the machinery, not the waiting.

## 1. Lifecycle throughput over the API vs a bare Temporal baseline

| run | cases | time | cases/s | latency p50 | latency p95 |
|---|---|---|---|---|---|
| zhengdun lifecycle over HTTP (${STEPS_PER_CASE} actions + create per case; latency = API call until the read model shows it) | ${N} | ${r.lifecycleSeconds.toFixed(1)} s | ${r.lifecycleRate.toFixed(2)} | ${ms(percentile(r.visibleLatencies, 50))} | ${ms(percentile(r.visibleLatencies, 95))} |
| bare workflow, ${STEPS_PER_CASE} updates, no logic, no read model (latency = update call until it returns) | ${N} | ${r.baselineSeconds.toFixed(1)} s | ${r.baselineRate.toFixed(2)} | ${ms(percentile(r.updateLatencies, 50))} | ${ms(percentile(r.updateLatencies, 95))} |

Ratio baseline/zhengdun throughput: **${r.ratio.toFixed(2)}** (target ≤ 2.0: ${verdict(r.ratio <= 2)}). Action→visible p95 ${ms(percentile(r.visibleLatencies, 95))} (target ≤ 250 ms: ${verdict(percentile(r.visibleLatencies, 95) <= 250)}).

CPU time per case (user + system, from /proc), by part of the system:

| part | lifecycle | baseline | ratio |
|---|---|---|---|
${cpuRows}

## 2. Read model at ${SEEDED.toLocaleString('en')} cases (${QUERY_SAMPLES} sequential requests each, over HTTP)

| query | p50 | p95 | target p95 ≤ 50 ms |
|---|---|---|---|
| GET /dashboard/summary?campaignId=… | ${ms(r.summary.p50)} | ${ms(r.summary.p95)} | ${verdict(r.summary.p95 <= 50)} |
| GET /cases?campaignId=…&township=…&stage=remediating&overdue=true&page=2&pageSize=20&sort=nextDueAt | ${ms(r.list.p50)} | ${ms(r.list.p95)} | ${verdict(r.list.p95 <= 50)} |
| GET /cases?pageSize=20 (the county's first page, latest changed first) | ${ms(r.firstPage.county.p50)} | ${ms(r.firstPage.county.p95)} | ${verdict(r.firstPage.county.p95 <= 50)} |
| GET /cases?township=…&pageSize=20 (one township's first page) | ${ms(r.firstPage.township.p50)} | ${ms(r.firstPage.township.p95)} | ${verdict(r.firstPage.township.p95 <= 50)} |
| GET /cases?awaiting=talk&pageSize=20 (the summary's 待约谈 link; one case in a hundred) | ${ms(r.firstPage.awaitingTalk.p50)} | ${ms(r.firstPage.awaitingTalk.p95)} | ${verdict(r.firstPage.awaitingTalk.p95 <= 50)} |

The same first pages in the same run without the indexes of that order (migration \`CaseListOrderIndexes\`): county p50 ${ms(r.firstPageWithout.county.p50)} / p95 ${ms(r.firstPageWithout.county.p95)}, township p50 ${ms(r.firstPageWithout.township.p50)} / p95 ${ms(r.firstPageWithout.township.p95)}, awaiting a talk p50 ${ms(r.firstPageWithout.awaitingTalk.p50)} / p95 ${ms(r.firstPageWithout.awaitingTalk.p95)}. The list's total comes from the dashboard counters where they cover the filter; the county's \`COUNT(DISTINCT case_id)\`, as TypeORM's \`getManyAndCount\` counted before, takes p50 ${ms(r.distinctCount.p50)} / p95 ${ms(r.distinctCount.p95)} alone (SQL, same run). The awaiting list as it asked before (the proposals in the state through their GIN index, the page and its count, in SQL without the new indexes): p50 ${ms(r.awaitingByProposals.p50)} / p95 ${ms(r.awaitingByProposals.p95)}.

## 3. Worker memory

Worker resident set ${(r.rssBefore / 1024).toFixed(0)} MiB before and ${(r.rssAfter / 1024).toFixed(0)} MiB after opening ${OPEN_CASES} cases that stay open: **${r.perThousand.toFixed(1)} MiB per 1,000 open cases** (bounded by the worker's workflow cache; evicted cases cost nothing until their next event).
`;
  fs.writeFileSync(resultsFile, kept === undefined ? text : `${text}\n${NOTES_MARKER}${kept}`);
  say('results written to bench/RESULTS.md');
}

// `npm run bench -- --scale`: the province on one box (province.bench.ts) instead.
(process.argv.includes('--scale') ? runProvinceBenchmark() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
