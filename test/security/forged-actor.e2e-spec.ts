/**
 * Whoever reaches Temporal directly (the CLI, the web UI, a leaked worker credential) cannot act on a
 * case as somebody else: the case workflow's validator refuses every action whose actor the API did
 * not sign for this case and this Update, and a refused action leaves no trace in the history.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { CaseClient } from '@zhengdun/temporal';
import { signActor, type ActionCommand } from '@zhengdun/workflows';
import { findTemporalCli } from '@zhengdun/temporal';
import { caseClientFor, createTestDatabase, startTestWorker, temporalAddress, testActorKey, uniqueTaskQueue, type RunningTestWorker, type TestDatabase } from '../support/environment';
import { caseInput, committee, county, measuresFor, secretaryOf } from '../support/cases';

let db: TestDatabase;
let worker: RunningTestWorker;
let cases: CaseClient;
let client: Client;
let closeClient: () => Promise<void>;
let caseId: string;
const execFileAsync = promisify(execFile);

beforeAll(async () => {
  const taskQueue = uniqueTaskQueue('forged-actor');
  db = await createTestDatabase();
  worker = await startTestWorker(taskQueue, db.dataSource);
  ({ cases, client, close: closeClient } = await caseClientFor(taskQueue));
  caseId = await cases.open(caseInput('rural'), county);
});

afterAll(async () => {
  await worker?.stop();
  await closeClient?.();
  await db?.drop();
});

/** What an attacker would send: the county's identity, claimed rather than proven. */
function forgedApproval(): ActionCommand<'approvePlan'> {
  return { actor: committee, action: { type: 'approvePlan', comment: '伪造' } };
}

async function refusal(send: () => Promise<unknown>): Promise<string> {
  const error = await send().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return String((error as WorkflowUpdateFailedError).cause?.message);
}

async function acceptedUpdates(): Promise<number> {
  const history = await client.workflow.getHandle(caseId).fetchHistory();
  return (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
}

test('the API’s signed actions are applied; unsigned, wrongly signed, stale and re-used signatures are refused without a trace', async () => {
  const state = await cases.state(caseId);
  await cases.act(caseId, secretaryOf(state.org.code), { type: 'submitPlan', measures: measuresFor(state) });
  expect((await cases.state(caseId)).stage).toBe('planning');
  const acceptedBefore = await acceptedUpdates();
  const handle = client.workflow.getHandle(caseId);

  // No signature at all.
  expect(await refusal(() => handle.executeUpdate('approvePlan', { args: [forgedApproval()] }))).toMatch(/not signed/);

  // Signed, but with a key of the attacker's own.
  const ownKeyId = randomUUID();
  const ownKey = { ...forgedApproval(), signature: signActor(randomBytes(32), caseId, ownKeyId, committee, forgedApproval().action) };
  expect(await refusal(() => handle.executeUpdate('approvePlan', { args: [ownKey], updateId: ownKeyId }))).toMatch(/does not match/);

  // The right key, but the signature was made for another Update id (copied out of a history).
  const signedFor = randomUUID();
  const copied = { ...forgedApproval(), signature: signActor(testActorKey(), caseId, signedFor, committee, forgedApproval().action) };
  expect(await refusal(() => handle.executeUpdate('approvePlan', { args: [copied], updateId: randomUUID() }))).toMatch(/does not match/);

  // The right key and id, but for another case.
  const otherCaseId = randomUUID();
  const elsewhere = { ...forgedApproval(), signature: signActor(testActorKey(), 'another-case', otherCaseId, committee, forgedApproval().action) };
  expect(await refusal(() => handle.executeUpdate('approvePlan', { args: [elsewhere], updateId: otherCaseId }))).toMatch(/does not match/);

  // The right key and id, signed an hour ago.
  const staleId = randomUUID();
  const stale = { ...forgedApproval(), signature: signActor(testActorKey(), caseId, staleId, committee, forgedApproval().action, new Date(Date.now() - 3_600_000).toISOString()) };
  expect(await refusal(() => handle.executeUpdate('approvePlan', { args: [stale], updateId: staleId }))).toMatch(/stale/);

  // A signed actor with the action swapped after signing.
  const swappedId = randomUUID();
  const swapped = {
    actor: committee,
    action: { type: 'returnPlan', reasons: ['伪造'] },
    signature: signActor(testActorKey(), caseId, swappedId, committee, { type: 'approvePlan' }),
  };
  expect(await refusal(() => handle.executeUpdate('returnPlan', { args: [swapped], updateId: swappedId }))).toMatch(/does not match/);

  const after = await cases.state(caseId);
  expect(after.stage).toBe('planning');
  expect(after.plan.status).toBe('submitted');
  expect(await acceptedUpdates()).toBe(acceptedBefore);
});

test('`temporal workflow update execute` with a made-up actor is refused by the workflow', async () => {
  const cli = findTemporalCli();
  if (!cli) throw new Error('the Temporal CLI is missing: npm ci installs it');
  const input = JSON.stringify(forgedApproval());
  // Asynchronously: the worker runs in this process and must go on working while the CLI waits.
  const run = await execFileAsync(cli.path, ['workflow', 'update', 'execute', '--address', temporalAddress(), '--workflow-id', caseId, '--name', 'approvePlan', '--input', input], {
    encoding: 'utf8',
    timeout: 60_000,
  }).then(
    (done) => ({ failed: false, output: `${done.stdout}${done.stderr}` }),
    (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
  expect(run.failed).toBe(true);
  expect(run.output).toMatch(/操作人身份未经系统核验|not verified/);
  const state = await cases.state(caseId);
  expect(state.plan.status).toBe('submitted');
  expect(state.timeline.some((entry) => entry.actor.userId === committee.userId)).toBe(false);
});
