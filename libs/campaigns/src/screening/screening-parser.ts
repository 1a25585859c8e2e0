/**
 * Reads a screening list from the uploaded bytes: .xlsx (exceljs) or .csv (csv-parse; UTF-8 with or
 * without BOM, or GB18030 as Excel saves CSV on Chinese Windows). Produces raw text rows keyed by
 * column with their 1-based spreadsheet row numbers; validation is separate and pure.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '@zhengdun/config';
import { CampaignsException } from '../campaigns.exception';
import { checkXlsxArchive } from './xlsx-archive-guard';
import { normalizeHeader, SCREENING_COLUMNS, SCREENING_SHEET_NAME, type ScreeningColumnKey } from './screening-columns';

export type ScreeningFileFormat = 'xlsx' | 'csv';

/** What reading one file may cost (SCREENING_MAX_* in libs/config). */
export type ScreeningReadLimits = Omit<UploadLimits, 'maxFileBytes'>;
export const DEFAULT_SCREENING_LIMITS: ScreeningReadLimits = DEFAULT_UPLOAD_LIMITS;

export interface RawScreeningRow {
  /** 1-based row number as the spreadsheet shows it (for CSV: the record number, header = 1). */
  row: number;
  values: Partial<Record<ScreeningColumnKey, string>>;
}

export interface RawScreeningSheet {
  headerRow: number;
  /** Columns found, by key. */
  columns: ScreeningColumnKey[];
  /** Required headers that are missing. */
  missingHeaders: string[];
  rows: RawScreeningRow[];
}


const HEADER_SEARCH_ROWS = 10;
const COLUMN_BY_HEADER = new Map<string, ScreeningColumnKey>(SCREENING_COLUMNS.map((column) => [normalizeHeader(column.header), column.key]));

export function detectFormat(content: Buffer, fileName?: string): ScreeningFileFormat {
  if (content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) return 'xlsx';
  if (content.length >= 4 && content[0] === 0xd0 && content[1] === 0xcf && content[2] === 0x11 && content[3] === 0xe0) {
    throw CampaignsException.invalidFile('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 .csv 后上传', 'legacy .xls is not supported');
  }
  if (fileName && /\.xlsx$/i.test(fileName)) throw CampaignsException.invalidFile('文件不是有效的 .xlsx 文件', 'not an .xlsx file');
  return 'csv';
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK). */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/** The text a user sees in a cell, whatever exceljs holds there. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof (value as ExcelJS.CellHyperlinkValue).text === 'string') return (value as ExcelJS.CellHyperlinkValue).text;
    if ('error' in value) return '';
  }
  return String(value);
}

function toSheet(table: Table): RawScreeningSheet {
  const header = table.slice(0, HEADER_SEARCH_ROWS).find((line) => line.cells.some((cell) => COLUMN_BY_HEADER.get(normalizeHeader(cell)) === 'orgCode'));
  if (!header) {
    return { headerRow: 1, columns: [], missingHeaders: SCREENING_COLUMNS.filter((c) => c.required).map((c) => c.header), rows: [] };
  }
  const positions = new Map<number, ScreeningColumnKey>();
  header.cells.forEach((cell, index) => {
    const key = COLUMN_BY_HEADER.get(normalizeHeader(cell));
    if (key && ![...positions.values()].includes(key)) positions.set(index, key);
  });
  const found = [...positions.values()];
  const rows: RawScreeningRow[] = [];
  for (const line of table) {
    if (line.row <= header.row) continue;
    const values: Partial<Record<ScreeningColumnKey, string>> = {};
    let any = false;
    positions.forEach((key, index) => {
      const text = (line.cells[index] ?? '').replace(/\u3000/g, ' ').trim();
      if (text.length > 0) any = true;
      values[key] = text;
    });
    if (any) rows.push({ row: line.row, values });
  }
  return {
    headerRow: header.row,
    columns: found,
    missingHeaders: SCREENING_COLUMNS.filter((c) => c.required && !found.includes(c.key)).map((c) => c.header),
    rows,
  };
}

/** Stops reading at the first row or cell over the limits. */
class ReadBudget {
  private cells = 0;
  constructor(private readonly limits: ScreeningReadLimits) {}

  row(rowsSoFar: number): void {
    if (rowsSoFar > this.limits.maxRows) {
      throw CampaignsException.fileTooLarge(
        `表格行数超过上限（${this.limits.maxRows} 行，含表头），请拆分为多个文件分批上传`,
        `the sheet has more than ${this.limits.maxRows} rows (header included); split it into several files`,
        { limit: 'rows', max: this.limits.maxRows },
      );
    }
  }

