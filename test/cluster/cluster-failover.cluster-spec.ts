/**
 * `npm run cluster` under failure: the cluster started as the command starts it (startCluster, on
 * ports and in a data directory of its own), one case driven through the proxy from identification
 * to archived, and on the way the history service, a worker and an API replica killed (SIGKILL) one
 * at a time. After each kill the supervisor must have restarted the process, the case must go on,
 * and the read model (GET /cases/:id) must agree with the case's workflow (its state query).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Actor, CaseState, Stage } from '@zhengdun/domain';
import { CaseClient } from '@zhengdun/temporal';
import { startCluster, waitUntilClusterHealthy, type RunningCluster } from '../../infra/scripts/cluster';
import { campaignBody, newOrgCode, openCaseBody } from '../support/api-fixtures';
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
/** A development token from the cluster's own sign-in (POST /dev/tokens), once per actor. */
function tokenFor(actor: Actor): Promise<string> {
  const key = JSON.stringify(actor);
  if (!tokens.has(key)) {
    tokens.set(
      key,
      fetch(`${cluster.apiUrl}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: key }).then(async (response) => {
        if (response.status !== 201) throw new Error(`POST /dev/tokens answered ${response.status}: ${await response.text()}`);
        return ((await response.json()) as { token: string }).token;
      }),
    );
  }
  return tokens.get(key)!;
}

/**
 * A request through the proxy. A 502 (a replica died under the request) or 503 (Temporal not
 * answering yet) is sent again with the same Idempotency-Key, which the API answers with the first
 * outcome instead of acting twice.
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
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
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
  await killAndAwaitRestart('worker-1');
  state = await act(caseId, 'reportProgress', leaderOf(orgCode, state.team[0]), { summary: '本月召开党员大会1次，化解矛盾2件' });
  for (const measure of state.measures.filter((m) => m.status === 'pending')) {
    state = await act(caseId, 'reportMeasureDone', secretary, { measureId: measure.id, evidence: '已召开党员大会通报整改情况，台账附后' });
    state = await act(caseId, 'verifyMeasure', committee, { measureId: measure.id, accepted: true, comment: '经实地核验，整改属实' });
  }
  await expectReadModelAgreesWithWorkflow(caseId);

  // The proxy sends everything to the other replica while this one is down or starting.
  await killAndAwaitRestart('api-1');
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
