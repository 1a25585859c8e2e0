/** What the import workflow asks of the outside world. Implemented in libs/activities. */
import type { ImportCounts } from './import.messages';

export interface ImportBatchRequest {
  importId: string;
  /** Exclusive: spreadsheet row number after which to continue. */
  afterRow: number;
  limit: number;
  concurrency: number;
}

export interface ImportBatchResult {
  /** Rows taken in this batch (0: nothing left). */
  processed: number;
  /** The last row number of this batch, to continue after. */
  lastRow: number;
  /** Counts over the whole import, from the table (exact under retries). */
  counts: ImportCounts;
}

export interface ImportActivities {
  /** Starts the cases of the next pending rows with CaseClient.open; an existing case counts as already existing. */
  startImportBatch(request: ImportBatchRequest): Promise<ImportBatchResult>;
  /** Marks the import done in Postgres; returns the final counts. */
  finishImport(importId: string): Promise<ImportCounts>;
}
