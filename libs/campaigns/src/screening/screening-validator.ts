/**
 * Validates the rows of a screening list with the domain's own rules and turns the valid
 * organizations into OpenCaseInput. Pure. Every problem found is reported as { row, field, reason }
 * with the spreadsheet row number, the column header and a reason in Chinese. An organization with
 * any bad row is left out as a whole (it can be fixed and uploaded again: nothing of it was started).
 */
import {
  caseIdFor,
  IDENTIFICATION_SOURCE_LABELS,
  IDENTIFICATION_SOURCES,
  isOrgDomain,
  categoryRefusal,
  isProblemCategory,
  ORG_DOMAIN_LABELS,
  PROBLEM_CATEGORIES,
  type CampaignPolicy,
  type CampaignRef,
  type IdentificationSource,
  type OpenCaseInput,
  type OrgDomain,
  type ProblemCategory,
  type ProblemInput,
} from '@zhengdun/domain';
import { SCREENING_COLUMNS, type ScreeningColumnKey } from './screening-columns';
import type { RawScreeningRow, RawScreeningSheet } from './screening-parser';

export interface ScreeningIssue {
  /** 1-based spreadsheet row. */
  row: number;
  /** The column header, as in the template (组织代码, 领域 …). */
  field: string;
  /** Why, in Chinese. */
  reason: string;
}

export interface ScreenedOrganization {
  /** The organization's first row. */
  row: number;
  /** Every row that contributed a problem. */
  rows: number[];
  caseId: string;
  input: OpenCaseInput;
}

export interface ScreeningResult {
  /** Data rows read (header and blank rows excluded). */
  rowCount: number;
  organizations: ScreenedOrganization[];
  issues: ScreeningIssue[];
}

export interface ScreeningContext {
  campaign: CampaignRef;
  policy: CampaignPolicy;
}

/** Same shapes as the API accepts (apps/api core/http/patterns.ts). */
export const ORG_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;
export const PLACE_NAME_PATTERN = /^[\p{L}\p{N}\p{M}（）()·・\- ]{1,64}$/u;
export const MAX_ORG_NAME_LENGTH = 100;
export const MAX_PERSON_NAME_LENGTH = 32;
export const MAX_DESCRIPTION_LENGTH = 500;

const HEADER: Record<ScreeningColumnKey, string> = Object.fromEntries(SCREENING_COLUMNS.map((column) => [column.key, column.header])) as Record<
  ScreeningColumnKey,
  string
>;

const SCREENING_COLUMN_ORDER: Record<string, number> = Object.fromEntries(SCREENING_COLUMNS.map((column, index) => [column.header, index]));

