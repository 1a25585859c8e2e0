/**
 * Determinism guard: histories recorded from complete lifecycles (workflows/histories/) replay
 * against the current workflow code. An incompatible change fails here; use `patched()` instead.
 */
import { Worker } from '@temporalio/worker';
import { installQuietRuntime, workflowBundlePath } from '../support/environment';
import { recordedHistories } from '../support/histories';

const histories = recordedHistories();

beforeAll(() => installQuietRuntime());

it('has recorded histories to replay', () => {
  expect(histories.length).toBeGreaterThanOrEqual(5);
});

it.each(histories.map(({ name, history }) => [name, history] as const))('replays %s without nondeterminism', async (name, history) => {
  await expect(Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, name)).resolves.toBeUndefined();
});
