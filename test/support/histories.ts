/**
 * Recorded histories of real lifecycles. `RECORD_HISTORIES=1` writes them to workflows/histories/,
 * where the replay test keeps every future version of the workflow code honest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundlePath } from './environment';
import { allRunsOf } from './visibility';

export const HISTORIES_DIR = path.resolve(__dirname, '../../workflows/histories');

/** Replays the case's every run against the current bundle; records them when asked to. */
export async function replayAndMaybeRecord(client: Client, caseId: string, name: string): Promise<number> {
  const runs = (await allRunsOf(client, caseId)).map((run) => run.runId);
  let replayed = 0;
  for (const runId of runs) {
    const history = await client.workflow.getHandle(caseId, runId).fetchHistory();
    // A run continued into a moment ago may hold only its start: nothing decided yet, nothing to
    // replay (the replayer would wait for a first workflow task that is not in the history).
    if (!history.events?.some((event) => event.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) continue;
    // Replayed from its JSON form, exactly as the recorded files are.
    await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, JSON.parse(historyToJSON(history)), caseId);
    replayed += 1;
    if (process.env.RECORD_HISTORIES === '1') {
      fs.mkdirSync(HISTORIES_DIR, { recursive: true });
      const file = path.join(HISTORIES_DIR, `${name}${runs.length > 1 ? `.run${runs.length - runs.indexOf(runId)}` : ''}.json`);
      fs.writeFileSync(file, historyToJSON(history));
    }
  }
  return replayed;
}

export function recordedHistories(): { name: string; history: unknown }[] {
  if (!fs.existsSync(HISTORIES_DIR)) return [];
  return fs
    .readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, history: JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as unknown }));
}
