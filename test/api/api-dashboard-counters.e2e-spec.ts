/**
 * The dashboard summary read from the per-group counters (case_dashboard_counter, kept by triggers on
 * case_record) equals the same figures computed from scratch, here in plain TypeScript over the
 * case_record rows themselves, for every filter and scope the summary takes — after multi-row inserts,
 * concurrent projection upserts (new cases, newer and stale revisions, races on one case), multi-row
 * updates that move cases between groups (county, campaign, township, domain, stage, overdue,
 * escalation), rating, duration and measure changes, deletes, the migrations' backfills of existing
 * rows and a TRUNCATE. The measure figures (all, verified, reported) and the cases awaiting a talk or
 * a handling decision likewise.
 */
import type { DataSource } from 'typeorm';
import { conversionRate, isBelowThreshold, isConverted, isStage, satisfactionRate, STAGES, stageDurations, type CaseState, type EscalationLevel, type OrgDomain, type Scope, type Stage } from '@zhengdun/domain';
import { CaseQueryRepository, CaseReadModelRepository, type CaseDashboard, type CaseFilter, type ProjectionWrite } from '@zhengdun/persistence';
import { CaseDashboardCounters1795369300000 } from '../../libs/persistence/src/migrations/1795369300000-CaseDashboardCounters';
import { CaseDashboardMeasureCounters1795460000070 } from '../../libs/persistence/src/migrations/1795460000070-CaseDashboardMeasureCounters';
import { CaseAwaitingCounters1795460000080 } from '../../libs/persistence/src/migrations/1795460000080-CaseAwaitingCounters';
import { createTestDatabase, type TestDatabase } from '../support/environment';

const COUNTIES = ['甲县', '乙县'];
const CAMPAIGNS = ['camp-a', 'camp-b', 'camp-c'];
const TOWNSHIPS = ['东镇', '西镇', '南镇', '北镇', '中镇'];
const DOMAINS: OrgDomain[] = ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'];
const THRESHOLDS = [0.6, 2 / 3, 0.8, 0.9];
const DAY = 86_400_000;

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = db.dataSource;
});

afterAll(async () => {
  await db?.drop();
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (max: number) => Math.floor(random() * (max + 1));

/** What the generated columns read from `state`: a tally (sometimes missing or malformed) and a threshold. */
function randomState(): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  const roll = random();
  if (roll < 0.2) {
    // no tally at all
  } else if (roll < 0.3) state.satisfaction = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, ratingIds: [] };
  else if (roll < 0.35) state.satisfaction = { satisfied: 'x', basicallySatisfied: 1, dissatisfied: 2 }; // malformed: a NULL count
  else state.satisfaction = { satisfied: int(12), basicallySatisfied: int(5), dissatisfied: int(6), ratingIds: [] };
  if (random() < 0.9) state.policy = { satisfactionThreshold: pick(THRESHOLDS) };
  // Proposals of talks and handling, some decided; now and then a malformed escalation.
  const escalation = random();
  if (escalation < 0.05) state.escalation = 'x';
  else if (escalation < 0.6) {
    state.escalation = {
      proposals: Array.from({ length: int(3) }, () => ({ kind: pick(['talk', 'organizational_handling']), status: pick(['proposed', 'decided', 'declined']) })),
    };
  }
  return state;
}

/** Milliseconds per stage, as the projection writes them, with now and then a key that is no stage. */
function randomDurations(): Record<string, number> {
  const durations: Record<string, number> = {};
  for (const stage of STAGES) if (random() < 0.45) durations[stage] = random() < 0.1 ? 0 : int(400) * DAY + int(DAY);
  if (random() < 0.05) durations.legacy_stage = int(30) * DAY;
  return durations;
}

interface BulkRow {
  case_id: string;
  campaign_id: string;
  county: string;
  org_code: string;
  domain: OrgDomain;
  township: string;
  stage: Stage;
  overdue: boolean;
  escalation_level: EscalationLevel;
  person_ids: string[];
  revision: number;
  stage_durations: Record<string, number>;
  state: Record<string, unknown>;
  measure_count: number;
  measures_done: number;
  measures_reported: number;
}

