import { DEFAULT_POLICY, type CampaignRef } from '@zhengdun/domain';
import { CampaignsException } from '../campaigns.exception';
import { parseScreeningList } from './screening';
import { SCREENING_HEADERS } from './screening-columns';
import { decodeText, detectFormat } from './screening-parser';
import { writeScreeningList, type ScreeningRowValues } from './screening-writer';

const CAMPAIGN: CampaignRef = { id: 'c2026', name: '2026年软弱涣散基层党组织整顿', county: '示范县', endsAt: '2026-10-31T16:00:00.000Z' };
const CONTEXT = { campaign: CAMPAIGN, policy: DEFAULT_POLICY };

function org(code: string, overrides: ScreeningRowValues = {}): ScreeningRowValues {
  return {
    orgCode: code,
    orgName: `青山镇${code}村党支部`,
    domain: '农村',
    township: '青山镇',
    isKeyVillage: '否',
    secretaryName: '王建国',
    secretaryId: `sec-${code}`,
    category: '信访矛盾突出',
    description: '土地流转纠纷长期信访',
    source: '拉网式排查',
    ...overrides,
  };
}

describe('parseScreeningList', () => {
  it.each(['xlsx', 'csv'] as const)('reads valid rows of a .%s file into OpenCaseInput, one per organization', async (format) => {
    const file = await writeScreeningList(
      [
        org('A-001', { isKeyVillage: '是' }),
        { orgCode: 'A-001', category: '书记不胜任、不尽职', description: '支部书记年龄偏大，工作不在状态' },
        org('B-002', { domain: 'non_public_enterprise', township: '非公党工委', category: 'activities_infrequent', source: '' }),
      ],
      format,
    );
    const result = await parseScreeningList(file, CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.rowCount).toBe(3);
    expect(result.organizations.map((o) => [o.row, o.rows, o.caseId])).toEqual([
      [2, [2, 3], 'case:c2026:A-001'],
      [4, [4], 'case:c2026:B-002'],
    ]);
    expect(result.organizations[0].input).toEqual({
      campaign: CAMPAIGN,
      policy: DEFAULT_POLICY,
      org: {
        code: 'A-001',
        name: '青山镇A-001村党支部',
        domain: 'rural',
        county: '示范县',
        township: '青山镇',
        isKeyVillage: true,
        secretary: { personId: 'sec-A-001', name: '王建国' },
      },
      source: 'screening',
      problems: [
        { category: 'petitions_and_conflicts', description: '土地流转纠纷长期信访' },
        { category: 'secretary_incompetent', description: '支部书记年龄偏大，工作不在状态' },
      ],
    });
    expect(result.organizations[1].input).toMatchObject({ org: { domain: 'non_public_enterprise', isKeyVillage: false }, source: 'screening', problems: [{ category: 'activities_infrequent' }] });
  });

  it('reports every bad row with its row number, column and a Chinese reason, and leaves those organizations out', async () => {
    const file = await writeScreeningList([
      org('OK-1'),
      org('BAD-DOMAIN', { domain: '工厂' }),
      org('BAD-CAT', { category: '作风不好' }),
      org('', {}),
      org('BAD CODE!'),
      org('NO-DESC', { description: '' }),
      org('KEY-SOE', { domain: '国有企业', isKeyVillage: '是' }),
      org('BAD-YES', { isKeyVillage: '也许' }),
      org('BAD-SEC', { secretaryId: '王 书记' }),
      org('BAD-SRC', { source: '网上' }),
      org('MIXED'),
      { orgCode: 'MIXED', orgName: '另一个名字', category: '信访矛盾突出', description: '第二个问题' },
      { orgCode: 'MIXED', category: '党费收缴不规范', description: '第三个问题' },
    ]);
    const result = await parseScreeningList(file, CONTEXT);
    expect(result.organizations.map((o) => o.input.org.code)).toEqual(['OK-1']);
    expect(result.issues).toEqual([
      { row: 3, field: '领域', reason: '领域“工厂”无效，应为：农村、国有企业、非公企业、社区、机关、学校、医院、社会组织' },
      { row: 4, field: '问题类别', reason: '问题类别“作风不好”无效，请从下拉列表中选择（见“填写说明”）' },
      { row: 5, field: '组织代码', reason: '组织代码不能为空' },
      { row: 6, field: '组织代码', reason: '组织代码只能由字母、数字、点、横线和下划线组成，不超过64位' },
      { row: 7, field: '问题描述', reason: '问题描述不能为空，请写明问题的具体表现' },
      { row: 8, field: '是否重点难点村', reason: '只有农村党组织可以标记为重点难点村' },
      { row: 9, field: '是否重点难点村', reason: '“也许”无效，请填“是”或“否”' },
      { row: 10, field: '支部书记编号', reason: '支部书记编号只能由字母、数字及 _ . : @ - 组成，不超过128位' },
      { row: 11, field: '来源', reason: '来源“网上”无效，应为：拉网式排查、巡察发现、信访反映、上轮回头看滚动' },
      { row: 12, field: '组织代码', reason: '同一组织（MIXED）的第13行有误，该组织整体未导入' },
      { row: 13, field: '组织名称', reason: '与同一组织代码的第12行不一致（第12行为“青山镇MIXED村党支部”）' },
      { row: 14, field: '组织代码', reason: '同一组织（MIXED）的第13行有误，该组织整体未导入' },
    ]);
  });

  it('accepts English keys and quotes typed either way', async () => {
    const file = await writeScreeningList([org('Q-1', { domain: 'state_owned_enterprise', category: '党建与生产经营"两张皮"', isKeyVillage: '', source: 'inspection' })]);
    const result = await parseScreeningList(file, CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.organizations[0].input).toMatchObject({ org: { domain: 'state_owned_enterprise', isKeyVillage: false }, source: 'inspection', problems: [{ category: 'two_skins' }] });
  });

  it('refuses a problem category that does not fit the organization’s domain, by row', async () => {
    const file = await writeScreeningList([org('S-1', { domain: '国有企业', category: '村霸、涉黑涉恶问题' }), org('S-2')]);
    const result = await parseScreeningList(file, CONTEXT);
    expect(result.organizations.map((organization) => organization.input.org.code)).toEqual(['S-2']);
    expect(result.issues).toEqual([{ row: 2, field: '问题类别', reason: '问题类别“村霸、涉黑涉恶问题”不适用于国有企业党组织' }]);
  });

  it('names a missing column', async () => {
    const csv = Buffer.from(`${SCREENING_HEADERS.filter((h) => h !== '领域').join(',')}\r\nX-1,某村党支部,青山镇,否,王,sec-1,其他,问题,拉网式排查\r\n`);
    const result = await parseScreeningList(csv, CONTEXT);
    expect(result.organizations).toEqual([]);
    expect(result.issues).toEqual([{ row: 1, field: '领域', reason: '缺少“领域”列，请使用系统提供的模板' }]);
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030, no BOM), with quoted commas and line breaks', async () => {
    const utf8 = `${SCREENING_HEADERS.join(',')}\r\nG-1,柳营村党支部,农村,青山镇,否,王建国,sec-g1,信访矛盾突出,"土地纠纷，多次上访
涉及三个村民小组",巡察发现\r\n`;
    const encoded = encodeGb18030(utf8);
    expect(decodeText(encoded)).toBe(utf8);
    const result = await parseScreeningList(encoded, CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.organizations[0].input.problems[0].description).toBe('土地纠纷，多次上访\n涉及三个村民小组');
    expect(result.organizations[0].input.source).toBe('inspection');
  });

  it('refuses what is not a spreadsheet it can read', async () => {
    await expect(parseScreeningList(Buffer.alloc(0), CONTEXT)).rejects.toBeInstanceOf(CampaignsException);
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow('.xls');
    await expect(parseScreeningList(Buffer.from('PK\u0003\u0004garbage'), CONTEXT)).rejects.toMatchObject({ code: 'invalid_file' });
  });

  it('skips blank rows but keeps counting rows as the spreadsheet shows them', async () => {
    const file = await writeScreeningList([org('R-1'), {}, {}, org('R-2', { domain: '?' })]);
    const result = await parseScreeningList(file, CONTEXT);
    expect(result.rowCount).toBe(2);
    expect(result.issues.map((i) => i.row)).toEqual([5]);
  });
});

