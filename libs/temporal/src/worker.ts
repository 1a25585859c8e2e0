import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH, type CalendarActivities, type CaseActivities } from '@zhengdun/workflows';
import { webpackConfigHook } from './bundle';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CaseActivities & CalendarActivities;
  /** A prebuilt bundle (production, tests); without it the worker bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  tuning?: Pick<WorkerOptions, 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows'>;
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { webpackConfigHook } }),
    shutdownGraceTime: '5 seconds',
    ...options.tuning,
  });
}
