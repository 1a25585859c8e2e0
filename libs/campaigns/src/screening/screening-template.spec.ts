import ExcelJS from 'exceljs';
import { DEFAULT_POLICY } from '@zhengdun/domain';
import { parseScreeningList } from './screening';
import { CATEGORY_OPTIONS, INSTRUCTIONS_SHEET_NAME, MULTIPLE_PROBLEMS_RULE, OPTIONS_SHEET_NAME, SCREENING_HEADERS, SCREENING_SHEET_NAME } from './screening-columns';
import { buildScreeningTemplate } from './screening-template';

const CONTEXT = { campaign: { id: 'c1', name: '整顿', county: '示范县', endsAt: '2026-10-31T16:00:00.000Z' }, policy: DEFAULT_POLICY };

async function open(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('the screening-list template', () => {
  it('has the list sheet first with the Chinese headers, frozen, and drop-down lists', async () => {
    const workbook = await open(await buildScreeningTemplate());
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      [SCREENING_SHEET_NAME, 'visible'],
      [INSTRUCTIONS_SHEET_NAME, 'visible'],
      [OPTIONS_SHEET_NAME, 'hidden'],
    ]);
    const sheet = workbook.getWorksheet(SCREENING_SHEET_NAME)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '组织代码',
      '组织名称',
      '领域',
      '所属乡镇/党(工)委',
      '是否重点难点村',
      '支部书记姓名',
      '支部书记编号',
      '问题类别',
      '问题描述',
      '来源',
    ]);
    expect(SCREENING_HEADERS).toHaveLength(10);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [`'${OPTIONS_SHEET_NAME}'!$A$2:$A$9`] });
    expect(sheet.getCell('H500').dataValidation).toMatchObject({ type: 'list', formulae: [`'${OPTIONS_SHEET_NAME}'!$B$2:$B$${CATEGORY_OPTIONS.length + 1}`] });
    const options = workbook.getWorksheet(OPTIONS_SHEET_NAME)!;
    expect(options.getCell('A2').value).toBe('农村');
    expect(options.getCell(`B${CATEGORY_OPTIONS.length + 1}`).value).toBe('其他');
    expect(sheet.getCell('A1').note).toBeDefined();
  });

  it('explains the columns and the one-row-per-problem convention in 填写说明', async () => {
    const workbook = await open(await buildScreeningTemplate());
    const text: string[] = [];
    workbook.getWorksheet(INSTRUCTIONS_SHEET_NAME)!.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join('\n');
    expect(all).toContain(MULTIPLE_PROBLEMS_RULE);
    for (const header of SCREENING_HEADERS) expect(all).toContain(header);
    expect(all).toContain('信访矛盾突出');
    // A category limited to some domains says so beside it.
    expect(all).toContain('村霸、涉黑涉恶问题\n仅适用于：农村');
  });

  it('parses to nothing when left empty, and to cases when filled in', async () => {
    const blank = await buildScreeningTemplate();
    expect(await parseScreeningList(blank, CONTEXT)).toEqual({ rowCount: 0, organizations: [], issues: [] });
    const workbook = await open(blank);
    const sheet = workbook.getWorksheet(SCREENING_SHEET_NAME)!;
    sheet.getRow(2).values = ['0012', '柳营村党支部', '农村', '青山镇', '是', '王建国', 'sec-0012', '信访矛盾突出', '土地流转纠纷', '信访反映'];
    sheet.getRow(3).values = ['0012', null, null, null, null, null, null, '班子配备不齐', '缺一名委员'];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await parseScreeningList(filled, CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.organizations).toHaveLength(1);
    expect(result.organizations[0].input).toMatchObject({ org: { code: '0012', isKeyVillage: true }, source: 'petition', problems: [{ category: 'petitions_and_conflicts' }, { category: 'leadership_incomplete' }] });
  });
});
