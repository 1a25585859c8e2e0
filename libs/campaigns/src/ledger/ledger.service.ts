/** Ledger export (台账导出) for a campaign, a township or a domain, from the read model. */
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { ORG_DOMAIN_LABELS, type SpotCheckStage } from '@zhengdun/domain';
import { LedgerQueryRepository, type LedgerFilter } from '@zhengdun/persistence';
import { buildLedgerModel, SUPERVISION_EVENT_TYPES, type Ledger } from './ledger-model';
import { CampaignsException } from '../campaigns.exception';
import { streamLedgerWorkbook, writeLedgerWorkbook } from './ledger-workbook';

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

/** Loads the matching cases, their supervision events and the county's re-checks of them, and builds the ledger data. */
export async function loadLedger(dataSource: DataSource, filter: LedgerFilter, options: { title?: string; now?: Date } = {}): Promise<Ledger> {
  const repository = new LedgerQueryRepository(dataSource);
  const records = await repository.cases(filter);
  const caseIds = records.map((record) => record.caseId);
  const events = records.length > 0 ? await repository.events(caseIds, SUPERVISION_EVENT_TYPES) : [];
  const rechecks = records.length > 0 ? await repository.rechecks(caseIds) : [];
  const campaignName = filter.campaignId ? records[0]?.state.campaign.name : undefined;
  return buildLedgerModel(
    records,
    events,
    options.title ?? titleOf(filter, campaignName),
    options.now ?? new Date(),
    rechecks.map((recheck) => ({ ...recheck, stage: recheck.stage as SpotCheckStage })),
  );
}

/** A ledger ready to be streamed: its cases are loaded (within the bound), the workbook not yet written. */
export interface LedgerStream {
  fileName: string;
  /** The same in ASCII, for clients that cannot read the Chinese name: `zhengdun-ledger-<campaign>-<date>.xlsx`. */
  asciiFileName: string;
  contentType: string;
  cases: number;
  /** Writes the .xlsx into `output` (rows committed one by one) and ends it. */
  writeTo(output: Writable): Promise<void>;
}

function fileNameOf(filter: LedgerFilter, ledger: Ledger): string {
  const day = ledger.generatedAt.slice(0, 10).replace(/-/g, '');
  const scope = [filter.campaignId, filter.township, filter.domain].filter(Boolean).join('-') || filter.county;
  return `整顿台账-${scope}-${day}.xlsx`;
}

function asciiFileNameOf(filter: LedgerFilter, ledger: Ledger): string {
  const day = ledger.generatedAt.slice(0, 10).replace(/-/g, '');
  const scope = [filter.campaignId, filter.domain].filter(Boolean).join('-');
  return `zhengdun-ledger${scope ? `-${scope}` : ''}-${day}.xlsx`;
}

/**
 * The ledger for streaming to a client, bounded per request: a selection of more than `maxCases`
 * cases is refused (CampaignsException 'ledger_too_large', 422) before anything is loaded, asking
 * for a narrower filter, so no request can make the API hold a whole large county in memory.
 */
export async function prepareLedgerStream(
  dataSource: DataSource,
  filter: LedgerFilter,
  options: { maxCases: number; title?: string; now?: Date },
): Promise<LedgerStream> {
  const count = await new LedgerQueryRepository(dataSource).countCasesUpTo(filter, options.maxCases);
  if (count > options.maxCases) throw CampaignsException.ledgerTooLarge(options.maxCases);
  const ledger = await loadLedger(dataSource, filter, options);
  return {
    fileName: fileNameOf(filter, ledger),
    asciiFileName: asciiFileNameOf(filter, ledger),
    contentType: XLSX_CONTENT_TYPE,
    cases: ledger.cases.length,
    writeTo: (output) => streamLedgerWorkbook(ledger, output),
  };
}

/** The ledger as a print-ready .xlsx. Filter by campaign, township and/or domain within a county. */
export async function exportLedger(dataSource: DataSource, filter: LedgerFilter, options: { title?: string; now?: Date } = {}): Promise<LedgerExport> {
  const ledger = await loadLedger(dataSource, filter, options);
  return {
    fileName: fileNameOf(filter, ledger),
    contentType: XLSX_CONTENT_TYPE,
    content: await writeLedgerWorkbook(ledger),
    cases: ledger.cases.length,
  };
}
