/**
 * `npm run bench:todos` — not part of `npm test`. GET /me/todos with 100,000 cases in the read model
 * (BENCH_TODO_CASES), for a township committee, an assigned leader and a branch secretary, over the
 * real API, against two baselines in the same run (the committee's first page of GET /cases and the
 * county's dashboard summary). The committee's request is measured first on rows as written before the
 * read model kept the committee's to-dos (committee_todos NULL), then as written now. Prints a table and
 * writes section "待办" of bench/RESULTS.md.
 *
 * The rows are whole case states as the workflow writes them: a few dozen states walked through the
 * domain's own decide()/fire() (every stage, every domain, measures overdue with the branch asked to
 * explain and a talk proposed), each copied to many organizations (its codes, people and township
 * rewritten), summarized by the domain's summarize(), stageDurations() and committeeTodos() — the
 * read-model writer's own columns — and bulk-inserted with multi-row INSERTs. So the to-do rules read every row.
 *
 * Everything on this machine: embedded Postgres (or DATABASE_URL), a Temporal dev server (the API
 * connects to one at start; the to-dos never touch it), the API in this process.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '@zhengdun/config';
import { committeeTodos, ORG_DOMAINS, scheduledEvents, stageDurations, summarize, type Actor, type CaseState, type OrgDomain, type Stage } from '@zhengdun/domain';
import { freePort } from '@zhengdun/persistence';
import { startTemporalDevServer } from '@zhengdun/temporal';
import { CaseTodoCandidatesIndex1795460000020 } from '../libs/persistence/src/migrations/1795460000020-CaseTodoCandidatesIndex';
import { createApiApp } from '../apps/api/src/create-app';
import { mintDevToken } from '../apps/api/src/core/auth/dev-tokens';
import { act, ACTORS, CAMPAIGN, COUNTY as FIXTURE_COUNTY, fireAt, ORG_CODE, SECRETARY, TOWNSHIP as FIXTURE_TOWNSHIP, walkTo } from '../libs/domain/src/testing/fixtures';
import { createBenchDatabase, ms, percentile, type Cleanups } from './bench-support';

const CASES = Number(process.env.BENCH_TODO_CASES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 200);
const BATCH = 1000;
const COUNTY = '示范县';
const TOWNSHIPS = Array.from({ length: 20 }, (_, i) => `第${i + 1}镇`);
const RESULTS = path.join(__dirname, 'RESULTS.md');
const SECTION_START = '<!-- todos: written by bench/todos.bench.ts -->';
const SECTION_END = '<!-- /todos -->';

/**
 * How many organizations one person of the team is named on: a county leader links a few villages,
 * a township leader and a first secretary fewer, a paired agency or an instructor more.
 */
const SHARED_BY: Record<string, number> = {
  'lead-county': 5,
  'lead-township': 8,
  'lead-party-sec': 8,
  'lead-first': 1,
  'lead-agency': 6,
  'lead-cadre': 10,
  'lead-committee': 200,
  'lead-instructor': 12,
  'lead-linked': 40,
  'lead-responsible': 3,
};

const say = (line: string) => console.log(`[bench:todos] ${line}`);

/** A case's state after its workflow's last step, and the instant of that step. */
interface Template {
  state: CaseState;
  now: string;
}

/** Every stage of every domain, plus remediation with an overdue measure, its explanation asked and a talk proposed. */
function templates(): Template[] {
  const out: Template[] = [];
  const stages: Stage[] = ['identified', 'assigned', 'planning', 'remediating', 'publicizing', 'preliminary_acceptance', 'county_acceptance', 'delisted', 'follow_up_review', 'archived'];
  for (const domain of ORG_DOMAINS as readonly OrgDomain[]) {
    for (const stage of stages) {
      const { state } = walkTo(stage, { org: { domain } });
      state.escalation.model = 'proposals'; // as the case workflow opens every new case (proposed-talks-v1)
      out.push({ state, now: state.updatedAt });
    }
    // 整顿实施 with a measure past due: the explanation is requested, then a talk proposed (fire(), as the workflow's timers do).
    let state = walkTo('remediating', { org: { domain } }).state;
    state.escalation.model = 'proposals';
    for (const kind of ['escalation', 'talk_proposal'] as const) {
      const event = scheduledEvents(state).find((e) =>
        e.kind === 'escalation' ? kind === 'escalation' && e.step === 'explanation_requested' && e.key.startsWith('measure:') : e.kind === kind,
      );
      if (!event) throw new Error(`no ${kind} event for ${domain}`);
      state = fireAt(state, event).state;
    }
    out.push({ state, now: state.updatedAt });
    // One measure done, a progress report from the county leader / first named member.
    let partial = walkTo('remediating', { org: { domain } }).state;
    partial.escalation.model = 'proposals';
    partial = act(partial, { type: 'completeMeasure', measureId: partial.measures[0].id, evidence: '已召开党员大会，台账附后' }, ACTORS.secretary, 25).state;
    out.push({ state: partial, now: partial.updatedAt });
  }
  return out;
}