  cell(): void {
    if (++this.cells > this.limits.maxCells) {
      throw CampaignsException.fileTooLarge(
        `表格中非空单元格超过上限（${this.limits.maxCells} 个），请删除多余的列和工作表，或拆分为多个文件`,
        `the file has more than ${this.limits.maxCells} non-empty cells; remove extra columns and sheets or split it`,
        { limit: 'cells', max: this.limits.maxCells },
      );
    }
  }
}

/** Columns past this are not part of any screening list: counted against the cell budget, not kept. */
const MAX_COLUMNS = 256;

/**
 * Rows handled between two turns of the event loop. Async iteration over a stream's buffered
 * records resolves through microtasks only, which never let I/O (other requests, /health) in; a
 * setImmediate every so many rows does.
 */
const ROWS_PER_TURN = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Table = { row: number; cells: string[] }[];

/** One sheet read row by row (each chunk of XML awaited, so the event loop keeps serving). */
async function readWorksheet(worksheet: AsyncIterable<ExcelJS.Row>, budget: ReadBudget): Promise<Table> {
  const table: Table = [];
  let rows = 0;
  for await (const row of worksheet) {
    budget.row(++rows);
    if (rows % ROWS_PER_TURN === 0) await nextTurn();
    if (!row.hasValues) continue; // a row that only carries formatting
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      budget.cell();
      if (colNumber <= MAX_COLUMNS) cells[colNumber - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    table.push({ row: row.number, cells });
  }
  return table;
}

interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

/**
 * Reads the screening sheet with exceljs's streaming reader, after the archive passed its checks
 * (checkXlsxArchive: no zip bomb is ever inflated). The sheet named 摸排名单 wins; otherwise the
 * first visible sheet, otherwise the first one.
 */
export async function readXlsx(content: Buffer, limits: ScreeningReadLimits = DEFAULT_SCREENING_LIMITS): Promise<RawScreeningSheet> {
  await checkXlsxArchive(content, limits);
  const budget = new ReadBudget(limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new PassThrough().end(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let chosen: { table: Table; named: boolean; visible: boolean } | undefined;
  let sheets = 0;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedWorksheet>) {
      sheets++;
      const named = worksheet.name === SCREENING_SHEET_NAME;
      const visible = worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden';
      // A sheet that cannot win is skipped unread (the reader drains it).
      if (chosen && (chosen.named || (chosen.visible && !named) || (!visible && !named))) continue;
      const table = await readWorksheet(worksheet, budget);
      chosen = { table, named, visible };
      if (named) break;
    }
  } catch (error) {
    if (error instanceof CampaignsException) throw error;
    throw CampaignsException.invalidFile('无法读取该 .xlsx 文件，请确认文件未损坏', 'the .xlsx file cannot be read');
  }
  if (!chosen) throw CampaignsException.invalidFile('文件中没有工作表', sheets === 0 ? 'the workbook has no worksheet' : 'no worksheet could be read');
  return toSheet(chosen.table);
}

/** The decoded text in slices, so that csv-parse works through it with the event loop served in between. */
function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

export async function readCsv(content: Buffer, limits: ScreeningReadLimits = DEFAULT_SCREENING_LIMITS): Promise<RawScreeningSheet> {
  const budget = new ReadBudget(limits);
  const table: Table = [];
  const parser = parseCsv({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false });
  const source = Readable.from(slices(decodeText(content)), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      budget.row(table.length + 1);
      if ((table.length + 1) % ROWS_PER_TURN === 0) await nextTurn();
      const cells: string[] = [];
      record.forEach((cell, index) => {
        if (cell === '') return;
        budget.cell();
        if (index < MAX_COLUMNS) cells[index] = cell;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      table.push({ row: table.length + 1, cells });
    }
  } catch (error) {
    if (error instanceof CampaignsException) throw error;
    throw CampaignsException.invalidFile('无法解析该 CSV 文件，请检查引号和分隔符', `CSV parse error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
  return toSheet(table);
}

export async function readScreeningSheet(
  content: Buffer,
  options: { fileName?: string; format?: ScreeningFileFormat; limits?: ScreeningReadLimits } = {},
): Promise<RawScreeningSheet> {
  if (content.length === 0) throw CampaignsException.invalidFile('上传的文件是空的', 'the file is empty');
  const format = options.format ?? detectFormat(content, options.fileName);
  return format === 'xlsx' ? readXlsx(content, options.limits) : readCsv(content, options.limits);
}
