/**
 * Faults with many cases in flight, on a Temporal dev server of this file's own (so that it can be
 * restarted) and real Postgres behind a proxy (so that it can refuse connections). Afterwards every
 * case is where its history says, and the read model agrees with every workflow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { CaseState, OrgDomain } from '@zhengdun/domain';
import { freePort } from '@zhengdun/persistence';
import { CaseClient, startTemporalDevServer, type RunningDevServer } from '@zhengdun/temporal';
import { ALL_CHECKS, caseInput, committee, completeVerified, county, measuresFor, REVIEW_OK, secretaryOf, assessmentOf } from '../support/cases';
import { expectReadModelMatchesWorkflows } from '../support/read-model-consistency';
import { createTestDatabase, eventually, installQuietRuntime, testActorKey, uniqueTaskQueue, workflowBundlePath, type TestDatabase } from '../support/environment';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const CASES = 12;
const DOMAINS: OrgDomain[] = ['rural', 'state_owned_enterprise', 'non_public_enterprise', 'community'];
const taskQueue = uniqueTaskQueue('faults');

let workDir: string;
let temporal: RunningDevServer;
let temporalPort: number;
let db: TestDatabase;
let proxy: TcpProxy;
let proxiedUrl: string;
let connection: Connection;
let cases: CaseClient;
let client: Client;
let worker: WorkerProcess | undefined;
const caseIds: string[] = [];

async function startTemporal(): Promise<void> {
  temporal = await startTemporalDevServer({ port: temporalPort, dbFilename: path.join(workDir, 'temporal.sqlite') });
}

async function startWorker(): Promise<void> {
  worker = await startWorkerProcess({ databaseUrl: proxiedUrl, taskQueue, temporalAddress: temporal.address });
}

async function forAll(run: (caseId: string, state: CaseState) => Promise<unknown>): Promise<void> {
  await Promise.all(caseIds.map(async (caseId) => run(caseId, await cases.state(caseId))));
}

async function allInStage(stage: CaseState['stage'], timeoutMs = 60_000): Promise<void> {
  await eventually(async () => {
    const stages = await Promise.all(caseIds.map(async (caseId) => (await cases.state(caseId)).stage));
    return stages.every((s) => s === stage);
  }, timeoutMs, `all cases in ${stage}`);
}

beforeAll(async () => {
  installQuietRuntime();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-faults-'));
  temporalPort = await freePort();
  await startTemporal();
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(db.url);
  viaProxy.port = String(proxy.port);
  proxiedUrl = viaProxy.toString();
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection });
  cases = new CaseClient(client, taskQueue, { actorKey: testActorKey() });
  await startWorker();
  for (let i = 0; i < CASES; i++) caseIds.push(await cases.open(caseInput(DOMAINS[i % DOMAINS.length]), county));
  await forAll((caseId, state) => cases.act(caseId, secretaryOf(state.org.code), { type: 'submitPlan', measures: measuresFor(state) }));
  await forAll((caseId) => cases.act(caseId, committee, { type: 'approvePlan' }));
});

afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await temporal?.stop();
  await proxy?.close();
  await db?.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

it('keeps every write when Postgres refuses connections for a while during activities', async () => {
  proxy.cut();
  // Actions still succeed: the workflow owns the state; only the projection waits for Postgres.
  await forAll(async (caseId, state) => {
    for (const measure of state.measures.filter((m) => m.status === 'pending')) {
      await completeVerified(cases, caseId, measure.id, '已整改，台账附后');
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 5000));
  proxy.restore();
  await expectReadModelMatchesWorkflows(db.dataSource, cases, { caseIds, timeoutMs: 60_000 });
});

it('loses nothing when the worker is killed with -9 while actions arrive', async () => {
  const starting = Promise.all(caseIds.map((caseId) => cases.act(caseId, committee, { type: 'startPublicity' })));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await worker!.crash();
  await startWorker();
  await starting;
  await allInStage('preliminary_acceptance');
  await expectReadModelMatchesWorkflows(db.dataSource, cases, { caseIds, timeoutMs: 30_000 });
});

it('picks up where it was after the Temporal server restarts from its SQLite file', async () => {
  await forAll((caseId) => cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' }));
  await forAll((caseId) => cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '销号', assessment: assessmentOf() }));
  // Every case now waits on its review-delay timer (2 s). The server goes down across it.
  await temporal.stop();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await startTemporal();
  await connection.close();
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection });
  cases = new CaseClient(client, taskQueue, { actorKey: testActorKey() });
  // A worker that lost its server may have given up; a fresh one takes over either way.
  await worker!.stop();
  await startWorker();
  await allInStage('follow_up_review');
  await forAll((caseId) => cases.act(caseId, committee, { type: 'recordFollowUpReview', checks: REVIEW_OK, opinion: '巩固', reboundedProblemIds: [], newProblems: [] }));
  await allInStage('archived');
  await expectReadModelMatchesWorkflows(db.dataSource, cases, { caseIds, timeoutMs: 30_000 });
});

it('leaves every case where its history says, with no stage entered twice in a row', async () => {
  for (const caseId of caseIds) {
    const history = await client.workflow.getHandle(caseId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, caseId);
    const state = await cases.state(caseId);
    const stages = state.history.map((change) => change.to);
    expect(stages.filter((stage, i) => stage === stages[i - 1])).toEqual([]);
    expect(state.timeline.map((entry) => entry.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
  }
});
