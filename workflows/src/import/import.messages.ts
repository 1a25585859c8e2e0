/**
 * The import of a screening list (摸排名单) into case workflows. The parsed rows are stored in
 * Postgres (import_row, keyed by import id) — 5,000 rows would not fit in one Temporal payload — and
 * the workflow pages through them with an activity that starts the cases in batches.
 * Workflow id `import:<campaignId>:<sha256 of the file>`: the same file uploaded twice starts nothing twice.
 */
import { defineQuery } from '@temporalio/workflow';

/** Import id: the campaign and the SHA-256 (hex) of the uploaded file. */
export function importIdFor(campaignId: string, fileSha256: string): string {
  return `${campaignId}:${fileSha256}`;
}

export function importWorkflowId(importId: string): string {
  return `import:${importId}`;
}

export interface ImportCounts {
  /** Organizations (cases) to start: the valid ones of the file. */
  total: number;
  started: number;
  /** A case for that organization was already in the campaign (an earlier import, or by hand). */
  alreadyExisting: number;
  failed: number;
}

export interface ImportProgress extends ImportCounts {
  done: boolean;
}

export interface ImportWorkflowInput {
  importId: string;
  total: number;
  /** Rows per activity (default 200). */
  batchSize?: number;
  /** Case starts in flight at once inside an activity (default 8). */
  concurrency?: number;
  /** Carried across continue-as-new. */
  resume?: { afterRow: number; progress: ImportProgress };
}

export const importProgressQuery = defineQuery<ImportProgress>('importProgress');