/** A round's measures: how many, how many verified, how many reported awaiting verification. */
function randomMeasures(): { measure_count: number; measures_done: number; measures_reported: number } {
  const measureCount = int(8);
  const measuresDone = int(measureCount);
  return { measure_count: measureCount, measures_done: measuresDone, measures_reported: int(measureCount - measuresDone) };
}

let nextCase = 0;
function randomRow(): BulkRow {
  const n = nextCase++;
  return {
    case_id: `case:${n}`,
    campaign_id: pick(CAMPAIGNS),
    county: random() < 0.8 ? COUNTIES[0] : COUNTIES[1],
    org_code: `org${n % 150}`,
    domain: pick(DOMAINS),
    township: pick(TOWNSHIPS),
    stage: pick(STAGES),
    overdue: random() < 0.3,
    escalation_level: pick([0, 0, 1, 2, 3] as const),
    person_ids: [`sec${n}`, `leader${n % 7}`],
    revision: 1,
    stage_durations: randomDurations(),
    state: randomState(),
    ...randomMeasures(),
  };
}

/** Rows inserted (or, with `onConflict`, upserted) by ONE statement. */
async function insertRows(rows: BulkRow[], onConflict = false): Promise<void> {
  await ds.query(
    `INSERT INTO case_record (case_id, campaign_id, county, org_code, org_name, domain, township, stage, round, overdue, escalation_level,
       problem_count, open_problem_count, measure_count, measures_done, measures_reported, person_ids, stage_entered_at, created_at, updated_at, seq, revision, stage_durations, state)
     SELECT x.case_id, x.campaign_id, x.county, x.org_code, x.org_code || '党支部', x.domain, x.township, x.stage, 1, x.overdue, x.escalation_level,
       2, 1, x.measure_count, x.measures_done, x.measures_reported, x.person_ids, now(), now(), now(), 1, x.revision, x.stage_durations, x.state
     FROM jsonb_to_recordset($1::jsonb) AS x(case_id text, campaign_id text, county text, org_code text, domain text, township text, stage text,
       overdue boolean, escalation_level smallint, person_ids text[], revision int, stage_durations jsonb, state jsonb,
       measure_count int, measures_done int, measures_reported int)
     ${
       onConflict
         ? `ON CONFLICT (case_id) DO UPDATE SET stage = EXCLUDED.stage, overdue = EXCLUDED.overdue, escalation_level = EXCLUDED.escalation_level,
              measure_count = EXCLUDED.measure_count, measures_done = EXCLUDED.measures_done, measures_reported = EXCLUDED.measures_reported,
              stage_durations = EXCLUDED.stage_durations, state = EXCLUDED.state, revision = EXCLUDED.revision WHERE case_record.revision < EXCLUDED.revision`
         : ''
     }`,
    [JSON.stringify(rows)],
  );
}

/** A write as the workflow's persistence activity makes it, through the real repository. */
function projection(
  caseId: string,
  place: { campaignId: string; county: string; township: string; domain: OrgDomain; orgCode: string },
  revision: number,
  toStage?: Stage,
): ProjectionWrite {
  // A history of stage changes; the repository derives stage_durations from it, as in production.
  const changes = 1 + int(5);
  let at = Date.UTC(2026, 0, 1) + int(100) * DAY;
  const history: { to: Stage; at: string }[] = [];
  for (let i = 0; i < changes; i++) {
    history.push({ to: pick(STAGES), at: new Date(at).toISOString() });
    at += int(60) * DAY + int(DAY);
  }
  if (toStage) history.push({ to: toStage, at: new Date(at).toISOString() });
  const stage = history[history.length - 1].to;
  const updatedAt = new Date(at).toISOString();
  const state = { ...randomState(), history } as unknown as ProjectionWrite['state'];
  const measures = randomMeasures();
  return {
    state,
    events: [],
    revision,
    summary: {
      caseId,
      campaignId: place.campaignId,
      county: place.county,
      orgCode: place.orgCode,
      orgName: `${place.orgCode}党支部`,
      domain: place.domain,
      township: place.township,
      isKeyVillage: false,
      stage,
      round: 1,
      overdue: random() < 0.3,
      escalationLevel: pick([0, 1, 2, 3] as const),
      talks: 0,
      organizationalHandling: false,
      problemCount: 2,
      openProblemCount: 1,
      measureCount: measures.measure_count,
      measuresDone: measures.measures_done,
      measuresReported: measures.measures_reported,
      personIds: [`sec-${caseId}`, `leader${int(6)}`],
      satisfactionRate: null,
      nextDueAt: null,
      stageEnteredAt: history[history.length - 1].at,
      delistedAt: null,
      createdAt: history[0].at,
      updatedAt,
      seq: revision,
    },
  };
}

