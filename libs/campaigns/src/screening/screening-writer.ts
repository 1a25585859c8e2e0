/**
 * Writes rows in the screening-list layout, as .xlsx or .csv: for sending a user back the rows
 * that need fixing, and for generating test files.
 */
import ExcelJS from 'exceljs';
import { SCREENING_COLUMNS, SCREENING_SHEET_NAME, type ScreeningColumnKey } from './screening-columns';

export type ScreeningRowValues = Partial<Record<ScreeningColumnKey, string>>;

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function writeScreeningList(rows: readonly ScreeningRowValues[], format: 'xlsx' | 'csv' = 'xlsx'): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [SCREENING_COLUMNS.map((column) => column.header).join(','), ...rows.map((row) => SCREENING_COLUMNS.map((column) => csvField(row[column.key] ?? '')).join(','))];
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SCREENING_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = SCREENING_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(SCREENING_COLUMNS.map((column) => row[column.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
