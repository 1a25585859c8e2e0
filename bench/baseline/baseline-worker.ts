/**
 * The benchmark's baseline worker: a process of its own, like the worker app, running only
 * baselineWorkflow from a bundle of its own (the product's bundle does not contain it).
 *   TEMPORAL_ADDRESS=… TEMPORAL_TASK_QUEUE=… node -r @swc-node/register bench/baseline/baseline-worker.ts
 * Prints "worker polling" once it polls; SIGTERM stops it.
 */
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { loadConfig } from '@zhengdun/config';
import { connectWorker } from '@zhengdun/temporal';

async function main(): Promise<void> {
  const { temporal } = loadConfig();
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./baseline.workflow'), logger: new DefaultLogger('WARN') });
  const connection = await connectWorker(temporal);
  const worker = await Worker.create({ connection, namespace: temporal.namespace, taskQueue: temporal.taskQueue, workflowBundle: { code }, shutdownGraceTime: '5 seconds' });
  const stop = () => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const running = worker.run();
  console.log('worker polling');
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