interface CaseRow {
  case_id: string;
  county: string;
  campaign_id: string;
  township: string;
  domain: string;
  stage: string;
  overdue: boolean;
  escalation_level: number;
  org_code: string;
  person_ids: string[];
  satisfied_count: number | null;
  basically_satisfied_count: number | null;
  dissatisfied_count: number | null;
  satisfaction_threshold: number | null;
  stage_durations: unknown;
  measure_count: number;
  measures_done: number;
  measures_reported: number;
  proposals: unknown;
}

const inScope = (scope: Scope, row: CaseRow): boolean =>
  row.county === scope.county && (scope.level === 'county' || (scope.level === 'township' ? row.township === scope.township : row.org_code === scope.orgCode));

/** The summary computed from scratch over the case_record rows, independently of both SQL paths. */
function expected(rows: CaseRow[], filter: CaseFilter): CaseDashboard {
  const matching = rows.filter(
    (row) =>
      inScope(filter.scope, row) &&
      (filter.campaignId === undefined || row.campaign_id === filter.campaignId) &&
      (filter.stage === undefined || row.stage === filter.stage) &&
      (filter.domain === undefined || row.domain === filter.domain) &&
      (filter.township === undefined || row.township === filter.township) &&
      (filter.overdue === undefined || row.overdue === filter.overdue) &&
      (filter.escalationLevel === undefined || row.escalation_level === filter.escalationLevel) &&
      (filter.personId === undefined || row.person_ids.includes(filter.personId)) &&
      (filter.awaiting === undefined || awaits(row, filter.awaiting)),
  );
  const tally = (key: (row: CaseRow) => string) => {
    const counts: Record<string, number> = {};
    for (const row of matching) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
    return counts;
  };
  const byStage = tally((row) => row.stage);
  const byLevel = tally((row) => String(row.escalation_level));
  const total = matching.length;
  // The domain's definitions, so the SQL of both dashboard paths and of the counters' trigger is pinned to them.
  const converted = matching.filter((row) => isStage(row.stage) && isConverted(row.stage)).length;
  const sum = (value: (row: CaseRow) => number | null) => matching.reduce((acc, row) => acc + (value(row) ?? 0), 0);
  const satisfied = sum((row) => row.satisfied_count);
  const basicallySatisfied = sum((row) => row.basically_satisfied_count);
  const dissatisfied = sum((row) => row.dissatisfied_count);
  const ratingsOf = (row: CaseRow) =>
    row.satisfied_count === null || row.basically_satisfied_count === null || row.dissatisfied_count === null
      ? null
      : row.satisfied_count + row.basically_satisfied_count + row.dissatisfied_count;
  const rated = matching.filter((row) => (ratingsOf(row) ?? 0) > 0);
  const belowThreshold = rated.filter(
    (row) =>
      row.satisfaction_threshold !== null &&
      isBelowThreshold({ satisfied: row.satisfied_count!, basicallySatisfied: row.basically_satisfied_count!, dissatisfied: row.dissatisfied_count! }, row.satisfaction_threshold),
  ).length;
  const durations: Record<string, { ms: number; n: number }> = {};
  for (const row of matching) {
    if (typeof row.stage_durations !== 'object' || row.stage_durations === null) continue;
    for (const [stage, ms] of Object.entries(row.stage_durations)) {
      if (typeof ms !== 'number') continue;
      durations[stage] = { ms: (durations[stage]?.ms ?? 0) + ms, n: (durations[stage]?.n ?? 0) + 1 };
    }
  }
  return {
    total,
    byStage: Object.fromEntries(STAGES.map((stage) => [stage, byStage[stage] ?? 0])) as Record<Stage, number>,
    byDomain: tally((row) => row.domain),
    byTownship: tally((row) => row.township),
    overdue: matching.filter((row) => row.overdue).length,
    escalationsByLevel: { '0': byLevel['0'] ?? 0, '1': byLevel['1'] ?? 0, '2': byLevel['2'] ?? 0, '3': byLevel['3'] ?? 0 },
    converted,
    conversionRate: conversionRate(converted, total),
    averageDaysPerStage: Object.fromEntries(
      Object.entries(durations)
        .filter(([stage]) => (STAGES as readonly string[]).includes(stage))
        .map(([stage, { ms, n }]) => [stage, Math.round((ms / n / DAY) * 1000) / 1000]),
    ),
    satisfaction: {
      satisfied,
      basicallySatisfied,
      dissatisfied,
      rate: satisfactionRate({ satisfied, basicallySatisfied, dissatisfied }) ?? null,
      ratedCases: rated.length,
      belowThreshold,
    },
  };
}

