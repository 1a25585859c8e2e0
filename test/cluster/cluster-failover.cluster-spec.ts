/**
 * `npm run cluster` under failure: the cluster started as the command starts it (startCluster, on
 * ports and in a data directory of its own), one case driven through the proxy from identification
 * to archived, and on the way the history service, a worker and an API replica killed (SIGKILL) one
 * at a time. After each kill the supervisor must have restarted the process, the case must go on,
 * and the read model (GET /cases/:id) must agree with the case's workflow (its state query).
 * Then the same kills under load: many cases opened and acted on by concurrent clients while the
 * processes die, and afterwards every case is where its history says, once, with each action once in
 * its timeline and once in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { actionOfEntry, type Actor, type CaseState, type Stage } from '@zhengdun/domain';
import { CaseClient } from '@zhengdun/temporal';
import { startCluster, waitUntilClusterHealthy, type RunningCluster } from '../../infra/scripts/cluster';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
import { pool } from '../support/pool';
import { ALL_CHECKS, assessmentOf, committee, county, leaderOf, measuresFor, REVIEW_OK, SECONDS_POLICY, secretaryOf } from '../support/cases';

type CaseView = Omit<CaseState, 'timeline'>;

/** Ports apart from `npm run cluster`'s defaults, so that a cluster someone runs meanwhile is not in the way. */
const TEST_PORTS = { TEMPORAL_CLUSTER_PORT: '7433', CLUSTER_API_PORT: '3400', EMBEDDED_PG_PORT: '54349' };

let dataDir: string;
let cluster: RunningCluster;
let connection: Connection;
let cases: CaseClient;
const log: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${last ? `: ${String(last)}` : ''}`);
    await sleep(500);
  }
}

const tokens = new Map<string, Promise<string>>();
/** A development token from the cluster's own sign-in (POST /dev/tokens), once per actor (asked again after a failure). */
function tokenFor(actor: Actor): Promise<string> {
  const key = JSON.stringify(actor);
  if (!tokens.has(key)) {
    const token = fetch(`${cluster.apiUrl}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: key }).then(async (response) => {
      if (response.status !== 201) throw new Error(`POST /dev/tokens answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    });
    token.catch(() => tokens.delete(key));
    tokens.set(key, token);
  }
  return tokens.get(key)!;
}

/**
 * A request through the proxy. A 502 (a replica died under the request), a 503 (Temporal not
 * answering yet), a 409 `in_progress` (the first try still runs on the other replica) or a dropped
 * connection is sent again with the same Idempotency-Key, which the API answers with the first
 * outcome instead of acting twice: what a careful client does.
 */
async function call<T>(method: 'GET' | 'POST', url: string, as: Actor | undefined, body?: unknown): Promise<{ status: number; body: T }> {
  const idempotencyKey = `cluster-test-${randomUUID()}`;
  return eventually(`${method} ${url}`, 90_000, async () => {
    const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': idempotencyKey } : {};
    if (as) headers.authorization = `Bearer ${await tokenFor(as)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${cluster.apiUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 502 || response.status === 503) return undefined;
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    if (response.status === 409 && (parsed as { code?: string } | undefined)?.code === 'in_progress') return undefined;
    return { status: response.status, body: parsed };
  });
}

const enc = encodeURIComponent;

async function act(caseId: string, action: string, as: Actor, body: unknown = {}): Promise<CaseView> {
  const response = await call<CaseView>('POST', `/cases/${enc(caseId)}/actions/${action}`, as, body);
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function readModelView(caseId: string): Promise<CaseView> {
  const response = await call<{ case: CaseView }>('GET', `/cases/${enc(caseId)}`, county);
  expect(response.status).toBe(200);
  return response.body.case;
}

async function waitForStage(caseId: string, stage: Stage): Promise<CaseView> {
  return eventually(`stage ${stage}`, 60_000, async () => {
    const view = await readModelView(caseId);
    return view.stage === stage ? view : undefined;
  });
}

/** What must be equal in the read model and the workflow: where the case is and every change it went through. */
function essentials(view: Pick<CaseState, 'stage' | 'round' | 'seq' | 'measures' | 'history'>) {
  return { stage: view.stage, round: view.round, seq: view.seq, measures: view.measures.map((m) => `${m.id}:${m.status}`), history: view.history.map((change) => change.to) };
}

/** The read model catches up with the workflow (the projection runs in the workflow's own task). */
async function expectReadModelAgreesWithWorkflow(caseId: string): Promise<void> {
  let last: unknown;
  await eventually('the read model to agree with the workflow', 30_000, async () => {
    const [readModel, workflow] = await Promise.all([readModelView(caseId), cases.state(caseId)]);
    last = { readModel: essentials(readModel), workflow: essentials(workflow) };
    return JSON.stringify(essentials(readModel)) === JSON.stringify(essentials(workflow)) ? true : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${JSON.stringify(last, null, 2)}`);
  });
}

/** SIGKILL, then wait until the supervisor has started the process again. */
async function killAndAwaitRestart(name: string): Promise<void> {
  const victim = cluster.supervisor.running.get(name);
  if (!victim?.pid) throw new Error(`no running process ${name}`);
  process.kill(victim.pid, 'SIGKILL');
  await eventually(`${name} restarted`, 60_000, async () => {
    const current = cluster.supervisor.running.get(name);
    return current && current !== victim && current.exitCode === null ? true : undefined;
  });
  expect(log).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${name} exited \\(code null, signal SIGKILL\\); restarting`))]));
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-cluster-'));
  // Run as root, embedded Postgres runs as the `postgres` user, who must be able to reach its directory.
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_PORTS, ZHENGDUN_DATA_DIR: dataDir, ALLOW_SECONDS_PERIODS: 'true', LOG_LEVEL: process.env.ZD_TEST_LOG_LEVEL ?? 'warn' };
  // Its own embedded Postgres, never a DATABASE_URL the environment may name (the cluster creates databases there).
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const say = (line: string) => {
    log.push(line);
    process.stdout.write(`[cluster] ${line}\n`);
  };
  cluster = await startCluster({ env, say });
  await waitUntilClusterHealthy(cluster.apiUrl, 300_000, cluster.settings.workers);
  connection = await Connection.connect({ address: cluster.temporalAddress });
  cases = new CaseClient(new Client({ connection, namespace: cluster.setup.config.temporal.namespace }), cluster.setup.config.temporal.taskQueue);
}, 900_000);