const DOMAIN_BY_LABEL = new Map<string, OrgDomain>(Object.entries(ORG_DOMAIN_LABELS).map(([key, label]) => [label, key as OrgDomain]));
const CATEGORY_BY_LABEL = new Map<string, ProblemCategory>(Object.entries(PROBLEM_CATEGORIES).map(([key, label]) => [label, key as ProblemCategory]));
const SOURCE_BY_LABEL = new Map<string, IdentificationSource>(
  Object.entries(IDENTIFICATION_SOURCE_LABELS).map(([key, label]) => [label, key as IdentificationSource]),
);
/** Quotes typed differently (“两张皮” vs "两张皮") still name the same category. */
const plainQuotes = (text: string) => text.replace(/[“”„‟″"]/g, '"');
const CATEGORY_BY_PLAIN_LABEL = new Map<string, ProblemCategory>([...CATEGORY_BY_LABEL].map(([label, key]) => [plainQuotes(label), key]));

/** 农村 or rural → 'rural'. */
export function parseDomain(text: string): OrgDomain | undefined {
  if (isOrgDomain(text)) return text;
  return DOMAIN_BY_LABEL.get(text);
}

/** 信访矛盾突出 or petitions_and_conflicts → 'petitions_and_conflicts'. */
export function parseCategory(text: string): ProblemCategory | undefined {
  if (isProblemCategory(text)) return text;
  return CATEGORY_BY_LABEL.get(text) ?? CATEGORY_BY_PLAIN_LABEL.get(plainQuotes(text));
}

export function parseSource(text: string): IdentificationSource | undefined {
  if (text === '') return 'screening';
  if ((IDENTIFICATION_SOURCES as readonly string[]).includes(text)) return text as IdentificationSource;
  return SOURCE_BY_LABEL.get(text);
}

const YES = new Set(['是', 'Y', 'y', 'YES', 'Yes', 'yes', 'TRUE', 'True', 'true', '1', '√']);
const NO = new Set(['', '否', 'N', 'n', 'NO', 'No', 'no', 'FALSE', 'False', 'false', '0', '×']);

export function parseYesNo(text: string): boolean | undefined {
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

interface OrgFields {
  orgCode: string;
  orgName: string;
  domain: OrgDomain;
  township: string;
  isKeyVillage: boolean;
  secretaryName: string;
  secretaryId: string;
  source: IdentificationSource;
}

type OrgFieldKey = Exclude<ScreeningColumnKey, 'category' | 'description'>;
const ORG_FIELD_KEYS: readonly OrgFieldKey[] = ['orgName', 'domain', 'township', 'isKeyVillage', 'secretaryName', 'secretaryId', 'source'];

interface Group {
  code: string;
  first: RawScreeningRow;
  rows: RawScreeningRow[];
  badRows: Set<number>;
  problems: ProblemInput[];
  org?: OrgFields;
}

function listOf(values: readonly string[]): string {
  return values.join('、');
}

/** Validates the organization columns of a group's first row. */
function validateOrg(first: RawScreeningRow, issue: (field: ScreeningColumnKey, reason: string) => void): OrgFields | undefined {
  const v = (key: ScreeningColumnKey) => first.values[key] ?? '';
  let ok = true;
  const fail = (field: ScreeningColumnKey, reason: string) => {
    ok = false;
    issue(field, reason);
  };
  const orgName = v('orgName');
  if (orgName === '') fail('orgName', '组织名称不能为空');
  else if (orgName.length > MAX_ORG_NAME_LENGTH) fail('orgName', `组织名称不能超过${MAX_ORG_NAME_LENGTH}字`);

  const domainText = v('domain');
  const domain = parseDomain(domainText);
  if (domainText === '') fail('domain', '领域不能为空');
  else if (!domain) fail('domain', `领域“${domainText}”无效，应为：${listOf(Object.values(ORG_DOMAIN_LABELS))}`);

  const township = v('township');
  if (township === '') fail('township', '所属乡镇/党(工)委不能为空');
  else if (!PLACE_NAME_PATTERN.test(township)) fail('township', '所属乡镇/党(工)委不超过64字，只能含文字、数字、括号、间隔号、横线和空格');

  const keyText = v('isKeyVillage');
  const isKeyVillage = parseYesNo(keyText);
  if (isKeyVillage === undefined) fail('isKeyVillage', `“${keyText}”无效，请填“是”或“否”`);
  else if (isKeyVillage && domain && domain !== 'rural') fail('isKeyVillage', '只有农村党组织可以标记为重点难点村');

  const secretaryName = v('secretaryName');
  if (secretaryName === '') fail('secretaryName', '支部书记姓名不能为空');
  else if (secretaryName.length > MAX_PERSON_NAME_LENGTH) fail('secretaryName', `支部书记姓名不能超过${MAX_PERSON_NAME_LENGTH}字`);

  const secretaryId = v('secretaryId');
  if (secretaryId === '') fail('secretaryId', '支部书记编号不能为空');
  else if (!PERSON_ID_PATTERN.test(secretaryId)) fail('secretaryId', '支部书记编号只能由字母、数字及 _ . : @ - 组成，不超过128位');

  const sourceText = v('source');
  const source = parseSource(sourceText);
  if (!source) fail('source', `来源“${sourceText}”无效，应为：${listOf(Object.values(IDENTIFICATION_SOURCE_LABELS))}`);

  if (!ok || !domain || isKeyVillage === undefined || !source) return undefined;
  return { orgCode: v('orgCode'), orgName, domain, township, isKeyVillage, secretaryName, secretaryId, source };
}

function validateProblem(row: RawScreeningRow, issue: (field: ScreeningColumnKey, reason: string) => void): ProblemInput | undefined {
  const categoryText = row.values.category ?? '';
  const description = row.values.description ?? '';
  const category = parseCategory(categoryText);
  let ok = true;
  if (categoryText === '') {
    ok = false;
    issue('category', '问题类别不能为空');
  } else if (!category) {
    ok = false;
    issue('category', `问题类别“${categoryText}”无效，请从下拉列表中选择（见“填写说明”）`);
  }
  if (description === '') {
    ok = false;
    issue('description', '问题描述不能为空，请写明问题的具体表现');
  } else if (description.length > MAX_DESCRIPTION_LENGTH) {
    ok = false;
    issue('description', `问题描述不能超过${MAX_DESCRIPTION_LENGTH}字`);
  }
  return ok && category ? { category, description } : undefined;
}

/** The organization columns on a later row of the same organization: blank, or the same as its first row. */
function checkContinuation(group: Group, row: RawScreeningRow, issue: (field: ScreeningColumnKey, reason: string) => void): void {
  for (const key of ORG_FIELD_KEYS) {
    const text = row.values[key] ?? '';
    if (text === '') continue;
    const firstText = group.first.values[key] ?? '';
    const same =
      key === 'domain'
        ? parseDomain(text) !== undefined && parseDomain(text) === parseDomain(firstText)
        : key === 'source'
          ? parseSource(text) === parseSource(firstText)
          : key === 'isKeyVillage'
            ? parseYesNo(text) === parseYesNo(firstText)
            : text === firstText;
    if (!same) issue(key, `与同一组织代码的第${group.first.row}行不一致（第${group.first.row}行为“${firstText}”）`);
  }
}

export function validateScreeningSheet(sheet: RawScreeningSheet, context: ScreeningContext): ScreeningResult {
  const issues: ScreeningIssue[] = [];
  if (sheet.missingHeaders.length > 0) {
    for (const header of sheet.missingHeaders) issues.push({ row: sheet.headerRow, field: header, reason: `缺少“${header}”列，请使用系统提供的模板` });
    return { rowCount: sheet.rows.length, organizations: [], issues };
  }
  const groups = new Map<string, Group>();
  const order: Group[] = [];
  for (const row of sheet.rows) {
    const rowIssue = (field: ScreeningColumnKey, reason: string) => issues.push({ row: row.row, field: HEADER[field], reason });
    const code = row.values.orgCode ?? '';
    if (code === '') {
      rowIssue('orgCode', '组织代码不能为空');
      continue;
    }
    if (!ORG_CODE_PATTERN.test(code)) {
      rowIssue('orgCode', '组织代码只能由字母、数字、点、横线和下划线组成，不超过64位');
      continue;
    }
    let group = groups.get(code);
    const before = issues.length;
    if (!group) {
      group = { code, first: row, rows: [], badRows: new Set(), problems: [] };
      groups.set(code, group);
      order.push(group);
      group.org = validateOrg(row, rowIssue);
    } else {
      checkContinuation(group, row, rowIssue);
    }
    group.rows.push(row);
    const problem = validateProblem(row, rowIssue);
    const domain = group.org?.domain;
    if (problem && domain && categoryRefusal(domain, [problem])) {
      rowIssue('category', `问题类别“${PROBLEM_CATEGORIES[problem.category]}”不适用于${ORG_DOMAIN_LABELS[domain]}党组织`);
    } else if (problem) group.problems.push(problem);
    if (issues.length > before) group.badRows.add(row.row);
  }

  const organizations: ScreenedOrganization[] = [];
  for (const group of order) {
    if (group.badRows.size > 0 || !group.org) {
      const bad = [...group.badRows].sort((a, b) => a - b);
      for (const row of group.rows) {
        if (group.badRows.has(row.row)) continue;
        issues.push({ row: row.row, field: HEADER.orgCode, reason: `同一组织（${group.code}）的第${bad.join('、')}行有误，该组织整体未导入` });
      }
      continue;
    }
    const { org } = group;
    const input: OpenCaseInput = {
      campaign: context.campaign,
      policy: context.policy,
      org: {
        code: org.orgCode,
        name: org.orgName,
        domain: org.domain,
        county: context.campaign.county,
        township: org.township,
        isKeyVillage: org.isKeyVillage,
        secretary: { personId: org.secretaryId, name: org.secretaryName },
      },
      source: org.source,
      problems: group.problems,
    };
    organizations.push({ row: group.first.row, rows: group.rows.map((row) => row.row), caseId: caseIdFor(context.campaign.id, org.orgCode), input });
  }
  issues.sort((a, b) => a.row - b.row || SCREENING_COLUMN_ORDER[a.field] - SCREENING_COLUMN_ORDER[b.field]);
  return { rowCount: sheet.rows.length, organizations, issues };
}
