/**
 * A form field as the action's body schema describes it (zod, with Chinese titles in meta): its
 * label, an example as placeholder, and whether it must be given. Nothing here is written twice.
 */
import { z } from 'zod';
import { fieldLabel, fieldMeta } from '@zhengdun/domain';
import type { FormRule } from 'antd';

export interface FieldDescription {
  label: string;
  placeholder?: string;
  required: boolean;
}

/** The field `key` of an object schema (an action's body, or a row of it such as a measure). */
export function describeField<S extends z.ZodObject>(schema: S, key: keyof S['shape'] & string): FieldDescription {
  const field = (schema.shape as Record<string, z.ZodType>)[key];
  // A list field's example is a list: its first item shows what one entry looks like.
  const examples = fieldMeta(field, 'examples');
  const first = Array.isArray(examples) ? examples[0] : undefined;
  const example = Array.isArray(first) ? (first as unknown[])[0] : first;
  return {
    label: fieldLabel(schema, [key]),
    placeholder: typeof example === 'string' ? `如：${example}` : undefined,
    required: !field.safeParse(undefined).success,
  };
}

/** "Fill this in" for a field the schema requires; every other check is the API's. */
export function requiredRule(field: FieldDescription, verb: '填写' | '选择' = '填写'): FormRule[] | undefined {
  return field.required ? [{ required: true, message: `请${verb}${field.label}` }] : undefined;
}
