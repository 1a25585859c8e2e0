/**
 * Crashes: the worker process is killed with SIGKILL in the middle of cases; a new worker process
 * picks the cases up where their histories left them. Nothing is lost and nothing happens twice.
 */
import type { CaseState } from '@zhengdun/domain';
import { CaseReadModelRepository, NotificationOutboxRepository } from '@zhengdun/persistence';
import type { Client } from '@temporalio/client';
import type { CaseClient } from '@zhengdun/temporal';
import { ALL_CHECKS, caseInput, committee, completeVerified, county, measuresFor, remediateAndPublicize, REVIEW_OK, SECONDS_POLICY, secretaryOf, assessmentOf } from '../support/cases';
import { caseClientFor, createTestDatabase, eventually, uniqueTaskQueue, type TestDatabase } from '../support/environment';
import { replayAndMaybeRecord } from '../support/histories';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

let db: TestDatabase;
let cases: CaseClient;
let client: Client;
let closeClient: () => Promise<void>;
let worker: WorkerProcess | undefined;
const taskQueue = uniqueTaskQueue('crash');

beforeAll(async () => {
  db = await createTestDatabase();
  ({ cases, client, close: closeClient } = await caseClientFor(taskQueue));
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
  await cases.act(caseId, county, { type: 'recordCountyAcceptance', checks: ALL_CHECKS, opinion: '销号', assessment: assessmentOf() });

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

it('a lapse is asked about once, talks are proposed by the system and recorded by people, handling decided by the county — each once, across worker kills', async () => {
  worker ??= await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  // Measures due in 4 s; reminder 1 s before; the request at the due time; a talk proposed 2 s later.
  const input = caseInput('rural', { isKeyVillage: true, policy: { ...SECONDS_POLICY, reminderLead: { amount: 1, unit: 'seconds' }, escalationInterval: { amount: 2, unit: 'seconds' } } });
  const caseId = await cases.open(input, county);
  const secretary = secretaryOf(input.org.code);
  await cases.act(caseId, secretary, { type: 'submitPlan', measures: measuresFor(await cases.state(caseId), 4000) });
  await cases.act(caseId, committee, { type: 'approvePlan' });
  const outbox = new NotificationOutboxRepository(db.dataSource);
  // Right after a crash a query can fail until the server gives up on the dead worker's sticky queue.
  const current = () => eventually(() => cases.state(caseId), 30_000, 'the case to answer a query');
  const proposals = async (n: number, what: string) =>
    eventually(async () => {
      const state = await cases.state(caseId).catch(() => undefined);
      return state && (state.escalation.proposals ?? []).length >= n ? state : undefined;
    }, 30_000, what);

  await eventually(async () => (await outbox.forCase(caseId)).some((row) => row.kind === 'explanation_requested'), 20_000, 'the request for explanation');
  await worker.crash();
  await new Promise((resolve) => setTimeout(resolve, 2500)); // the talk proposal falls due while no worker runs
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });
  let state = await proposals(1, 'the talk proposal');

  // Both measures fell overdue at one instant: one lapse, one request listing both; no talk recorded by a timer.
  expect(state.escalation.model).toBe('proposals');
  expect(state.escalation.lapses).toEqual([expect.objectContaining({ id: 'lapse-1', items: [expect.objectContaining({ key: 'measure:m1' }), expect.objectContaining({ key: 'measure:m2' })] })]);
  expect(state.timeline.filter((entry) => entry.type === 'explanation_requested')).toHaveLength(1);
  expect(state.escalation.talks).toBe(0);
  const first = state.escalation.proposals![0];
  expect(first).toMatchObject({ kind: 'talk', status: 'proposed', lapseId: 'lapse-1' });
  // A key village: the secretary above is the township Party secretary who took it over.
  expect(first.subjects.map((subject) => subject.personId)).toEqual([secretary.userId, 'lead-town']);

  let snapshot = await cases.act(caseId, committee, { type: 'recordTalk', proposalId: first.id, heldAt: new Date().toISOString(), talkedTo: ['branch_secretary', 'secretary_above'], record: '指出整改措施逾期，要求限期完成' });
  expect(snapshot.escalation.talkCounts).toEqual({ [secretary.userId]: 1, 'lead-town': 1 });

  await worker.crash(); // between the two talks
  worker = await startWorkerProcess({ databaseUrl: db.url, taskQueue });

  // The first lapse closes when its measures are done; a new measure falls overdue: a second lapse.
  for (const measure of (await current()).measures.filter((m) => m.status === 'pending')) {
    await completeVerified(cases, caseId, measure.id, '已完成并建立台账');
  }
  await cases.act(caseId, committee, { type: 'addMeasures', measures: measuresFor(await current(), 3000).slice(0, 1) });
  state = await proposals(2, 'the second talk proposal');
  const second = state.escalation.proposals![1];
  expect(second).toMatchObject({ kind: 'talk', status: 'proposed', lapseId: 'lapse-2' });
  snapshot = await cases.act(caseId, county, { type: 'recordTalk', proposalId: second.id, heldAt: new Date().toISOString(), talkedTo: ['branch_secretary'], record: '第二次约谈，责令一周内完成' });
  expect(snapshot.escalation.talkCounts![secretary.userId]).toBe(2);
  const handling = snapshot.escalation.proposals!.find((proposal) => proposal.kind === 'organizational_handling')!;
  expect(handling).toMatchObject({ status: 'proposed', subjects: [expect.objectContaining({ personId: secretary.userId })] });
  expect(snapshot.escalation.organizationalHandling).toBe(false);
  await cases.act(caseId, county, { type: 'decideHandling', proposalId: handling.id, decision: 'admonishment', reason: '累计约谈两次，经部务会研究给予诫勉谈话' });
  state = await current();
  expect(state.escalation).toMatchObject({ level: 3, talks: 2, organizationalHandling: true });

  // Each step exactly once: in the timeline, in the outbox and in the read model.
  const count = (type: string) => state.timeline.filter((entry) => entry.type === type).length;
  expect([count('talk_proposed'), count('talk_recorded'), count('organizational_handling_proposed'), count('organizational_handling_decided')]).toEqual([2, 2, 1, 1]);
  const rows = await eventually(async () => {
    const found = await outbox.forCase(caseId);
    return found.some((row) => row.kind === 'organizational_handling_decided') ? found : undefined;
  }, 15_000, 'the decision in the outbox');
  expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  const kinds = rows.map((row) => row.kind);
  expect(kinds.filter((kind) => kind === 'talk_proposed')).toHaveLength(2);
  expect(kinds.filter((kind) => kind === 'organizational_handling_proposed')).toHaveLength(1);
  // The timers of older cases recorded talks themselves; none of that here.
  expect(kinds.filter((kind) => kind === 'talk' || kind === 'organizational_handling')).toEqual([]);
  const readModel = new CaseReadModelRepository(db.dataSource);
  const summary = await eventually(async () => {
    const found = await readModel.findCase(caseId);
    return found?.seq === state.seq ? found : undefined;
  });
  expect(summary).toMatchObject({ escalationLevel: 3, talks: 2, organizationalHandling: true });
  const events = (await readModel.timelineOf(caseId)).map((event) => event.type);
  expect(events.filter((type) => type === 'talk_recorded')).toHaveLength(2);
  expect(events.filter((type) => type === 'organizational_handling_decided')).toHaveLength(1);
  // Its history (proposals, kills, people's records) replays, and is kept for the replay test.
  expect(await replayAndMaybeRecord(client, caseId, 'talks-proposed-and-recorded')).toBe(1);
});
