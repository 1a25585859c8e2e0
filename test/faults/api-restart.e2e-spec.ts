/**
 * The API process killed with -9 while many cases are driven over HTTP, and started again on the
 * same port. Each client sends every action with its own Idempotency-Key and, like a real client,
 * repeats the same request with the same key (with backoff) on a connection error, a 5xx or a 409
 * in_progress until it gets a definite answer. The first kill lands while requests wait to write
 * their audit entries, i.e. after the workflow applied their Update and before anything recorded
 * it; the second at whatever point the requests are. Afterwards every case is where its actions
 * lead with each action applied once, the read model agrees with every workflow, the audit chain is
 * intact with an accepted entry per action, and every key has its answer stored.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createWorkerActivities } from '@zhengdun/activities';
import { loadConfig } from '@zhengdun/config';
import type { Actor, CaseState, OrgDomain } from '@zhengdun/domain';
import { AUDIT_CHAIN_LOCK, canonicalJson, freePort, sha256Hex } from '@zhengdun/persistence';
import type { CaseClient } from '@zhengdun/temporal';
import { mintDevToken } from '../../apps/api/src/core/auth/dev-tokens';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { enc } from '../support/api-harness';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { TEST_JWT_SECRET } from '../support/test-auth';
import { ALL_CHECKS, auditor, committee, county, leaderOf, measuresFor, secretaryOf } from '../support/cases';
import { caseClientFor, createTestDatabase, startTestWorker, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';

const CASES = 24;
const DOMAINS: OrgDomain[] = ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'];
/** submitPlan, approvePlan, reportProgress, (reportMeasureDone, verifyMeasure) ×2, reportProgress, startPublicity, recordPreliminaryAcceptance */
const ACTIONS_PER_CASE = 10;
/** What the actions (and the publicity timer) write to each case's timeline, in order. */
const EXPECTED_TIMELINE = [
  'case_opened',
  'stage_changed', // identified → assigned (the team comes with the case)
  'stage_changed', // assigned → planning
  'plan_submitted',
  'stage_changed', // planning → remediating
  'plan_publicized',
  'progress_reported',
  'measure_reported',
  'measure_verified',
  'measure_reported',
  'measure_verified',
  'progress_reported',
  'stage_changed', // remediating → publicizing
  'publicity_started',
  'publicity_period_ended',
  'stage_changed', // publicizing → preliminary_acceptance
  'preliminary_acceptance_recorded',
  'stage_changed', // preliminary_acceptance → county_acceptance
];
/** A short lease, so that a key held by a killed API is taken over within seconds. */
const LEASE_MS = 3000;
const REQUEST_DEADLINE_MS = 90_000;

const taskQueue = uniqueTaskQueue('api-restart');
// The same secret startApiProcess gives the API it starts.
const auth = loadConfig({ JWT_SECRET: TEST_JWT_SECRET }).auth;
let db: TestDatabase;
let worker: RunningTestWorker;
let cases: CaseClient;
let closeClient: () => Promise<void>;
let port: number;
let api: ApiProcess;
let restarting: Promise<void> | undefined;

const stats = {
  requests: 0,
  attempts: 0,
  connectionErrors: 0,
  serverErrors: 0,
  inProgress: 0,
  replayed: 0,
  /** Answered 200 by running again (not a replay) after an attempt whose answer was lost. */
  rerunAfterLostAnswer: 0,
  /** Attempts whose answer was lost although the workflow had already applied the action. */
  appliedButAnswerLost: 0,
  actionsAnswered: 0,
};
const inFlight = new Set<string>();

interface SentAction {
  caseId: string;
  action: string;
  userId: string;
  /** The payload's digest as the audit trail records it: canonical JSON of { type, ...body }. */
  digest: string;
  key: string;
}
const sent: SentAction[] = [];
/** Keys of the campaign and of the cases opened, as the API stores them. */
const openingKeys: string[] = [];