/** Every scope and filter the summary takes, over the places the rows use (and some they do not). */
function filters(rows: CaseRow[]): CaseFilter[] {
  const result: CaseFilter[] = [];
  for (const county of [...COUNTIES, '无此县']) {
    const countyScope: Scope = { level: 'county', county };
    result.push({ scope: countyScope });
    for (const campaignId of [...CAMPAIGNS, 'camp-none']) result.push({ scope: countyScope, campaignId });
    for (const township of TOWNSHIPS) {
      const townshipScope: Scope = { level: 'township', county, township };
      result.push({ scope: townshipScope }, { scope: townshipScope, campaignId: CAMPAIGNS[0] });
    }
    // A township filter inside and outside a township user's own township.
    result.push({ scope: { level: 'township', county, township: TOWNSHIPS[1] }, township: TOWNSHIPS[1] });
    result.push({ scope: { level: 'township', county, township: TOWNSHIPS[1] }, township: TOWNSHIPS[2] });
    const campaignId = CAMPAIGNS[1];
    result.push(
      { scope: countyScope, campaignId, stage: 'remediating' },
      { scope: countyScope, stage: 'delisted' },
      { scope: countyScope, campaignId, domain: 'rural' },
      { scope: countyScope, campaignId, township: TOWNSHIPS[3] },
      { scope: countyScope, campaignId, overdue: true },
      { scope: countyScope, overdue: false },
      { scope: countyScope, campaignId, escalationLevel: 2 },
      { scope: countyScope, escalationLevel: 0, domain: 'community', overdue: true },
      { scope: countyScope, campaignId: CAMPAIGNS[2], township: TOWNSHIPS[0], stage: 'planning', domain: 'rural', overdue: false, escalationLevel: 0 },
      { scope: { level: 'township', county, township: TOWNSHIPS[0] }, campaignId, stage: 'identified', escalationLevel: 1 },
      // 待约谈, 待组织处理: the summary's links to the list.
      { scope: countyScope, awaiting: 'talk' },
      { scope: countyScope, campaignId, awaiting: 'organizational_handling' },
      { scope: { level: 'township', county, township: TOWNSHIPS[1] }, awaiting: 'talk' },
    );
  }
  // The filters the counters cannot express: one organization, one person.
  for (const row of rows.slice(0, 3)) {
    result.push({ scope: { level: 'organization', county: row.county, orgCode: row.org_code } });
    result.push({ scope: { level: 'organization', county: row.county, orgCode: row.org_code }, campaignId: row.campaign_id });
    result.push({ scope: { level: 'county', county: row.county }, personId: row.person_ids[0] });
  }
  return result;
}

async function caseRows(): Promise<CaseRow[]> {
  return ds.query(
    `SELECT case_id, county, campaign_id, township, domain, stage, overdue, escalation_level, org_code, person_ids,
       satisfied_count, basically_satisfied_count, dissatisfied_count, satisfaction_threshold, stage_durations, measure_count, measures_done, measures_reported,
       state -> 'escalation' -> 'proposals' AS proposals
     FROM case_record ORDER BY case_id`,
  );
}

