/**
 * The screening-list template users download: sheet 摸排名单 with the Chinese headers, drop-down
 * lists for 领域 / 是否重点难点村 / 问题类别 / 来源, and sheet 填写说明 explaining every column and the
 * convention for several problems of one organization (one row per problem, same 组织代码).
 */
import ExcelJS from 'exceljs';
import { categoryLimitText, PROBLEM_CATEGORIES, type ProblemCategory } from '@zhengdun/domain';
import {
  CATEGORY_OPTIONS,
  DOMAIN_OPTIONS,
  INSTRUCTIONS_SHEET_NAME,
  MULTIPLE_PROBLEMS_RULE,
  OPTIONS_SHEET_NAME,
  SCREENING_COLUMNS,
  SCREENING_SHEET_NAME,
  SOURCE_OPTIONS,
  YES_NO_OPTIONS,
} from './screening-columns';

/** Rows of the list sheet that carry the drop-down lists. */
export const TEMPLATE_INPUT_ROWS = 2000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type OptionList = 'domain' | 'category' | 'source' | 'yesNo';

/** The hidden sheet's lists, one per column, in this order. */
const OPTION_LISTS: [OptionList, string, readonly string[]][] = [
  ['domain', '领域', DOMAIN_OPTIONS],
  ['category', '问题类别', CATEGORY_OPTIONS],
  ['source', '来源', SOURCE_OPTIONS],
  ['yesNo', '是否', YES_NO_OPTIONS],
];

function optionRanges(): Record<OptionList, string> {
  return Object.fromEntries(
    OPTION_LISTS.map(([key, , values], index) => {
      const col = columnLetter(index);
      return [key, `'${OPTIONS_SHEET_NAME}'!$${col}$2:$${col}$${values.length + 1}`];
    }),
  ) as Record<OptionList, string>;
}

/** The drop-down lists live on a hidden sheet: an inline list would exceed Excel's 255 characters. */
function addOptionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(OPTIONS_SHEET_NAME, { state: 'hidden' });
  OPTION_LISTS.forEach(([, title, values], index) => {
    const col = columnLetter(index);
    sheet.getCell(`${col}1`).value = title;
    values.forEach((value, i) => (sheet.getCell(`${col}${i + 2}`).value = value));
  });
}

function addListSheet(workbook: ExcelJS.Workbook, ranges: Record<OptionList, string>): void {
  const sheet = workbook.addWorksheet(SCREENING_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = SCREENING_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  header.height = 24;
  SCREENING_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = HEADER_FILL;
    cell.font = column.required ? REQUIRED_FONT : { bold: true };
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${column.required ? '必填。' : '选填。'}${column.hint}`;
    sheet.getColumn(index + 1).numFmt = '@'; // text: codes such as 0012 keep their leading zeros
  });
  const lists: Partial<Record<(typeof SCREENING_COLUMNS)[number]['key'], string>> = {
    domain: ranges.domain,
    isKeyVillage: ranges.yesNo,
    category: ranges.category,
    source: ranges.source,
  };
  SCREENING_COLUMNS.forEach((column, index) => {
    const formula = lists[column.key];
    if (!formula) return;
    const letter = columnLetter(index);
    for (let row = 2; row <= TEMPLATE_INPUT_ROWS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: column.header,
        error: `请从下拉列表中选择${column.header}`,
      };
    }
  });
}

function addInstructionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 20 }, { width: 10 }, { width: 70 }, { width: 26 }];
  const title = sheet.addRow(['软弱涣散基层党组织摸排名单 填写说明']);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(`A${title.number}:D${title.number}`);
  sheet.addRow([]);
  const ruleTitle = sheet.addRow(['一、多个问题的填写方法']);
  ruleTitle.font = { bold: true };
  const rule = sheet.addRow([MULTIPLE_PROBLEMS_RULE]);
  sheet.mergeCells(`A${rule.number}:D${rule.number}`);
  rule.alignment = { wrapText: true, vertical: 'top' };
  rule.height = 48;
  const notes = [
    '表头（第1行）不要修改或删除；红色表头为必填列。数据从第2行开始填写，空行会被忽略。',
    '所属县以整顿批次为准，无需填写。包抓责任人（“四个一”）在系统中另行落实。',
    '同一党组织在同一整顿批次中只能列入一次；重复上传同一文件不会重复列入。',
    '上传后系统逐行校验，有误的行会列出行号、列名和原因；有误的组织整体不导入，改正后可重新上传。',
    '也可以把本表另存为 CSV（UTF-8 或 Excel 默认编码均可）后上传，列名保持不变。',
  ];
  notes.forEach((note, i) => {
    const row = sheet.addRow([`${i + 1}. ${note}`]);
    sheet.mergeCells(`A${row.number}:D${row.number}`);
    row.alignment = { wrapText: true };
  });
  sheet.addRow([]);
  const columnsTitle = sheet.addRow(['二、各列填写要求']);
  columnsTitle.font = { bold: true };
  const head = sheet.addRow(['列名', '是否必填', '填写要求', '示例']);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const column of SCREENING_COLUMNS) {
    const row = sheet.addRow([column.header, column.required ? '必填' : '选填', column.hint, column.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => (cell.border = THIN));
  }
  sheet.addRow([]);
  const exampleTitle = sheet.addRow(['三、示例（一个村两个问题、一个企业一个问题）']);
  exampleTitle.font = { bold: true };
  const exampleHead = sheet.addRow(SCREENING_COLUMNS.map((column) => column.header));
  exampleHead.font = { bold: true };
  sheet.addRow(['610722-QS-001', '青山镇柳营村党支部', '农村', '青山镇', '是', '王建国', 'sec-610722-QS-001', '信访矛盾突出', '土地流转纠纷长期信访，群众意见大', '拉网式排查']);
  sheet.addRow(['610722-QS-001', '', '', '', '', '', '', '书记不胜任、不尽职', '支部书记年龄偏大，工作不在状态', '']);
  sheet.addRow(['610722-FG-015', '某某科技有限公司党支部', '非公企业', '非公党工委', '否', '李明', 'sec-610722-FG-015', '党内活动不经常', '近一年未按期召开支部党员大会', '巡察发现']);
  sheet.addRow([]);
  const categoriesTitle = sheet.addRow(['四、问题类别可选值']);
  categoriesTitle.font = { bold: true };
  for (const [category, label] of Object.entries(PROBLEM_CATEGORIES) as [ProblemCategory, string][]) sheet.addRow([label, categoryLimitText(category) ?? '各领域通用']);
}

/** The template as .xlsx bytes. */
export async function buildScreeningTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zhengdun';
  workbook.created = new Date(0);
  addListSheet(workbook, optionRanges());
  addInstructionsSheet(workbook);
  addOptionsSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
