/** The read model must agree with what every workflow says of itself: no event lost, none doubled. */
import type { DataSource } from 'typeorm';
import { CaseEventEntity, CaseRecordEntity } from '@zhengdun/persistence';
import type { CaseClient } from '@zhengdun/temporal';
import { eventually } from './environment';

export interface Disagreement {
  caseId: string;
  field: string;
  workflow: unknown;
  readModel: unknown;
}

export async function readModelDisagreements(dataSource: DataSource, cases: CaseClient, caseIds: string[]): Promise<Disagreement[]> {
  const found: Disagreement[] = [];
  for (const caseId of caseIds) {
    const state = await cases.state(caseId);
    const row = await dataSource.getRepository(CaseRecordEntity).findOne({ where: { caseId } });
    if (!row) {
      found.push({ caseId, field: 'row', workflow: 'present', readModel: 'missing' });
      continue;
    }
    for (const [field, workflow, readModel] of [
      ['stage', state.stage, row.stage],
      ['round', state.round, row.round],
      ['seq', state.seq, row.seq],
      ['escalationLevel', state.escalation.level, row.escalationLevel],
      ['measuresDone', state.measures.filter((m) => m.round === state.round && m.status === 'done').length, row.measuresDone],
    ] as const) {
      if (workflow !== readModel) found.push({ caseId, field, workflow, readModel });
    }
    const seqs = (await dataSource.getRepository(CaseEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } })).map((event) => event.seq);
    const expected = state.timeline.map((entry) => entry.seq);
    if (seqs.join(',') !== expected.join(',')) found.push({ caseId, field: 'timeline', workflow: expected.length, readModel: seqs.length });
  }
  return found;
}

/** Waits out the projection lag, then fails naming every disagreement. */
export async function expectReadModelAgrees(dataSource: DataSource, cases: CaseClient, caseIds: string[], timeoutMs = 30_000): Promise<void> {
  let last: Disagreement[] = [];
  await eventually(async () => {
    last = await readModelDisagreements(dataSource, cases, caseIds);
    return last.length === 0;
  }, timeoutMs, 'the read model to agree with the workflows').catch(() => {
    throw new Error(`read model disagrees with the workflows:\n${last.map((d) => `${d.caseId} ${d.field}: workflow=${String(d.workflow)} read model=${String(d.readModel)}`).join('\n')}`);
  });
}
