/** The import workflow's activities: start the cases of stored screening-list rows, batch by batch. */
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { ImportRepository, type ImportRowCounts, type ImportRowEntity } from '@zhengdun/persistence';
import { CaseException, type CaseClient } from '@zhengdun/temporal';
import type { ImportActivities, ImportCounts } from '@zhengdun/workflows';
import { forEachLimit, heartbeatIfActivity } from './concurrency';

export interface ImportActivityDeps {
  dataSource: DataSource;
  cases: CaseClient;
  /** Describes an existing case to tell our own earlier start (a retried batch) from a case that was there before. */
  client: Client;
  /** Tries per row before it counts as failed (default 3). */
  maxAttempts?: number;
}

/** Clock difference tolerated between Postgres and the Temporal server when telling our own start. */
const CLOCK_SKEW_MS = 5_000;

function toCounts(counts: ImportRowCounts): ImportCounts {
  return { total: counts.total, started: counts.started, alreadyExisting: counts.alreadyExisting, failed: counts.failed };
}

export function createImportActivities(deps: ImportActivityDeps): ImportActivities {
  const imports = new ImportRepository(deps.dataSource);
  const maxAttempts = deps.maxAttempts ?? 3;

  /**
   * The case already exists. When this row has been tried before (a retried batch, or a second runner
   * after a restart), the case may be our own earlier start: it is if it started after the first try.
   */
  async function startedByEarlierTry(importId: string, row: ImportRowEntity): Promise<boolean> {
    const { attempts, firstAttemptAt } = await imports.attemptsOf(importId, row.rowNo);
    if (attempts <= 1 || !firstAttemptAt) return false;
    try {
      const description = await deps.client.workflow.getHandle(row.caseId).describe();
      return description.startTime.getTime() >= firstAttemptAt.getTime() - CLOCK_SKEW_MS;
    } catch {
      return false;
    }
  }

  return {
    async startImportBatch({ importId, afterRow, limit, concurrency }) {
      const job = await imports.findById(importId);
      if (!job) throw ApplicationFailure.nonRetryable(`import ${importId} not found`, 'ImportNotFound');
      let rows = await imports.pendingRows(importId, afterRow, limit);
      // Past the last row, sweep up any row behind it still pending, so that an import is done only
      // when every row is settled, whatever an abandoned attempt left behind.
      if (rows.length === 0 && afterRow > 0) rows = await imports.pendingRows(importId, 0, limit);
      if (rows.length === 0) return { processed: 0, lastRow: afterRow, counts: toCounts(await imports.refreshCounters(importId)) };
      await imports.markAttempted(
        importId,
        rows.map((row) => row.rowNo),
      );
      let retryable: unknown;
      await forEachLimit(rows, concurrency, async (row) => {
        try {
          await deps.cases.open(row.input, job.openedBy);
          await imports.settleRow(importId, row.rowNo, 'started');
        } catch (error) {
          if (error instanceof CaseException && error.code === 'already_exists') {
            await imports.settleRow(importId, row.rowNo, (await startedByEarlierTry(importId, row)) ? 'started' : 'already_exists');
          } else {
            const message = error instanceof Error ? error.message : String(error);
            const status = await imports.recordFailure(importId, row.rowNo, message, maxAttempts);
            if (status === 'pending') retryable ??= error;
          }
        }
        heartbeatIfActivity(row.rowNo);
      });
      const counts = toCounts(await imports.refreshCounters(importId));
      // Rows left pending by a passing fault are tried again when Temporal retries this batch.
      if (retryable) throw retryable;
      return { processed: rows.length, lastRow: Math.max(afterRow, rows[rows.length - 1].rowNo), counts };
    },

    async finishImport(importId) {
      return toCounts(await imports.refreshCounters(importId, true));
    },
  };
}
