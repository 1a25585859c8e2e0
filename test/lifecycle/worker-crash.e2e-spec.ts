/**
 * Crashes: the worker process is killed with SIGKILL in the middle of cases; a new worker process
 * picks the cases up where their histories left them. Nothing is lost and nothing happens twice.
 */
import type { CaseState } from '@zhengdun/domain';
import { CaseReadModelRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { CaseClient } from '@zhengdun/temporal';
import { ALL_CHECKS, caseInput, committee, county, measuresFor, remediateAndPublicize, REVIEW_OK, SECONDS_POLICY, secretaryOf } from '../support/cases';
import { caseClientFor, createTestDatabase, eventually, uniqueTaskQueue, type TestDatabase } from '../support/environment';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

let db: TestDatabase;
let cases: CaseClient;
let closeClient: () => Promise<void>;
let worker: WorkerProcess | undefined;
const taskQueue = uniqueTaskQueue('crash');

beforeAll(async () => {
  db = await createTestDatabase();
  ({ cases, close: closeClient } = await caseClientFor(taskQueue));
});

afterAll(async () => {
  await worker?.stop();
  await closeClient?.();
  await db?.drop();
});

async function waitForStage(caseId: string, stage: CaseState['stage']): Promise<CaseState> {
  return eventually(async () => {
    const state = await cases.state(caseId);
    return state.stage === stage ? state : undefined;
  }, 30_000, `stage ${stage}`);
}

it('goes on after the worker is killed mid-case: timers that fell due while it was down still fire', async () => {
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  const input = caseInput('rural');
  const caseId = await cases.open(input, county);
  let state = await cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: measuresFor(await cases.state(caseId)) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  state = await remediateAndPublicize(cases, caseId);
  expect(state.stage).toBe('publicizing');

  await worker.crash();
  // While no worker runs: the public rates (a signal), and the 2-second publicity period runs out.
  await cases.rateSatisfaction(caseId, { ratingId: 'while-down', level: 'satisfied' });
  await new Promise((resolve) => setTimeout(resolve, 3000));

  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  state = await waitForStage(caseId, 'preliminary_acceptance');
  expect(state.satisfaction.satisfied).toBe(1);
  await cases.act(caseId, committee, { type: 'recordPreliminaryAcceptance', checks: ALL_CHECKS, opinion: '合格' });
  await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '销号' });

  await worker.crash(); // again, with the review-delay timer pending
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  await waitForStage(caseId, 'follow_up_review');
  state = await cases.act(caseId, committee, { type: 'recordFollowUpReview', checks: REVIEW_OK, opinion: '巩固', reboundedProblemIds: [], newProblems: [] });
  expect(state.stage).toBe('archived');

  // The read model saw every event exactly once, in order.
  const readModel = new CaseReadModelRepository(db.dataSource);
  const row = await eventually(async () => {
    const found = await readModel.findCase(caseId);
    return found?.seq === state.seq ? found : undefined;
  });
  expect(row.stage).toBe('archived');
  const seqs = (await readModel.timelineOf(caseId)).map((event) => event.seq);
  expect(seqs).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
});

it('escalates a missed deadline step by step, each step exactly once, across worker restarts', async () => {
  worker ??= await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  // Measure due in 4 s; reminder 1 s before; explanation at the due time; talks 2 s and 4 s after.
  const input = caseInput('rural', { isKeyVillage: true, policy: { ...SECONDS_POLICY, reminderLead: { amount: 1, unit: 'seconds' }, escalationInterval: { amount: 2, unit: 'seconds' } } });
  const caseId = await cases.open(input, county);
  await cases.act(caseId, secretaryOf(input.org.code), { type: 'submitPlan', measures: measuresFor(await cases.state(caseId), 4000) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  const outbox = new NotificationOutboxRepository(db.dataSource);
  const escalationKinds = ['reminder', 'explanation_requested', 'talk', 'organizational_handling'];
  const escalations = async () => (await outbox.forCase(caseId)).filter((row) => escalationKinds.includes(row.kind));

  await eventually(async () => (await escalations()).some((row) => row.kind === 'explanation_requested'), 20_000, 'the request for explanation');
  await worker.crash();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  await eventually(async () => (await escalations()).some((row) => row.kind === 'talk'), 20_000, 'the first talk');
  await worker.crash();
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });

  const rows = await eventually(async () => {
    const found = await escalations();
    return found.some((row) => row.kind === 'organizational_handling') ? found : undefined;
  }, 30_000, 'organizational handling');
  // Two measures are overdue together; every step happened once per measure, and handling once per case.
  // Right after a crash a query can fail until the server gives up on the dead worker's sticky queue.
  const state = await eventually(() => cases.state(caseId), 30_000, 'the case to answer a query');
  const order = state.escalation.records.map((record) => record.step);
  expect(order.filter((step) => step === 'organizational_handling')).toHaveLength(1);
  expect(state.escalation).toMatchObject({ level: 3, organizationalHandling: true });
  const firstMeasure = state.escalation.records.filter((record) => record.dueItemKey === 'measure:m1').map((record) => record.step);
  expect(firstMeasure.slice(0, 4)).toEqual(['reminder', 'explanation_requested', 'talk', 'talk']);
  expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  const kinds = rows.map((row) => row.kind);
  expect(kinds.indexOf('reminder')).toBeLessThan(kinds.indexOf('explanation_requested'));
  expect(kinds.indexOf('explanation_requested')).toBeLessThan(kinds.indexOf('talk'));
  expect(kinds.filter((kind) => kind === 'organizational_handling')).toHaveLength(1);
  // The key village's talk goes to the township Party secretary who took it over.
  const talk = rows.find((row) => row.kind === 'talk')!;
  expect(talk.recipients).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'person', personId: 'lead-town' })]));
  const summary = await eventually(async () => {
    const found = await new CaseReadModelRepository(db.dataSource).findCase(caseId);
    return found?.organizationalHandling ? found : undefined;
  });
  expect(summary).toMatchObject({ overdue: true, escalationLevel: 3, talks: state.escalation.talks });
});
