/**
 * The read model must agree with what the workflows themselves hold. For every case_record row,
 * stage, round, seq and escalation level equal the workflow's live state (waiting out the
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
}

export interface Mismatch {
  caseId: string;
  readModel: Omit<Row, 'case_id'> | null;
  workflow: Omit<Row, 'case_id'>;
}

async function mismatches(dataSource: DataSource, cases: CaseClient, caseIds: readonly string[]): Promise<Mismatch[]> {
  const rows: Row[] = await dataSource.query('SELECT case_id, stage, round, seq, escalation_level FROM case_record ORDER BY case_id');
  const byId = new Map(rows.map((row) => [row.case_id, row] as const));
  const ids = [...new Set([...rows.map((row) => row.case_id), ...caseIds])];
  const found: Mismatch[] = [];
  for (const caseId of ids) {
    const state = await cases.state(caseId);
    const workflow = { stage: state.stage, round: state.round, seq: state.seq, escalation_level: state.escalation.level };
    const row = byId.get(caseId);
    const readModel = row ? { stage: row.stage, round: Number(row.round), seq: Number(row.seq), escalation_level: Number(row.escalation_level) } : null;
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
