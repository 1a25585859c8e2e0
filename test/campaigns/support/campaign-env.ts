/**
 * One environment per campaigns test file, on the real services global setup started: a fresh
 * database, a Temporal client, and an in-process worker on its own task queue that runs every
 * workflow of the bundle (cases, campaigns, imports) with every activity — as the worker app does.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkerOptions } from '@temporalio/worker';
import { createWorkerActivities } from '@zhengdun/activities';
import { CaseClient, createCaseWorker } from '@zhengdun/temporal';
import {
  connectTestClient,
  createTestDatabase,
  eventually,
  installQuietRuntime,
  temporalAddress,
  testActorKey,
  uniqueTaskQueue,
  workflowBundlePath,
  type TestDatabase,
} from '../../support/environment';

export interface CampaignTestEnv {
  db: TestDatabase;
  client: Client;
  cases: CaseClient;
  taskQueue: string;
  worker: Worker;
  /** Terminates every workflow still running on this file's task queue (leaves the shared server idle). */
  terminateRunning: () => Promise<number>;
  stop: () => Promise<void>;
}

export type WorkerTuning = Pick<WorkerOptions, 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows'>;

export async function startCampaignEnv(name: string, tuning?: WorkerTuning): Promise<CampaignTestEnv> {
  installQuietRuntime();
  const taskQueue = uniqueTaskQueue(name);
  const db = await createTestDatabase();
  const { client, close: closeClient } = await connectTestClient();
  const connection = await NativeConnection.connect({ address: temporalAddress() });
  const worker = await createCaseWorker({
    connection,
    namespace: 'default',
    taskQueue,
    activities: createWorkerActivities({ dataSource: db.dataSource, client, taskQueue }),
    actorKey: testActorKey(),
    workflowBundle: { code: fs.readFileSync(workflowBundlePath(), 'utf8') },
    ...(tuning ? { tuning } : {}),
  });
  const running = worker.run();

  const terminateRunning = async (): Promise<number> => {
    const query = `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`;
    const { count } = await client.workflow.count(query);
    if (count === 0) return 0;
    if (count > 50) {
      // One server-side batch instead of thousands of calls.
      await client.connection.workflowService.startBatchOperation({
        namespace: 'default',
        jobId: randomUUID(),
        visibilityQuery: query,
        reason: 'end of test',
        terminationOperation: {},
      });
    } else {
      for await (const execution of client.workflow.list({ query })) {
        await client.workflow.getHandle(execution.workflowId, execution.runId).terminate('end of test').catch(() => undefined);
      }
    }
    await eventually(async () => (await client.workflow.count(query)).count === 0, 300_000, 'running workflows to be terminated');
    return count;
  };

  return {
    db,
    client,
    cases: new CaseClient(client, taskQueue, { actorKey: testActorKey() }),
    taskQueue,
    worker,
    terminateRunning,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await closeClient();
      await db.drop();
    },
  };
}

/** Waits for a workflow to close and returns its result. */
export async function resultOf<T>(client: Client, workflowId: string, timeoutMs = 60_000): Promise<T> {
  return Promise.race([
    client.workflow.getHandle(workflowId).result() as Promise<T>,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${workflowId} did not finish within ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
}