/** GB18030 encoder for the test: Node can decode GB18030 but not encode it, so map through a decode table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const mapped = table.get(ch);
      if (!mapped) throw new Error(`cannot encode ${ch}`);
      bytes.push(...mapped);
    }
  }
  return Buffer.from(bytes);
}

describe('reading limits', () => {
  const limits = { maxUncompressedBytes: 64 * 1024 * 1024, maxCompressionRatio: 200, maxRows: 100, maxCells: 100_000 };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => org(`R-${i}`));

  it.each(['xlsx', 'csv'] as const)('reads a .%s of exactly the row limit (header included) and refuses one row more, naming the limit', async (format) => {
    expect((await parseScreeningList(await writeScreeningList(rows(99), format), CONTEXT, { limits })).rowCount).toBe(99);
    const refusal = await parseScreeningList(await writeScreeningList(rows(100), format), CONTEXT, { limits }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CampaignsException);
    expect(refusal).toMatchObject({ code: 'file_too_large', details: { limit: 'rows', max: 100 }, messageZh: expect.stringContaining('100 行'), messageEn: expect.stringContaining('100 rows') });
  });

  it.each(['xlsx', 'csv'] as const)('refuses a .%s with more non-empty cells than the limit', async (format) => {
    const file = await writeScreeningList(rows(20), format);
    await expect(parseScreeningList(file, CONTEXT, { limits: { ...limits, maxCells: 150 } })).rejects.toMatchObject({ code: 'file_too_large', details: { limit: 'cells', max: 150 } });
  });
});