const tokens = new Map<string, Promise<string>>();
function token(actor: Actor): Promise<string> {
  // Per actor, not per user id: a leader of several organizations has a token per organization.
  const id = JSON.stringify(actor);
  if (!tokens.has(id)) tokens.set(id, mintDevToken(auth, actor));
  return tokens.get(id)!;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => pause(Math.min(1000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  replayed: boolean;
}

/**
 * One request as a retrying client sends it: the same request (and key) again on a connection error,
 * a 5xx or 409 in_progress, until a definite answer. `onLost` runs after an attempt without an answer.
 */
async function request(method: 'GET' | 'POST', path: string, actor: Actor, body?: unknown, key?: string, onLost?: () => Promise<void>): Promise<Answer> {
  const id = randomUUID();
  const deadline = Date.now() + REQUEST_DEADLINE_MS;
  stats.requests += 1;
  inFlight.add(id);
  let lost = false;
  try {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error(`${method} ${path} got no definite answer within ${REQUEST_DEADLINE_MS} ms`);
      stats.attempts += 1;
      let response: Response;
      try {
        response = await fetch(`${api.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${await token(actor)}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(key !== undefined ? { 'idempotency-key': key } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
      } catch {
        stats.connectionErrors += 1;
        if (!lost) await onLost?.();
        lost = true;
        await backoff(attempt);
        continue;
      }
      const text = await response.text().catch(() => undefined);
      if (text === undefined) {
        stats.connectionErrors += 1;
        lost = true;
        await backoff(attempt);
        continue;
      }
      const parsed = text.length > 0 && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
      if (response.status >= 500) {
        stats.serverErrors += 1;
        lost = true;
        await backoff(attempt);
        continue;
      }
      if (response.status === 409 && parsed?.code === 'in_progress') {
        stats.inProgress += 1;
        await backoff(attempt);
        continue;
      }
      const replayed = response.headers.get('idempotency-replayed') === 'true';
      if (replayed) stats.replayed += 1;
      else if (lost && key !== undefined && response.status === 200) stats.rerunAfterLostAnswer += 1;
      return { status: response.status, body: parsed, replayed };
    }
  } finally {
    inFlight.delete(id);
  }
}

async function view(caseId: string): Promise<CaseState> {
  const answer = await request('GET', `/cases/${enc(caseId)}`, county);
  if (answer.status !== 200) throw new Error(`GET ${caseId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.case;
}

/** Sends one action with a fresh key, retrying until a definite answer, which must be 200. */
async function act(caseId: string, action: string, actor: Actor, body: Record<string, unknown>, seqBefore: number): Promise<CaseState> {
  const key = `${action}-${randomUUID()}`;
  sent.push({ caseId, action, userId: actor.userId, digest: sha256Hex(canonicalJson({ type: action, ...body })), key });
  const checkApplied = async () => {
    const state = await cases.state(caseId).catch(() => undefined);
    if (state && state.seq > seqBefore) stats.appliedButAnswerLost += 1;
  };
  const answer = await request('POST', `/cases/${enc(caseId)}/actions/${action}`, actor, body, key, checkApplied);
  if (answer.status !== 200) throw new Error(`${action} on ${caseId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  stats.actionsAnswered += 1;
  return answer.body;
}

async function driveCase(caseId: string): Promise<void> {
  let state = await view(caseId);
  const orgCode = state.org.code;
  const secretary = secretaryOf(orgCode);
  const leader = leaderOf(orgCode, state.team[0]);
  state = await act(caseId, 'submitPlan', secretary, { measures: measuresFor(state) }, state.seq);
  state = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' }, state.seq);
  state = await act(caseId, 'reportProgress', leader, { summary: '本月召开党员大会1次，化解矛盾2件' }, state.seq);
  for (const measure of state.measures.filter((m) => m.status === 'pending')) {
    state = await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: `已落实${measure.id}，台账附后` }, state.seq);
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经核验属实' }, state.seq);
  }
  state = await act(caseId, 'reportProgress', secretary, { summary: '各项措施均已销项' }, state.seq);
  state = await act(caseId, 'startPublicity', committee, {}, state.seq);
  // The publicity period (2 s) ends on the workflow's timer.
  const deadline = Date.now() + 60_000;
  while (state.stage !== 'preliminary_acceptance') {
    if (Date.now() > deadline) throw new Error(`${caseId} stayed in ${state.stage}`);
    await pause(300);
    state = await view(caseId);
  }
  await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '台账完整，措施落实' }, state.seq);
}

async function restartApi(): Promise<void> {
  api = await startApiProcess({ databaseUrl: db.url, taskQueue, port, extraEnv: { IDEMPOTENCY_LEASE_MS: String(LEASE_MS) } });
}

let clientsDone = false;

/** Until the clients have had this share of their actions answered (false if they stopped before). */
async function untilAnswered(share: number): Promise<boolean> {
  while (stats.actionsAnswered < CASES * ACTIONS_PER_CASE * share) {
    if (clientsDone) return false;
    await pause(50);
  }
  return true;
}

/** Requests of this database's connections waiting for the audit chain's lock. */
async function waitingForAuditLock(pg: PgClient): Promise<number> {
  const [{ n }] = (
    await pg.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = $1 AND d.datname = current_database()`,
      [AUDIT_CHAIN_LOCK],
    )
  ).rows;
  return n;
}

interface Kill {
  inFlight: number;
  /** Requests whose Update was applied and which waited for the audit lock when the API died. */
  afterUpdateBeforeAudit?: number;
  restartMs: number;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const temporal = await caseClientFor(taskQueue);
  cases = temporal.cases;
  closeClient = temporal.close;
  worker = await startTestWorker(taskQueue, db.dataSource, createWorkerActivities({ dataSource: db.dataSource, client: temporal.client, taskQueue }));
  port = await freePort();
  await restartApi();
});

afterAll(async () => {
  await restarting?.catch(() => undefined);
  await api?.stop();
  await worker?.stop();
  await closeClient?.();
  await db?.drop();
});

it('loses no action and doubles none when the API is killed with -9 twice while cases are in flight', async () => {
  const started = Date.now();
  const campaignKey = `campaign-${randomUUID()}`;
  openingKeys.push(`user:${county.userId}:${campaignKey}`);
  const campaign = await request('POST', '/campaigns', county, campaignBody(), campaignKey);
  expect(campaign.status).toBe(201);
  const caseIds = await Promise.all(
    Array.from({ length: CASES }, async (_, i) => {
      const key = `open-${randomUUID()}`;
      openingKeys.push(`user:${county.userId}:${key}`);
      const answer = await request('POST', `/campaigns/${campaign.body.id}/cases`, county, openCaseBody(DOMAINS[i % DOMAINS.length], { orgCode: newOrgCode() }), key);
      expect(answer.status).toBe(201);
      return answer.body.caseId as string;
    }),
  );

  const kills: Kill[] = [];
  const killer = (async () => {
    // First kill: hold the audit chain's lock, so that requests stop right after their Update was
    // applied and before their audit entry and stored answer; kill the API while they wait.
    if (!(await untilAnswered(0.2))) return;
    const lock = new PgClient({ connectionString: db.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // Not longer than ~2 s: a request that waited 5 s for a pooled connection would fail its append.
    let waiting = 0;
    for (const until = Date.now() + 2000; Date.now() < until && waiting < 6; await pause(100)) waiting = await waitingForAuditLock(lock);
    const inFlightAtKill = inFlight.size;
    await api.crash();
    await lock.query('ROLLBACK');
    await lock.end();
    let restartStarted = Date.now();
    restarting = restartApi();
    await restarting;
    kills.push({ inFlight: inFlightAtKill, afterUpdateBeforeAudit: waiting, restartMs: Date.now() - restartStarted });
    // Second kill: wherever the requests are.
    if (!(await untilAnswered(0.55))) return;
    const inFlightAtSecond = inFlight.size;
    await api.crash();
    restartStarted = Date.now();
    restarting = restartApi();
    await restarting;
    kills.push({ inFlight: inFlightAtSecond, restartMs: Date.now() - restartStarted });
  })();

  killer.catch(() => undefined); // awaited below, once the clients are done
  const driven = await Promise.allSettled(caseIds.map((caseId) => driveCase(caseId)));
  clientsDone = true;
  await killer;
  const failures = driven.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  expect(failures).toEqual([]);
  expect(kills).toHaveLength(2);
  expect(kills[0].afterUpdateBeforeAudit).toBeGreaterThanOrEqual(1);
  expect(stats.actionsAnswered).toBe(CASES * ACTIONS_PER_CASE);

  // Every case where its actions lead, each action applied once.
  for (const caseId of caseIds) {
    const state = await cases.state(caseId);
    expect({ caseId, stage: state.stage }).toEqual({ caseId, stage: 'county_acceptance' });
    expect(state.history.map((change) => change.to)).toEqual([
      'identified',
      'assigned',
      'planning',
      'remediating',
      'publicizing',
      'preliminary_acceptance',
      'county_acceptance',
    ]);
    expect(state.timeline.map((entry) => entry.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
    // Each action's entry once, in the order sent: none lost, none doubled.
    expect({ caseId, timeline: state.timeline.map((entry) => entry.type) }).toEqual({ caseId, timeline: EXPECTED_TIMELINE });
    expect(state.reports).toHaveLength(2);
    expect(state.measures.map((m) => m.status)).toEqual(['done', 'done']);
  }

  await expectReadModelMatchesWorkflows(db.dataSource, cases, { caseIds, timeoutMs: 30_000 });

  // The audit chain intact, with an accepted entry for every action, by the user who sent it.
  const verify = await request('GET', '/audit/verify', auditor);
  expect(verify.status).toBe(200);
  expect(verify.body.ok).toBe(true);
  const rows: { case_id: string; case_seq: number | null; action: string; user_id: string; payload_digest: string; outcome: string }[] = await db.dataSource.query(
    `SELECT case_id, case_seq, action, user_id, payload_digest, outcome FROM audit_entry WHERE case_id = ANY($1)`,
    [caseIds],
  );
  expect(verify.body.checked).toBeGreaterThanOrEqual(rows.length);
  const accepted = new Map<string, number>();
  for (const row of rows.filter((r) => r.outcome === 'accepted')) {
    const id = `${row.case_id}|${row.action}|${row.user_id}|${row.payload_digest}`;
    accepted.set(id, (accepted.get(id) ?? 0) + 1);
  }
  const unaudited = sent.filter((s) => !accepted.has(`${s.caseId}|${s.action}|${s.userId}|${s.digest}`)).map((s) => `${s.action} on ${s.caseId}`);
  expect(unaudited).toEqual([]);
  expect(rows.filter((r) => r.outcome.startsWith('refused'))).toEqual([]);
  // Exactly one entry per applied action, however many attempts reached the append (keyed by the case's seq after it).
  const actionEntries = rows.filter((r) => r.action !== 'openCase' && r.outcome.startsWith('accepted'));
  expect(actionEntries).toHaveLength(sent.length);
  expect(new Set(actionEntries.map((r) => `${r.case_id}|${r.case_seq}`)).size).toBe(sent.length);

  // Every key ends with its answer stored.
  const keys = sent.map((s) => `user:${s.userId}:${s.key}`);
  const stored: { key: string; status_code: number | null }[] = await db.dataSource.query(`SELECT key, status_code FROM idempotency_record WHERE key = ANY($1)`, [keys]);
  expect(stored.filter((r) => r.status_code !== 200)).toEqual([]);
  expect(stored).toHaveLength(sent.length);
  const opening: { status_code: number | null }[] = await db.dataSource.query(`SELECT status_code FROM idempotency_record WHERE key = ANY($1)`, [openingKeys]);
  expect(opening.map((r) => r.status_code)).toEqual(openingKeys.map(() => 201));

  const acceptedActionEntries = rows.filter((r) => r.outcome === 'accepted' && r.action !== 'openCase').length;
  console.log(
    `api-restart: ${CASES} cases, ${sent.length} actions, ${stats.requests} requests in ${stats.attempts} attempts; ` +
      `kills ${JSON.stringify(kills)}; connection errors ${stats.connectionErrors}, 5xx ${stats.serverErrors}, in_progress ${stats.inProgress}, ` +
      `replayed ${stats.replayed}, re-run after a lost answer ${stats.rerunAfterLostAnswer}, applied but answer lost ${stats.appliedButAnswerLost}; ` +
      `accepted audit entries for actions ${acceptedActionEntries} (other outcomes ${rows.filter((r) => r.outcome !== 'accepted').length}); ${Date.now() - started} ms`,
  );
});
