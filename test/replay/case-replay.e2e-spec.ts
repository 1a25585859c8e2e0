/**
 * Determinism guard: histories recorded from complete lifecycles (workflows/histories/) replay
 * against the current workflow code. An incompatible change fails here; use `patched()` instead.
 * One replay worker takes them all: a worker per history loaded the bundle once per history.
 */
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { installQuietRuntime, workflowBundlePath } from '../support/environment';
import { recordedHistories } from '../support/histories';

const histories = recordedHistories();
const results = new Map<string, ReplayResult>();

beforeAll(async () => {
  installQuietRuntime();
  const replays = Worker.runReplayHistories(
    { workflowBundle: { codePath: workflowBundlePath() } },
    histories.map(({ name, history }) => ({ workflowId: name, history: historyFromJSON(history) })),
  );
  for await (const result of replays) results.set(result.workflowId, result);
}, 600_000);

it('has recorded histories to replay', () => {
  expect(histories.length).toBeGreaterThanOrEqual(5);
});

it.each(histories.map(({ name }) => name))('replays %s without nondeterminism', (name) => {
  const result = results.get(name);
  expect(result).toBeDefined();
  expect(result?.error).toBeUndefined();
});
