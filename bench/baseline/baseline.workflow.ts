/**
 * The benchmark's yardstick: a bare workflow that takes the same number of updates as a case's
 * lifecycle, with no rules, no timers and no read model. Bundled and run by the benchmark alone
 * (bench/baseline/baseline-worker.ts), never part of the product's workflow bundle.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const baselineStepUpdate = defineUpdate<number, [string]>('baselineStep');

export async function baselineWorkflow(expectedSteps: number): Promise<number> {
  let steps = 0;
  setHandler(baselineStepUpdate, () => {
    steps += 1;
    return steps;
  });
  await condition(() => steps >= expectedSteps);
  return steps;
}
