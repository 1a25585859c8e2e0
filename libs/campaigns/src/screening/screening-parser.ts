/**
 * Reads a screening list from the uploaded bytes: .xlsx (exceljs) or .csv (csv-parse; UTF-8 with or
 * without BOM, or GB18030 as Excel saves CSV on Chinese Windows). Produces raw text rows keyed by
 * column with their 1-based spreadsheet row numbers; validation is separate and pure.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { CampaignsException } from '../campaigns.exception';
import { normalizeHeader, SCREENING_COLUMNS, SCREENING_SHEET_NAME, type ScreeningColumnKey } from './screening-columns';

export type ScreeningFileFormat = 'xlsx' | 'csv';

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

function toSheet(table: { row: number; cells: string[] }[]): RawScreeningSheet {
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

export async function readXlsx(content: Buffer): Promise<RawScreeningSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw CampaignsException.invalidFile('无法读取该 .xlsx 文件，请确认文件未损坏', 'the .xlsx file cannot be read');
  }
  const sheet = workbook.getWorksheet(SCREENING_SHEET_NAME) ?? workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw CampaignsException.invalidFile('文件中没有工作表', 'the workbook has no worksheet');
  const table: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell.value);
    });
    table.push({ row: rowNumber, cells });
  });
  return toSheet(table);
}

export function readCsv(content: Buffer): RawScreeningSheet {
  let records: string[][];
  try {
    records = parseCsv(decodeText(content), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    throw CampaignsException.invalidFile('无法解析该 CSV 文件，请检查引号和分隔符', `CSV parse error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toSheet(records.map((cells, index) => ({ row: index + 1, cells })));
}

export async function readScreeningSheet(content: Buffer, options: { fileName?: string; format?: ScreeningFileFormat } = {}): Promise<RawScreeningSheet> {
  if (content.length === 0) throw CampaignsException.invalidFile('上传的文件是空的', 'the file is empty');
  const format = options.format ?? detectFormat(content, options.fileName);
  return format === 'xlsx' ? readXlsx(content) : readCsv(content);
}
