/**
 * Starts the cases of one uploaded screening list, batch by batch. Progress is visible through the
 * `importProgress` query and in the import_job table. Retried batches are safe: a row's case id is
 * fixed (one case per organization per campaign) and rows already handled are skipped.
 */
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ImportActivities } from './import.activities';
import { importProgressQuery, type ImportProgress, type ImportWorkflowInput } from './import.messages';

const { startImportBatch, finishImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const DEFAULT_BATCH_SIZE = 200;
const DEFAULT_CONCURRENCY = 8;
const MAX_HISTORY_EVENTS = 5_000;

export async function importWorkflow(input: ImportWorkflowInput): Promise<ImportProgress> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = input.concurrency ?? DEFAULT_CONCURRENCY;
  let afterRow = input.resume?.afterRow ?? 0;
  const progress: ImportProgress = input.resume?.progress ?? { total: input.total, started: 0, alreadyExisting: 0, failed: 0, done: false };
  setHandler(importProgressQuery, () => progress);

  for (;;) {
    const batch = await startImportBatch({ importId: input.importId, afterRow, limit: batchSize, concurrency });
    Object.assign(progress, batch.counts);
    if (batch.processed === 0) break;
    afterRow = batch.lastRow;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof importWorkflow>({ ...input, resume: { afterRow, progress } });
    }
  }
  Object.assign(progress, await finishImport(input.importId), { done: true });
  return progress;
}
