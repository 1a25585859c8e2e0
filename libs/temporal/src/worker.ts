import fs from 'node:fs';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { withActorKey, type CalendarActivities, type CaseActivities } from '@zhengdun/workflows';
import { bundleCaseWorkflows } from './bundle';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CaseActivities & CalendarActivities;
  /** The actor-signing key (ACTOR_SIGNING_KEY): the case workflow refuses actions the API did not sign with it. */
  actorKey: Uint8Array;
  /** A prebuilt bundle (production, tests); without it the worker bundles at start. */
  workflowBundle?: { code: string } | { codePath: string };
  tuning?: Pick<WorkerOptions, 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows'>;
}

async function bundleCode(bundle: CaseWorkerOptions['workflowBundle']): Promise<string> {
  if (!bundle) return (await bundleCaseWorkflows()).code;
  return 'code' in bundle ? bundle.code : fs.readFileSync(bundle.codePath, 'utf8');
}

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  // The key is written into this process's copy of the code only: never into a file or the history.
  const code = withActorKey(await bundleCode(options.workflowBundle), options.actorKey);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    workflowBundle: { code },
    shutdownGraceTime: '5 seconds',
    ...options.tuning,
  });
}
