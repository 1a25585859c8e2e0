/**
 * Zod issues turned into field errors a clerk can read: the field's path in the request, its Chinese
 * name from the schema (`meta.title`, e.g. 整改措施第1条的完成时限), the problem in Chinese, and zod's
 * English beside it.
 */
import { fieldLabel } from '@zhengdun/domain';
import type { z } from 'zod';
import type { FieldError } from './request-validation.exception';

type Issue = z.core.$ZodIssue;

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '数组',
  object: '对象',
};

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)), '');
}

function problemZh(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '为必填项' : `必须是${TYPE_ZH[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 条`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `过长（最多 ${issue.maximum} 字）`;
      if (issue.origin === 'array') return `条目过多（最多 ${issue.maximum} 条）`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? '必须是 ISO 8601 格式的日期时间，如 2026-10-31T00:00:00+08:00' : '格式不正确（含有不允许的字符或长度不符）';
    case 'invalid_value':
      return '取值不在允许范围内';
    default:
      return '不符合要求';
  }
}

/** One entry per field and problem; an unknown field is named by its own path. */
export function zodFieldErrors(error: z.ZodError, schema: z.ZodType, parent: readonly PropertyKey[] = []): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...parent, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ field: pathText([...path, key]) || '(body)', detail: '是不允许的字段', detail_en: `property ${key} should not exist` });
      continue;
    }
    const label = issue.path.length > 0 ? fieldLabel(schema, issue.path) : '请求内容';
    fields.push({ field: pathText(path) || '(body)', label, detail: problemZh(issue), detail_en: issue.message });
  }
  return fields;
}
