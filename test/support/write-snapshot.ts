/**
 * Everything a request to the API could write, to check that a refused request changed nothing: the
 * live state of the cases' workflows and the rows of case_record, case_event, campaign,
 * notification_outbox and import_job. Outbox rows are compared by case and key only (their delivery columns
 * change as the dispatcher works); audit and idempotency rows are meant to be written on refusal too.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import type { CaseState } from '@zhengdun/domain';
import type { CaseClient } from '@zhengdun/temporal';

export interface WriteSnapshot {
  /** Workflow state per case: of every case_record row, or of the cases named. */
  states: Record<string, CaseState>;
  /** case_record rows, by case id. */
  rows: { case_id: string }[];
  /** case_event rows, by case id and seq. */
  events: unknown[];
  campaigns: unknown[];
  /** notification_outbox rows as `<case id> <key>`. */
  outbox: string[];
  importJobs: unknown[];
}

export async function takeWriteSnapshot(dataSource: DataSource, cases: CaseClient, options: { caseIds?: readonly string[] } = {}): Promise<WriteSnapshot> {
  const [rows, events, campaigns, outbox, importJobs] = await Promise.all([
    dataSource.query('SELECT * FROM case_record ORDER BY case_id') as Promise<{ case_id: string }[]>,
    dataSource.query('SELECT * FROM case_event ORDER BY case_id, seq') as Promise<unknown[]>,
    dataSource.query('SELECT * FROM campaign ORDER BY id') as Promise<unknown[]>,
    dataSource.query('SELECT case_id, key FROM notification_outbox ORDER BY case_id, key') as Promise<{ case_id: string; key: string }[]>,
    dataSource.query('SELECT * FROM import_job ORDER BY id') as Promise<unknown[]>,
  ]);
  const caseIds = options.caseIds ?? rows.map((row) => row.case_id);
  const states = await Promise.all(caseIds.map((caseId) => cases.state(caseId)));
  return {
    states: Object.fromEntries(caseIds.map((caseId, index) => [caseId, states[index]])),
    rows,
    events,
    campaigns,
    outbox: outbox.map((row) => `${row.case_id} ${row.key}`),
    importJobs,
  };
}

function keyed(rows: unknown[], key: (row: Record<string, unknown>) => string): Map<string, unknown> {
  return new Map(rows.map((row) => [key(row as Record<string, unknown>), row] as const));
}

function diffRows(table: string, before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const changes: string[] = [];
  for (const [id, row] of after) {
    if (!before.has(id)) changes.push(`${table} ${id} added`);
    else if (!isDeepStrictEqual(before.get(id), row)) changes.push(`${table} ${id} changed`);
  }
  for (const id of before.keys()) if (!after.has(id)) changes.push(`${table} ${id} removed`);
  return changes;
}

/** What differs between two snapshots, one line per row or workflow; empty when nothing changed. */
export function writeSnapshotChanges(before: WriteSnapshot, after: WriteSnapshot): string[] {
  const changes: string[] = [];
  for (const [caseId, state] of Object.entries(after.states)) {
    const earlier = before.states[caseId];
    if (earlier && !isDeepStrictEqual(earlier, state)) {
      changes.push(`workflow ${caseId} changed (stage ${earlier.stage} → ${state.stage}, seq ${earlier.seq} → ${state.seq})`);
    }
  }
  changes.push(
    ...diffRows('case_record', keyed(before.rows, (row) => String(row.case_id)), keyed(after.rows, (row) => String(row.case_id))),
    ...diffRows('case_event', keyed(before.events, (row) => `${String(row.case_id)}#${String(row.seq)}`), keyed(after.events, (row) => `${String(row.case_id)}#${String(row.seq)}`)),
    ...diffRows('campaign', keyed(before.campaigns, (row) => String(row.id)), keyed(after.campaigns, (row) => String(row.id))),
    ...diffRows('notification_outbox', new Map(before.outbox.map((id) => [id, id])), new Map(after.outbox.map((id) => [id, id]))),
    ...diffRows('import_job', keyed(before.importJobs, (row) => String(row.id)), keyed(after.importJobs, (row) => String(row.id))),
  );
  return changes;
}