afterAll(async () => {
  await connection?.close();
  await cluster?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it('drives a case to archived while the history service, a worker and an API replica are killed, and the read model agrees with the workflow after each', async () => {
  expect(cluster.numHistoryShards).toBeGreaterThanOrEqual(4);
  const campaign = await call<{ id: string }>('POST', '/campaigns', county, campaignBody({ ...SECONDS_POLICY, publicityPeriod: { amount: 3, unit: 'seconds' } }));
  expect(campaign.status).toBe(201);
  const orgCode = newOrgCode();
  const opened = await call<{ caseId: string }>('POST', `/campaigns/${campaign.body.id}/cases`, county, openCaseBody('rural', { orgCode }));
  expect(opened.status).toBe(201);
  const caseId = opened.body.caseId;
  const secretary = secretaryOf(orgCode);

  let state = await waitForStage(caseId, 'assigned');
  state = await act(caseId, 'submitPlan', secretary, { measures: measuresFor(state as CaseState) });
  expect(state.stage).toBe('planning');
  await expectReadModelAgreesWithWorkflow(caseId);

  // The history service holds the case's shard: while it restarts the frontend waits for it.
  await killAndAwaitRestart('temporal-history');
  state = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
  expect(state.stage).toBe('remediating');
  await expectReadModelAgreesWithWorkflow(caseId);

  // The other worker takes the case's workflow tasks meanwhile.
  await killAndAwaitRestart(cluster.workers[0]);
  state = await act(caseId, 'reportProgress', leaderOf(orgCode, state.team[0]), { summary: '本月召开党员大会1次，化解矛盾2件' });
  for (const measure of state.measures.filter((m) => m.status === 'pending')) {
    state = await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已召开党员大会通报整改情况，台账附后' });
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经实地核验，整改属实' });
  }
  await expectReadModelAgreesWithWorkflow(caseId);

  // The proxy sends everything to the other replica while this one is down or starting.
  await killAndAwaitRestart(cluster.apiReplicas[0]);
  state = await act(caseId, 'startPublicity', committee);
  expect(state.stage).toBe('publicizing');
  await waitForStage(caseId, 'preliminary_acceptance');
  state = await act(caseId, 'recordPreliminaryAcceptance', committee, { checks: ALL_CHECKS, opinion: '台账完整，措施落实' });
  state = await act(caseId, 'recordCountyAcceptance', county, { checks: ALL_CHECKS, opinion: '同意销号', assessment: assessmentOf() });
  expect(state.stage).toBe('delisted');
  await waitForStage(caseId, 'follow_up_review');
  state = await act(caseId, 'recordFollowUpReview', committee, {
    checks: REVIEW_OK,
    findings: { measuresCarriedOut: '“三会一课”按月召开，记录齐全' },
    opinion: '未发现反弹',
    reboundedProblemIds: [],
    newProblems: [],
  });
  expect(state.stage).toBe('archived');
  await expectReadModelAgreesWithWorkflow(caseId);

  const health = await call<{ details: { temporal: { workersPolling: number } } }>('GET', '/health', undefined);
  expect(health.status).toBe(200);
  expect(health.body.details.temporal.workersPolling).toBeGreaterThanOrEqual(1);
});

/** Every audit entry of the county, newest first (keyset pages). */
async function auditEntries(): Promise<{ action: string; outcome: string; caseId: string | null }[]> {
  const entries: { action: string; outcome: string; caseId: string | null }[] = [];
  let before: string | null = null;
  do {
    const page: { status: number; body: { items: typeof entries; nextBefore: string | null } } = await call('GET', `/audit/entries?limit=100${before ? `&before=${before}` : ''}`, county);
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    before = page.body.nextBefore;
  } while (before);
  return entries;
}

it('under load, with the history service, a worker and an API replica killed, opens every case once and takes every action once', async () => {
  const CASES = 24;
  const CLIENTS = 8;
  const STEPS = ['open', 'submitPlan', 'approvePlan', 'reportProgress'] as const;
  const campaign = await call<{ id: string }>('POST', '/campaigns', county, campaignBody());
  expect(campaign.status).toBe(201);
  const orgCodes = Array.from({ length: CASES }, () => newOrgCode());
  const caseIds = new Map<string, string>();
  const total = CASES * STEPS.length;
  let done = 0;
  const progressed = (share: number) => eventually(`${share * 100}% of the load`, 300_000, async () => (done >= total * share ? true : undefined));

  // Each client takes the next case and drives it through the steps; the kills fall while they work.
  const load = pool(orgCodes, CLIENTS, async (orgCode) => {
    const secretary = secretaryOf(orgCode);
    const opened = await call<{ caseId: string }>('POST', `/campaigns/${campaign.body.id}/cases`, county, openCaseBody('rural', { orgCode }));
    expect({ orgCode, status: opened.status, body: opened.body }).toMatchObject({ orgCode, status: 201 });
    const caseId = opened.body.caseId;
    caseIds.set(orgCode, caseId);
    done += 1;
    const assigned = await waitForStage(caseId, 'assigned');
    await act(caseId, 'submitPlan', secretary, { measures: measuresFor(assigned as CaseState) });
    done += 1;
    const remediating = await act(caseId, 'approvePlan', committee, { comment: '同意按此方案实施' });
    done += 1;
    await act(caseId, 'reportProgress', leaderOf(orgCode, remediating.team[0]), { summary: '本月召开党员大会1次，化解矛盾2件' });
    done += 1;
  });
  const kills = (async () => {
    await progressed(0.15);
    await killAndAwaitRestart('temporal-history');
    await progressed(0.4);
    await killAndAwaitRestart(cluster.workers[1]);
    await progressed(0.65);
    await killAndAwaitRestart(cluster.apiReplicas[1]);
  })();
  await Promise.all([load, kills]);
  expect(done).toBe(total);

  // Every case once, each in the state its history says, and the read model agreeing with it.
  expect(new Set(caseIds.values()).size).toBe(CASES);
  const listed = await call<{ total: number }>('GET', `/cases?campaignId=${enc(campaign.body.id)}&pageSize=1`, county);
  expect(listed.body.total).toBe(CASES);
  for (const caseId of caseIds.values()) {
    const workflow = await cases.state(caseId);
    expect({ caseId, stage: workflow.stage }).toEqual({ caseId, stage: 'remediating' });
    const actions = workflow.timeline.map((entry) => actionOfEntry(entry.type)).filter((action) => action !== undefined);
    expect({ caseId, actions }).toEqual({ caseId, actions: ['submitPlan', 'approvePlan', 'reportProgress'] });
    await expectReadModelAgreesWithWorkflow(caseId);
  }

  // The audit trail holds each accepted action once (a retried request is answered, not recorded again), and verifies.
  const entries = (await auditEntries()).filter((entry) => entry.caseId !== null && [...caseIds.values()].includes(entry.caseId) && entry.outcome.startsWith('accepted'));
  for (const caseId of caseIds.values()) {
    const actions = entries.filter((entry) => entry.caseId === caseId).map((entry) => entry.action).sort();
    expect({ caseId, actions }).toEqual({ caseId, actions: ['approvePlan', 'openCase', 'reportProgress', 'submitPlan'].sort() });
  }
  const verified = await call<{ ok: boolean }>('GET', '/audit/verify', county);
  expect(verified.body.ok).toBe(true);
});
