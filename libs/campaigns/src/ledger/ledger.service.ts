/** Ledger export (台账导出) for a campaign, a township or a domain, from the read model. */
import type { DataSource } from 'typeorm';
import { ORG_DOMAIN_LABELS } from '@zhengdun/domain';
import { LedgerQueryRepository, type LedgerFilter } from '@zhengdun/persistence';
import { buildLedgerModel, SUPERVISION_EVENT_TYPES, type Ledger } from './ledger-model';
import { writeLedgerWorkbook } from './ledger-workbook';

export type { LedgerFilter };

export interface LedgerExport {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** Cases in the ledger. */
  cases: number;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function titleOf(filter: LedgerFilter, campaignName: string | undefined): string {
  const parts = [filter.county, campaignName ?? '软弱涣散基层党组织整顿'];
  const scope = [filter.township, filter.domain ? ORG_DOMAIN_LABELS[filter.domain] : undefined].filter(Boolean).join('·');
  return `${parts.join('')}台账${scope ? `（${scope}）` : ''}`;
}

/** Loads the matching cases and their supervision events, and builds the ledger data. */
export async function loadLedger(dataSource: DataSource, filter: LedgerFilter, options: { title?: string; now?: Date } = {}): Promise<Ledger> {
  const repository = new LedgerQueryRepository(dataSource);
  const records = await repository.cases(filter);
  const events = records.length > 0 ? await repository.events(records.map((record) => record.caseId), SUPERVISION_EVENT_TYPES) : [];
  const campaignName = filter.campaignId ? records[0]?.state.campaign.name : undefined;
  return buildLedgerModel(records, events, options.title ?? titleOf(filter, campaignName), options.now ?? new Date());
}

/** The ledger as a print-ready .xlsx. Filter by campaign, township and/or domain within a county. */
export async function exportLedger(dataSource: DataSource, filter: LedgerFilter, options: { title?: string; now?: Date } = {}): Promise<LedgerExport> {
  const ledger = await loadLedger(dataSource, filter, options);
  const day = ledger.generatedAt.slice(0, 10).replace(/-/g, '');
  const scope = [filter.campaignId, filter.township, filter.domain].filter(Boolean).join('-') || filter.county;
  return {
    fileName: `整顿台账-${scope}-${day}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
    content: await writeLedgerWorkbook(ledger),
    cases: ledger.cases.length,
  };
}
