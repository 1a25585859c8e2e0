/**
 * The ledger as a printable .xlsx (exceljs): Chinese headers, column widths, frozen and repeated
 * header row, borders, A4 landscape fitted to the page width, title and page numbers in the
 * header and footer. `readLedgerWorkbook` opens such a file again (tests, re-imports).
 * Written with exceljs's streaming WorkbookWriter: each row is committed (serialized into the zip
 * stream and dropped) as soon as it is written, so a large ledger never sits whole in memory as cells.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { STAGE_LABELS, STAGES } from '@zhengdun/domain';
import type { Ledger, LedgerCaseRow, LedgerCheckRow, LedgerMeasureRow, LedgerProblemRow, LedgerSupervisionRow } from './ledger-model';

type CellKind = 'text' | 'int' | 'percent';

interface ColumnSpec<T> {
  header: string;
  key: keyof T & string;
  width: number;
  kind?: CellKind;
  wrap?: boolean;
}

export const LEDGER_SHEETS = {
  cases: '台账总表',
  problems: '问题清单',
  measures: '整改措施',
  supervision: '督办约谈',
  checks: '公示验收',
  figures: '统计汇总',
} as const;

export const CASE_COLUMNS: ColumnSpec<LedgerCaseRow>[] = [
  { header: '序号', key: 'no', width: 6, kind: 'int' },
  { header: '组织代码', key: 'orgCode', width: 16 },
  { header: '组织名称', key: 'orgName', width: 26, wrap: true },
  { header: '领域', key: 'domain', width: 10 },
  { header: '所属乡镇/党(工)委', key: 'township', width: 14, wrap: true },
  { header: '重点难点村', key: 'keyVillage', width: 8 },
  { header: '支部书记', key: 'secretary', width: 10 },
  { header: '包抓责任人', key: 'team', width: 30, wrap: true },
  { header: '来源', key: 'source', width: 12 },
  { header: '列入时间', key: 'listedAt', width: 12 },
  { header: '当前阶段', key: 'stage', width: 14 },
  { header: '整顿轮次', key: 'round', width: 8, kind: 'int' },
  { header: '问题数', key: 'problems', width: 8, kind: 'int' },
  { header: '未解决问题', key: 'openProblems', width: 8, kind: 'int' },
  { header: '整改措施', key: 'measures', width: 8, kind: 'int' },
  { header: '已完成措施', key: 'measuresDone', width: 8, kind: 'int' },
  { header: '已报告待核验措施', key: 'measuresReported', width: 8, kind: 'int' },
  { header: '方案批准时间', key: 'planApprovedAt', width: 12 },
  { header: '销号时间', key: 'delistedAt', width: 12 },
  { header: '是否逾期', key: 'overdue', width: 8 },
  { header: '下一到期', key: 'nextDueAt', width: 12 },
  { header: '督办等级', key: 'escalation', width: 10 },
  { header: '约谈次数', key: 'talks', width: 8, kind: 'int' },
  { header: '提请组织处理', key: 'organizationalHandling', width: 10 },
  { header: '群众满意率', key: 'satisfaction', width: 10, kind: 'percent' },
  { header: '滚动关联', key: 'link', width: 30, wrap: true },
  { header: '整顿对象编号', key: 'caseId', width: 30 },
];

export const PROBLEM_COLUMNS: ColumnSpec<LedgerProblemRow>[] = [
  { header: '序号', key: 'no', width: 6, kind: 'int' },
  { header: '组织代码', key: 'orgCode', width: 16 },
  { header: '组织名称', key: 'orgName', width: 26, wrap: true },
  { header: '问题编号', key: 'problemId', width: 8 },
  { header: '问题类别', key: 'category', width: 24, wrap: true },
  { header: '问题描述', key: 'description', width: 50, wrap: true },
  { header: '问题根源', key: 'rootCause', width: 40, wrap: true },
  { header: '发现轮次', key: 'round', width: 8, kind: 'int' },
  { header: '状态', key: 'status', width: 8 },
  { header: '滚动自', key: 'carriedFrom', width: 30 },
];

export const MEASURE_COLUMNS: ColumnSpec<LedgerMeasureRow>[] = [
  { header: '序号', key: 'no', width: 6, kind: 'int' },
  { header: '组织代码', key: 'orgCode', width: 16 },
  { header: '组织名称', key: 'orgName', width: 24, wrap: true },
  { header: '问题编号', key: 'problemId', width: 8 },
  { header: '整改措施', key: 'description', width: 44, wrap: true },
  { header: '责任人', key: 'owner', width: 12 },
  { header: '完成时限', key: 'dueAt', width: 12 },
  { header: '轮次', key: 'round', width: 6, kind: 'int' },
  { header: '状态', key: 'status', width: 8 },
  { header: '完成时间', key: 'completedAt', width: 12 },
  { header: '销项说明', key: 'evidence', width: 36, wrap: true },
  { header: '核验情况', key: 'verification', width: 36, wrap: true },
];

export const SUPERVISION_COLUMNS: ColumnSpec<LedgerSupervisionRow>[] = [
  { header: '序号', key: 'no', width: 6, kind: 'int' },
  { header: '组织代码', key: 'orgCode', width: 16 },
  { header: '组织名称', key: 'orgName', width: 24, wrap: true },
  { header: '时间', key: 'at', width: 17 },
  { header: '督办类型', key: 'kind', width: 18 },
  { header: '内容', key: 'content', width: 60, wrap: true },
  { header: '经办', key: 'by', width: 14 },
];

export const CHECK_COLUMNS: ColumnSpec<LedgerCheckRow>[] = [
  { header: '序号', key: 'no', width: 6, kind: 'int' },
  { header: '组织代码', key: 'orgCode', width: 16 },
  { header: '组织名称', key: 'orgName', width: 24, wrap: true },
  { header: '时间', key: 'at', width: 17 },
  { header: '事项', key: 'kind', width: 14 },
  { header: '结果', key: 'result', width: 18, wrap: true },
  { header: '内容及意见', key: 'content', width: 60, wrap: true },
  { header: '经办', key: 'by', width: 14 },
];

/** Labels of the figures sheet, in order. */
export const FIGURE_LABELS = {
  total: '整顿对象总数',
  unfinished: '未销号',
  overdue: '逾期',
  explanationRequested: '督办等级：说明原因',
  talkLevel: '督办等级：约谈',
  organizationalHandling: '督办等级：提请组织处理',
  talks: '累计约谈次数',
  converted: '已销号（转化提升）',
  conversionRate: '转化率',
} as const;
export const stageFigureLabel = (stage: keyof typeof STAGE_LABELS) => `阶段：${STAGE_LABELS[stage]}`;
export const TOWNSHIP_TABLE_HEADERS = ['乡镇/党(工)委', '整顿对象', '已销号', '逾期', '约谈次数'] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function printableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:1',
    },
    headerFooter: {
      oddHeader: `&C&"宋体,Bold"&12${title.replace(/&/g, '&&')} — ${name}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });
  return sheet;
}

function styleHeader(row: ExcelJS.Row): void {
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function tableSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, columns: ColumnSpec<T>[], rows: readonly T[]): void {
  const sheet = printableSheet(workbook, name, title);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  for (const item of rows) {
    const row = sheet.addRow(columns.map((column) => (item as Record<string, unknown>)[column.key] ?? null));
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: column.wrap === true };
      if (column.kind === 'percent') cell.numFmt = '0.0%';
      if (column.kind === 'int') cell.alignment = { vertical: 'top', horizontal: 'center' };
    });
    row.commit();
  }
  sheet.commit();
}

function figuresSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, ledger: Ledger): void {
  const sheet = printableSheet(workbook, LEDGER_SHEETS.figures, ledger.title);
  sheet.columns = [{ width: 24 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }];
  sheet.addRow(['项目', '数值']);
  styleHeader(sheet.getRow(1));
  sheet.getRow(1).commit();
  const { figures } = ledger;
  const lines: [string, number | null, boolean?][] = [
    [FIGURE_LABELS.total, figures.total],
    ...STAGES.map((stage): [string, number] => [stageFigureLabel(stage), figures.byStage[stage]]),
    [FIGURE_LABELS.unfinished, figures.unfinished],
    [FIGURE_LABELS.overdue, figures.overdue],
    [FIGURE_LABELS.explanationRequested, figures.explanationRequested],
    [FIGURE_LABELS.talkLevel, figures.talkLevel],
    [FIGURE_LABELS.organizationalHandling, figures.organizationalHandling],
    [FIGURE_LABELS.talks, figures.talks],
    [FIGURE_LABELS.converted, figures.converted],
    [FIGURE_LABELS.conversionRate, figures.conversionRate, true],
  ];
  for (const [label, value, percent] of lines) {
    const row = sheet.addRow([label, value]);
    row.eachCell((cell) => (cell.border = BORDER));
    if (percent) row.getCell(2).numFmt = '0.0%';
    row.commit();
  }
  sheet.addRow([]).commit();
  const townshipHeader = sheet.addRow([...TOWNSHIP_TABLE_HEADERS]);
  styleHeader(townshipHeader);
  townshipHeader.commit();
  for (const township of figures.byTownship) {
    const row = sheet.addRow([township.township, township.total, township.converted, township.overdue, township.talks]);
    row.eachCell((cell) => (cell.border = BORDER));
    row.commit();
  }
  const note = sheet.addRow([`生成时间：${ledger.generatedAt}`]);
  note.getCell(1).font = { italic: true, size: 9 };
  note.commit();
  sheet.commit();
}

/** Streams the ledger workbook into `output` (an HTTP response, a file); resolves once it is all written. */
export async function streamLedgerWorkbook(ledger: Ledger, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'zhengdun';
  (workbook as unknown as { title: string }).title = ledger.title;
  workbook.created = new Date(ledger.generatedAt);
  tableSheet(workbook, LEDGER_SHEETS.cases, ledger.title, CASE_COLUMNS, ledger.cases);
  tableSheet(workbook, LEDGER_SHEETS.problems, ledger.title, PROBLEM_COLUMNS, ledger.problems);
  tableSheet(workbook, LEDGER_SHEETS.measures, ledger.title, MEASURE_COLUMNS, ledger.measures);
  tableSheet(workbook, LEDGER_SHEETS.supervision, ledger.title, SUPERVISION_COLUMNS, ledger.supervision);
  tableSheet(workbook, LEDGER_SHEETS.checks, ledger.title, CHECK_COLUMNS, ledger.checks);
  figuresSheet(workbook, ledger);
  await workbook.commit();
}

/** The same workbook as one buffer (tests, small exports). */
export async function writeLedgerWorkbook(ledger: Ledger): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamLedgerWorkbook(ledger, output);
  return Buffer.concat(chunks);
}

export type LedgerCell = string | number | null;
export type LedgerSheetRow = Record<string, LedgerCell>;

export interface ReadLedger {
  title: string;
  cases: LedgerSheetRow[];
  problems: LedgerSheetRow[];
  measures: LedgerSheetRow[];
  supervision: LedgerSheetRow[];
  checks: LedgerSheetRow[];
  /** 统计汇总 by label (项目 → 数值). */
  figures: Record<string, number | null>;
  byTownship: LedgerSheetRow[];
  /** Print and view settings of each sheet, as the file holds them. */
  layout: Record<string, { frozenRows: number; orientation?: string; fitToWidth?: number; printTitlesRow?: string; widths: number[] }>;
}

function readCell(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}

function readTable(sheet: ExcelJS.Worksheet, headerRow = 1, until?: (row: ExcelJS.Row) => boolean): LedgerSheetRow[] {
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell((cell, col) => (headers[col - 1] = String(readCell(cell.value) ?? '')));
  const rows: LedgerSheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues || (until && until(row))) break;
    const item: LedgerSheetRow = {};
    headers.forEach((header, index) => (item[header] = readCell(row.getCell(index + 1).value)));
    rows.push(item);
  }
  return rows;
}

/** Opens a ledger workbook again: every sheet as rows keyed by their Chinese headers. */
export async function readLedgerWorkbook(content: Buffer): Promise<ReadLedger> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = (name: string) => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`ledger has no sheet ${name}`);
    return found;
  };
  const figuresSheetRead = sheet(LEDGER_SHEETS.figures);
  const figures: Record<string, number | null> = {};
  let townshipHeader = 0;
  for (let r = 2; r <= figuresSheetRead.rowCount; r++) {
    const row = figuresSheetRead.getRow(r);
    const label = readCell(row.getCell(1).value);
    if (label === TOWNSHIP_TABLE_HEADERS[0]) {
      townshipHeader = r;
      break;
    }
    if (typeof label === 'string' && label.length > 0) {
      const value = readCell(row.getCell(2).value);
      figures[label] = typeof value === 'number' ? value : null;
    }
  }
  const layout: ReadLedger['layout'] = {};
  for (const ws of workbook.worksheets) {
    const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    layout[ws.name] = {
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
      orientation: ws.pageSetup.orientation,
      fitToWidth: ws.pageSetup.fitToWidth,
      printTitlesRow: ws.pageSetup.printTitlesRow,
      widths: ws.columns.map((column) => column.width ?? 0),
    };
  }
  return {
    title: workbook.title,
    cases: readTable(sheet(LEDGER_SHEETS.cases)),
    problems: readTable(sheet(LEDGER_SHEETS.problems)),
    measures: readTable(sheet(LEDGER_SHEETS.measures)),
    supervision: readTable(sheet(LEDGER_SHEETS.supervision)),
    checks: readTable(sheet(LEDGER_SHEETS.checks)),
    figures,
    byTownship: townshipHeader > 0 ? readTable(figuresSheetRead, townshipHeader, (row) => String(readCell(row.getCell(1).value) ?? '').startsWith('生成时间')) : [],
    layout,
  };
}