/** Whether a proposal of this kind waits for a decision, read from the state's proposals in TypeScript. */
const awaits = (row: CaseRow, kind: string) =>
  Array.isArray(row.proposals) && row.proposals.some((proposal: { kind?: unknown; status?: unknown }) => proposal.kind === kind && proposal.status === 'proposed');

/** The figures from scratch that the summary shows beside the dashboard: the measures, and the cases awaiting a decision. */
function expectedBeside(rows: CaseRow[], filter: Pick<CaseFilter, 'scope' | 'campaignId'>) {
  const matching = rows.filter((row) => inScope(filter.scope, row) && (filter.campaignId === undefined || row.campaign_id === filter.campaignId));
  const sum = (value: (row: CaseRow) => number) => matching.reduce((acc, row) => acc + value(row), 0);
  return {
    measures: { total: sum((row) => row.measure_count), done: sum((row) => row.measures_done), reported: sum((row) => row.measures_reported) },
    awaiting: { talk: sum((row) => Number(awaits(row, 'talk'))), organizational_handling: sum((row) => Number(awaits(row, 'organizational_handling'))) },
  };
}

/** Every filter's summary from the repository equals the summary from scratch, and so do the measure figures. */
async function expectSummariesMatch(): Promise<number> {
  const rows = await caseRows();
  const query = new CaseQueryRepository(ds);
  for (const filter of filters(rows)) {
    const actual = await query.dashboard(filter);
    expect({ filter, summary: actual }).toEqual({ filter, summary: expected(rows, filter) });
    // The list's total (from the counters where they cover the filter) is the summary's from scratch too.
    const page = await query.page(filter, { sort: 'updatedAt', order: 'desc', offset: 0, limit: 5 });
    expect({ filter, total: page.total }).toEqual({ filter, total: expected(rows, filter).total });
    // The figures beside it take a scope and a campaign only (as the summary endpoint asks).
    const beside = { scope: filter.scope, campaignId: filter.campaignId };
    const [measures, awaiting] = await Promise.all([query.measureCounts(beside), query.awaitingCounts(beside)]);
    expect({ beside, measures, awaiting }).toEqual({ beside, ...expectedBeside(rows, beside) });
  }
  // Groups that fell to zero are gone; the counters hold every case once.
  const [{ zero, cases }] = await ds.query(`SELECT count(*) FILTER (WHERE cases = 0)::int AS zero, coalesce(sum(cases), 0)::int AS cases FROM case_dashboard_counter`);
  expect({ zero, cases }).toEqual({ zero: 0, cases: rows.length });
  return rows.length;
}

const placeOf = (row: CaseRow | BulkRow) => ({ campaignId: row.campaign_id, county: row.county, township: row.township, domain: row.domain as OrgDomain, orgCode: row.org_code });

