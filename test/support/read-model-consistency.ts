/**
 * The read model must agree with what the workflows themselves hold: no event lost, none doubled.
 * For every case_record row, stage, round, seq, escalation level and measures done equal the
 * workflow's live state, and case_event holds exactly the workflow's timeline (waiting out the
 * projection's lag); cases named in `caseIds` must have a row.
 */
import type { DataSource } from 'typeorm';
import type { CaseClient } from '@zhengdun/temporal';
import { eventually } from './environment';

interface Row {
  case_id: string;
  stage: string;
  round: number;
  seq: number;
  escalation_level: number;
  measures_done: number;
  timeline: string;
}

export interface Mismatch {
  caseId: string;
  readModel: Omit<Row, 'case_id'> | null;
  workflow: Omit<Row, 'case_id'>;
}

async function mismatches(dataSource: DataSource, cases: CaseClient, caseIds: readonly string[]): Promise<Mismatch[]> {
  const rows: Row[] = await dataSource.query(
    `SELECT r.case_id, r.stage, r.round, r.seq, r.escalation_level, r.measures_done,
       (SELECT coalesce(string_agg(e.seq::text, ',' ORDER BY e.seq), '') FROM case_event e WHERE e.case_id = r.case_id) AS timeline
     FROM case_record r ORDER BY r.case_id`,
  );
  const byId = new Map(rows.map((row) => [row.case_id, row] as const));
  const ids = [...new Set([...rows.map((row) => row.case_id), ...caseIds])];
  const found: Mismatch[] = [];
  for (const caseId of ids) {
    const state = await cases.state(caseId);
    const workflow = {
      stage: state.stage,
      round: state.round,
      seq: state.seq,
      escalation_level: state.escalation.level,
      measures_done: state.measures.filter((m) => m.round === state.round && m.status === 'done').length,
      timeline: state.timeline.map((entry) => entry.seq).join(','),
    };
    const row = byId.get(caseId);
    const readModel = row
      ? {
          stage: row.stage,
          round: Number(row.round),
          seq: Number(row.seq),
          escalation_level: Number(row.escalation_level),
          measures_done: Number(row.measures_done),
          timeline: row.timeline,
        }
      : null;
    if (!readModel || JSON.stringify(readModel) !== JSON.stringify(workflow)) found.push({ caseId, readModel, workflow });
  }
  return found;
}

export async function expectReadModelMatchesWorkflows(
  dataSource: DataSource,
  cases: CaseClient,
  options: { caseIds?: readonly string[]; timeoutMs?: number } = {},
): Promise<void> {
  let last: Mismatch[] = [];
  try {
    await eventually(
      async () => {
        last = await mismatches(dataSource, cases, options.caseIds ?? []);
        return last.length === 0;
      },
      options.timeoutMs ?? 15_000,
      'the read model to match the workflows',
    );
  } catch (error) {
    throw new Error(`read model disagrees with the workflows: ${JSON.stringify(last, null, 2)}\n${String(error)}`);
  }
}
