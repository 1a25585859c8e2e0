/**
 * The screening list (摸排名单) as a spreadsheet: its columns and the one convention for listing
 * several problems of one organization — one row per problem, rows of the same organization share
 * its 组织代码 (the organization columns may be left blank on its second and later rows).
 */
import { IDENTIFICATION_SOURCE_LABELS, ORG_DOMAIN_LABELS, PROBLEM_CATEGORIES } from '@zhengdun/domain';

export const SCREENING_COLUMNS = [
  { key: 'orgCode', header: '组织代码', required: true, perOrganization: true, width: 18, hint: '党组织统一代码，字母、数字、点、横线或下划线，不超过64位；同一组织的多行填写相同代码', example: '610722-QS-001' },
  { key: 'orgName', header: '组织名称', required: true, perOrganization: true, width: 28, hint: '党组织全称', example: '青山镇柳营村党支部' },
  { key: 'domain', header: '领域', required: true, perOrganization: true, width: 12, hint: '从下拉列表选择：农村、国有企业、非公企业、社区、机关、学校、医院、社会组织', example: '农村' },
  { key: 'township', header: '所属乡镇/党(工)委', required: true, perOrganization: true, width: 20, hint: '乡镇（街道），或企业、机关所属的党（工）委，如“非公党工委”', example: '青山镇' },
  { key: 'isKeyVillage', header: '是否重点难点村', required: false, perOrganization: true, width: 14, hint: '填“是”或“否”，不填按“否”；只有农村党组织可以填“是”（由乡镇党委书记直接包抓）', example: '否' },
  { key: 'secretaryName', header: '支部书记姓名', required: true, perOrganization: true, width: 14, hint: '现任支部书记姓名', example: '王建国' },
  { key: 'secretaryId', header: '支部书记编号', required: true, perOrganization: true, width: 18, hint: '支部书记在系统中的人员编号（登录账号），字母、数字及 _ . : @ -', example: 'sec-610722-QS-001' },
  { key: 'category', header: '问题类别', required: true, perOrganization: false, width: 26, hint: '从下拉列表选择，一行填写一个问题', example: '信访矛盾突出' },
  { key: 'description', header: '问题描述', required: true, perOrganization: false, width: 48, hint: '问题的具体表现，不超过500字', example: '土地流转纠纷长期信访，群众意见大' },
  { key: 'source', header: '来源', required: false, perOrganization: true, width: 14, hint: '拉网式排查、巡察发现、信访反映或上轮回头看滚动；不填按“拉网式排查”', example: '拉网式排查' },
] as const;

export type ScreeningColumn = (typeof SCREENING_COLUMNS)[number];
export type ScreeningColumnKey = ScreeningColumn['key'];

export const SCREENING_HEADERS: readonly string[] = SCREENING_COLUMNS.map((column) => column.header);

export const SCREENING_SHEET_NAME = '摸排名单';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
export const OPTIONS_SHEET_NAME = '选项';

/** The convention for several problems, as the template states it (填写说明). */
export const MULTIPLE_PROBLEMS_RULE =
  '一个党组织有多个问题时，每个问题单独占一行，各行填写相同的“组织代码”；该组织的名称、领域、所属乡镇等信息在第一行填写即可，其余行可留空，如填写须与第一行一致。同一组织的各行建议相邻排列。';

export const DOMAIN_OPTIONS: readonly string[] = Object.values(ORG_DOMAIN_LABELS);
export const CATEGORY_OPTIONS: readonly string[] = Object.values(PROBLEM_CATEGORIES);
export const SOURCE_OPTIONS: readonly string[] = Object.values(IDENTIFICATION_SOURCE_LABELS);
export const YES_NO_OPTIONS: readonly string[] = ['是', '否'];

/** Header text as users type it: full-width brackets, stray spaces and a required-mark asterisk are tolerated. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s\u3000*＊]/g, '')
    .trim();
}