/** The whole state moved in time so that its last step was `lastStepAt`: every ISO instant in it shifted alike. */
function shifted(json: string, from: string, lastStepAt: number): string {
  const delta = lastStepAt - Date.parse(from);
  return json.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g, (_, iso: string) => `"${new Date(Date.parse(iso) + delta).toISOString()}"`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Row g: template g mod T, its organization, people and township its own; the last step minutes to weeks ago. */
function rowState(templateJson: string, templateNow: string, g: number, templateCount: number, campaignId: string): CaseState {
  // Shifted by one every round of templates, so that every township gets every kind of case.
  const township = TOWNSHIPS[(g + Math.floor(g / templateCount)) % TOWNSHIPS.length];
  const replacements: [string, string][] = [
    [`"${SECRETARY.personId}"`, `"sec-${g}"`],
    [ORG_CODE, `org-${g}`],
    [CAMPAIGN.id, campaignId],
    [FIXTURE_COUNTY, COUNTY],
    [FIXTURE_TOWNSHIP, township],
    ...Object.entries(SHARED_BY).map(([id, shared]) => [`"${id}"`, `"${id}-${Math.floor(g / shared)}"`] as [string, string]),
  ];
  let json = templateJson;
  for (const [from, to] of replacements) json = json.replace(new RegExp(escapeRegExp(from), 'g'), to);
  json = shifted(json, templateNow, Date.now() - ((g * 7919) % (60 * 86_400)) * 1000);
  return JSON.parse(json) as CaseState;
}

async function seed(dataSource: import('typeorm').DataSource, campaignId: string): Promise<void> {
  const made = templates();
  const jsons = made.map((t) => JSON.stringify(t.state));
  say(`${made.length} case states walked through decide()/fire(); writing ${CASES.toLocaleString('en')} rows…`);
  const now = new Date().toISOString();
  for (let start = 0; start < CASES; start += BATCH) {
    const rows = [];
    for (let g = start; g < Math.min(CASES, start + BATCH); g++) {
      const t = g % made.length;
      const state = rowState(jsons[t], made[t].now, g, made.length, campaignId);
      const s = summarize(state, now);
      const { timeline: _timeline, ...stored } = state;
      rows.push({
        case_id: s.caseId, campaign_id: s.campaignId, county: s.county, org_code: s.orgCode, org_name: s.orgName, domain: s.domain, township: s.township,
        is_key_village: s.isKeyVillage, stage: s.stage, round: s.round, overdue: s.overdue, escalation_level: s.escalationLevel, talks: s.talks,
        organizational_handling: s.organizationalHandling, problem_count: s.problemCount, open_problem_count: s.openProblemCount, measure_count: s.measureCount,
        measures_done: s.measuresDone, person_ids: s.personIds, satisfaction_rate: s.satisfactionRate, next_due_at: s.nextDueAt, stage_entered_at: s.stageEnteredAt,
        delisted_at: s.delistedAt, created_at: s.createdAt, updated_at: s.updatedAt, seq: s.seq, revision: s.seq, stage_durations: stageDurations(state, now), state: stored,
        committee_todos: committeeTodos(state, now),
      });
    }
    await dataSource.query(
      `INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round, overdue,
         escalation_level, talks, organizational_handling, problem_count, open_problem_count, measure_count, measures_done, person_ids,
         satisfaction_rate, next_due_at, stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state, committee_todos)
       SELECT case_id, campaign_id, county, org_code, org_name, domain, township, is_key_village, stage, round, overdue,
         escalation_level, talks, organizational_handling, problem_count, open_problem_count, measure_count, measures_done, person_ids,
         satisfaction_rate, next_due_at, stage_entered_at, delisted_at, created_at, updated_at, seq, revision, stage_durations, state, committee_todos
         FROM jsonb_populate_recordset(NULL::case_record, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
    if ((start / BATCH) % 20 === 19) say(`  ${(start + BATCH).toLocaleString('en')} rows`);
  }
  await dataSource.query('ANALYZE case_record');
}

interface Figure {
  label: string;
  route: string;
  who: string;
  p50: number;
  p95: number;
  items?: number;
  candidates?: number;
}

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-bench-todos-'));
  fs.chmodSync(workDir, 0o755);
  const cleanups: Cleanups = [];
  try {
    const { dataSource, dbUrl } = await createBenchDatabase(workDir, cleanups);

    const temporal = await startTemporalDevServer({ port: await freePort() });
    cleanups.unshift(temporal.stop);
    const jwtSecret = randomBytes(48).toString('base64');
    const config: AppConfig = {
      ...loadConfig({
        ACTOR_SIGNING_KEY: randomBytes(32).toString('hex'),
        AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
        DATABASE_URL: dbUrl,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_TASK_QUEUE: 'bench-todos',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
        JWT_SECRET: jwtSecret,
      }),
      port: 0,
    };
    const api = await createApiApp({ config, host: '127.0.0.1', rateLimits: { caseWritesPerMinute: 1e9, userPerMinute: 1e9 } });
    cleanups.unshift(api.close);

    const county: Actor = { userId: 'bench-county', name: '县委组织部', role: 'county_department', scope: { level: 'county', county: COUNTY } };
    const campaign = await (
      await fetch(`${api.url}/campaigns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(config.auth, county)}` },
        body: JSON.stringify({ name: '基准测试批次（待办）', county: COUNTY, endsAt: new Date(Date.now() + 365 * 86_400_000).toISOString() }),
      })
    ).json();

    const seedStart = performance.now();
    await seed(dataSource, campaign.id);
    say(`seeded ${CASES.toLocaleString('en')} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // The people: the committee of one township, a county leader linked to five villages, one branch's secretary.
    const township = TOWNSHIPS[3];
    const committee: Actor = { userId: 'bench-committee', name: `${township}党委`, role: 'township_committee', scope: { level: 'township', county: COUNTY, township } };
    const leaderRow = (
      await dataSource.query(
        `SELECT p AS person, min(org_code) AS org_code, count(*)::int AS cases FROM case_record, unnest(person_ids) AS p
          WHERE p LIKE 'lead-county-%' GROUP BY p ORDER BY count(*) DESC, p LIMIT 1`,
      )
    )[0] as { person: string; org_code: string; cases: number };
    const leader: Actor = { userId: leaderRow.person, name: '李县长', role: 'assigned_leader', scope: { level: 'organization', county: COUNTY, orgCode: leaderRow.org_code } };
    const secretaryCase = (await dataSource.query(`SELECT org_code, person_ids FROM case_record WHERE stage = 'remediating' AND township = $1 LIMIT 1`, [township]))[0] as { org_code: string; person_ids: string[] };
    const secretaryId = secretaryCase.person_ids.find((id) => id.startsWith('sec-'))!;
    const secretary: Actor = { userId: secretaryId, name: '王建国', role: 'branch_secretary', scope: { level: 'organization', county: COUNTY, orgCode: secretaryCase.org_code } };

    const tokens = new Map<Actor, string>();
    const get = async (route: string, actor: Actor) => {
      if (!tokens.has(actor)) tokens.set(actor, await mintDevToken(config.auth, actor));
      const response = await fetch(`${api.url}${route}`, { headers: { authorization: `Bearer ${tokens.get(actor)}` } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET ${route} → ${response.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text);
    };
    const time = async (label: string, route: string, actor: Actor, who: string): Promise<Figure> => {
      const first = await get(route, actor); // warm the caches once
      const latencies: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        await get(route, actor);
        latencies.push(performance.now() - started);
      }
      const figure: Figure = { label, route, who, p50: percentile(latencies, 50), p95: percentile(latencies, 95), ...(Array.isArray(first.items) && route.startsWith('/me/todos') ? { items: first.items.length } : {}) };
      say(`${label} (${who}): p50 ${ms(figure.p50)} p95 ${ms(figure.p95)}${figure.items !== undefined ? `, ${figure.items} to-dos` : ''}`);
      return figure;
    };
    const candidates = async (actor: Actor, where: string, params: unknown[]) =>
      Number((await dataSource.query(`SELECT count(*)::int AS n FROM case_record WHERE county = $1 AND ${where}`, [COUNTY, ...params]))[0].n);
    const committeeCandidates = await candidates(committee, 'township = $2 AND jsonb_array_length(committee_todos) > 0', [township]);
    const committeeCandidatesBefore = await candidates(
      committee,
      `township = $2 AND (stage IN ('planning','publicizing','preliminary_acceptance','follow_up_review')
        OR (stage = 'remediating' AND (measures_done >= measure_count OR jsonb_array_length(COALESCE(state -> 'escalation' -> 'explanations', '[]'::jsonb)) > 0))
        OR state -> 'escalation' -> 'proposals' @> '[{"kind":"talk","status":"proposed"}]')`,
      [township],
    );
    const leaderCandidates = await candidates(leader, 'person_ids @> ARRAY[$2]::text[]', [leader.userId]);
    const secretaryCandidates = await candidates(secretary, 'person_ids @> ARRAY[$2]::text[]', [secretary.userId]);

    // The township's rows as written before the read model kept the committee's to-dos (NULL: candidates
    // by stage and proposals, each state judged by todosFor), first also without its due-order index
    // (migration CaseTodoCandidatesIndex).
    await dataSource.query('CREATE TABLE bench_committee_todos AS SELECT case_id, committee_todos FROM case_record WHERE township = $1', [township]);
    await dataSource.query('UPDATE case_record SET committee_todos = NULL WHERE township = $1', [township]);
    await dataSource.query('DROP INDEX idx_case_township_due');
    await dataSource.query('ANALYZE case_record');
    const committeeWho = `乡镇党委（${township}）`;
    const withoutIndex = await time('GET /me/todos, rows before committee_todos, without idx_case_township_due', '/me/todos', committee, committeeWho);
    const runner = dataSource.createQueryRunner();
    await new CaseTodoCandidatesIndex1795460000020().up(runner);
    await runner.release();
    await dataSource.query('ANALYZE case_record');
    const beforeColumn = await time('GET /me/todos, rows before committee_todos', '/me/todos', committee, committeeWho);
    await dataSource.query('UPDATE case_record r SET committee_todos = b.committee_todos FROM bench_committee_todos b WHERE r.case_id = b.case_id');
    await dataSource.query('DROP TABLE bench_committee_todos');
    await dataSource.query('VACUUM ANALYZE case_record');

    const figures: Figure[] = [
      { ...withoutIndex, candidates: committeeCandidatesBefore },
      { ...beforeColumn, candidates: committeeCandidatesBefore },
      { ...(await time('GET /me/todos', '/me/todos', committee, committeeWho)), candidates: committeeCandidates },
      { ...(await time('GET /me/todos', '/me/todos', leader, `包抓责任人（联系 ${leaderRow.cases} 个村的县领导）`)), candidates: leaderCandidates },
      { ...(await time('GET /me/todos', '/me/todos', secretary, '支部书记')), candidates: secretaryCandidates },
      await time('baseline: GET /cases (first page of 20)', '/cases?pageSize=20', committee, committeeWho),
      await time('baseline: GET /dashboard/summary', `/dashboard/summary?campaignId=${campaign.id}`, county, '县委组织部'),
    ];
    report(figures);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function report(figures: Figure[]): void {
  const table = [
    '| request | who | cases it may look at | to-dos answered | p50 | p95 |',
    '|---|---|---|---|---|---|',
    ...figures.map((f) => `| ${f.label} | ${f.who} | ${f.candidates?.toLocaleString('en') ?? '—'} | ${f.items ?? '—'} | ${ms(f.p50)} | ${ms(f.p95)} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  const section = [
    SECTION_START,
    `## 4. 待办 (GET /me/todos) at ${CASES.toLocaleString('en')} cases (${SAMPLES} sequential requests each, over HTTP)`,
    '',
    `Produced by \`npm run bench:todos\` (\`BENCH_TODO_CASES=${CASES} BENCH_QUERY_SAMPLES=${SAMPLES}\`) on ${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}.`,
    'Rows are whole case states walked through decide()/fire() and summarized by summarize(), so the to-do rules read every one; "cases it may look at" is what the candidate query matches before its limit of 500.',
    '',
    table,
    SECTION_END,
  ].join('\n');
  const current = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const pattern = new RegExp(`${escapeRegExp(SECTION_START)}[\\s\\S]*?${escapeRegExp(SECTION_END)}`);
  // At the end, after lifecycle.bench.ts's notes marker: `npm run bench` rewrites what is above it and keeps this.
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(RESULTS, next);
  say(`wrote ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