it('keeps the counters equal to a from-scratch summary through inserts, concurrent upserts, updates, deletes, a backfill and a truncate', async () => {
  expect(await expectSummariesMatch()).toBe(0);

  // Many rows and groups in ONE statement.
  const bulk = Array.from({ length: 800 }, randomRow);
  await insertRows(bulk);
  expect(await expectSummariesMatch()).toBe(800);

  // Concurrent projection writes, through the real repository: new cases, newer revisions of
  // existing ones, stale revisions (ignored by the revision guard), and several writes racing on the
  // same case. More writers than pooled connections, so they queue on the counters' row locks.
  const writer = new CaseReadModelRepository(ds);
  const writes: ProjectionWrite[] = [];
  for (let i = 0; i < 150; i++) writes.push(projection(`new:${i}`, placeOf(randomRow()), 1));
  for (const row of bulk.slice(0, 300)) writes.push(projection(row.case_id, placeOf(row), 2 + int(3)));
  for (const row of bulk.slice(300, 350)) writes.push(projection(row.case_id, placeOf(row), 1)); // stale: revision 1 is there already
  for (const row of bulk.slice(350, 370)) for (let revision = 2; revision < 8; revision++) writes.push(projection(row.case_id, placeOf(row), revision));
  writes.sort(() => random() - 0.5);
  await Promise.all(writes.map((write) => writer.writeProjection(write)));
  expect(await expectSummariesMatch()).toBe(950);
  // The racing writes left the newest revision of each case.
  const raced: { revision: number }[] = await ds.query(`SELECT revision FROM case_record WHERE case_id = ANY($1)`, [bulk.slice(350, 370).map((row) => row.case_id)]);
  expect(raced.every((row) => row.revision === 7)).toBe(true);

  // Multi-row updates, each one statement, moving cases between groups and changing what they add up.
  await ds.query(`UPDATE case_record SET overdue = NOT overdue WHERE township = $1`, [TOWNSHIPS[0]]);
  await ds.query(`UPDATE case_record SET escalation_level = (escalation_level + 1) % 4 WHERE campaign_id = $1 AND domain = 'rural'`, [CAMPAIGNS[0]]);
  await ds.query(`UPDATE case_record SET stage = 'archived' WHERE stage = 'follow_up_review' AND overdue`);
  await ds.query(`UPDATE case_record SET township = $1, domain = 'community' WHERE township = $2 AND campaign_id = $3`, [TOWNSHIPS[4], TOWNSHIPS[1], CAMPAIGNS[1]]);
  await ds.query(`UPDATE case_record SET county = $1, campaign_id = $2 WHERE case_id LIKE 'case:1%'`, [COUNTIES[1], CAMPAIGNS[2]]);
  await ds.query(`UPDATE case_record SET state = jsonb_set(state, '{satisfaction}', '{"satisfied": 1, "basicallySatisfied": 0, "dissatisfied": 9}') WHERE stage = 'publicizing'`);
  await ds.query(`UPDATE case_record SET state = state - 'policy' WHERE stage = 'county_acceptance'`);
  await ds.query(`UPDATE case_record SET stage_durations = stage_durations || '{"remediating": 1234567}' WHERE stage = 'remediating'`);
  await ds.query(`UPDATE case_record SET stage_durations = '{}' WHERE stage = 'identified' AND NOT overdue`);
  await ds.query(`UPDATE case_record SET measures_done = measures_done + measures_reported, measures_reported = 0 WHERE township = $1`, [TOWNSHIPS[2]]);
  await ds.query(`UPDATE case_record SET measure_count = measure_count + 2 WHERE stage = 'remediating' AND domain = 'rural'`);
  await ds.query(`UPDATE case_record SET state = jsonb_set(state, '{escalation}', '{"proposals": [{"kind": "talk", "status": "proposed"}]}') WHERE domain = 'community'`);
  await ds.query(`UPDATE case_record SET state = state - 'escalation' WHERE township = $1 AND stage = 'remediating'`, [TOWNSHIPS[3]]);
  await ds.query(`UPDATE case_record SET updated_at = now() WHERE campaign_id = $1`, [CAMPAIGNS[2]]); // changes nothing counted
  expect(await expectSummariesMatch()).toBe(950);

  // Deletes: one row, many rows, a whole group.
  await ds.query(`DELETE FROM case_record WHERE case_id = $1`, [bulk[500].case_id]);
  await ds.query(`DELETE FROM case_record WHERE case_id LIKE 'new:1%'`);
  await ds.query(`DELETE FROM case_record WHERE campaign_id = $1 AND township = $2 AND stage = 'planning'`, [CAMPAIGNS[0], TOWNSHIPS[2]]);
  // One INSERT … ON CONFLICT DO UPDATE statement both inserting new rows and updating existing ones.
  // (The update keeps an existing case's place, as the projection's upsert does.)
  await insertRows([...Array.from({ length: 40 }, randomRow), ...bulk.slice(600, 680).map((row) => ({ ...randomRow(), case_id: row.case_id, revision: 50 }))], true);
  const afterDeletes = await expectSummariesMatch();

  // Projection writes racing with multi-row statements on other connections.
  const current = await caseRows();
  const racing = current.filter((_, i) => i % 3 === 0).map((row) => projection(row.case_id, placeOf(row), 100 + int(5)));
  const statements = async () => {
    await ds.query(`UPDATE case_record SET overdue = NOT overdue WHERE domain = 'state_owned_enterprise'`);
    await ds.query(`UPDATE case_record SET stage = 'delisted', stage_durations = stage_durations || '{"delisted": 86400000}' WHERE stage = 'county_acceptance'`);
    await ds.query(`DELETE FROM case_record WHERE case_id IN (SELECT case_id FROM case_record WHERE escalation_level = 3 ORDER BY case_id LIMIT 25)`);
    await ds.query(`UPDATE case_record SET escalation_level = 0 WHERE township = $1`, [TOWNSHIPS[3]]);
  };
  await Promise.all([...racing.map((write) => writer.writeProjection(write)), statements()]);
  expect(await expectSummariesMatch()).toBeLessThan(afterDeletes);

  // The migrations' backfills count rows that are already there: drop the counters and make them again.
  const counters = new CaseDashboardCounters1795369300000();
  const measureCounters = new CaseDashboardMeasureCounters1795460000070();
  const awaitingCounters = new CaseAwaitingCounters1795460000080();
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await awaitingCounters.down(runner);
    await measureCounters.down(runner);
    await counters.down(runner);
    await counters.up(runner);
    await measureCounters.up(runner);
    await awaitingCounters.up(runner);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
  const backfilled = await expectSummariesMatch();
  expect(backfilled).toBeGreaterThan(800);

  // After the backfill the triggers count again.
  await insertRows(Array.from({ length: 30 }, randomRow));
  await ds.query(`UPDATE case_record SET stage = 'archived' WHERE stage = 'delisted'`);
  expect(await expectSummariesMatch()).toBe(backfilled + 30);

  await ds.query('TRUNCATE case_record');
  expect(await expectSummariesMatch()).toBe(0);
});

it('answers through the read model repository exactly as the workflow writes it: durations from the history', async () => {
  // One case written twice: the second write moves it to another stage and grows its durations.
  const writer = new CaseReadModelRepository(ds);
  const place = { campaignId: 'camp-d', county: COUNTIES[0], township: TOWNSHIPS[0], domain: 'rural' as OrgDomain, orgCode: 'orgD' };
  const first = projection('case:d', place, 1);
  const second = projection('case:d', place, 2);
  await writer.writeProjection(first);
  await writer.writeProjection(second);
  const durations = stageDurations({ ...second.state, timeline: [] } as CaseState, second.summary.updatedAt);
  const summary = await new CaseQueryRepository(ds).dashboard({ scope: { level: 'county', county: COUNTIES[0] }, campaignId: 'camp-d' });
  expect(summary.total).toBe(1);
  expect(summary.byStage[second.summary.stage]).toBe(1);
  expect(summary.averageDaysPerStage).toEqual(Object.fromEntries(Object.entries(durations).map(([stage, ms]) => [stage, Math.round((ms! / DAY) * 1000) / 1000])));
  await expectSummariesMatch();
});

it('moves cases between two groups in opposite directions at once without deadlocks', async () => {
  // Every write subtracts from one counter row and adds to another: half of them planning → remediating,
  // half remediating → planning. Counter rows locked in the order the rows were touched would deadlock.
  const place = { campaignId: 'camp-e', county: COUNTIES[0], township: TOWNSHIPS[0], domain: 'rural' as OrgDomain };
  const cases = Array.from({ length: 300 }, (_, i) => ({ caseId: `case:e${i}`, from: (i % 2 === 0 ? 'planning' : 'remediating') as Stage }));
  const writer = new CaseReadModelRepository(ds);
  for (const { caseId, from } of cases) await writer.writeProjection(projection(caseId, { ...place, orgCode: caseId }, 1, from));
  const moves = [2, 3, 4].flatMap((revision) =>
    cases.map(({ caseId, from }) => projection(caseId, { ...place, orgCode: caseId }, revision, (revision % 2 === 0) === (from === 'planning') ? 'remediating' : 'planning')),
  );
  const results = await Promise.allSettled(moves.map((write) => writer.writeProjection(write)));
  expect(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
  const summary = await new CaseQueryRepository(ds).dashboard({ scope: { level: 'county', county: COUNTIES[0] }, campaignId: 'camp-e' });
  expect([summary.byStage.planning, summary.byStage.remediating]).toEqual([150, 150]);
  await expectSummariesMatch();
});
