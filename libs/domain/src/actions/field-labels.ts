import { z } from 'zod';

function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** A meta entry of a field, from the field itself or the first wrapped schema (optional, nullable, default) that has it. */
export function fieldMeta(schema: z.ZodType, key: 'title' | 'examples'): unknown {
  let current = schema;
  for (;;) {
    const value = current.meta()?.[key];
    if (value !== undefined) return value;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else return undefined;
  }
}

function titleOf(schema: z.ZodType): string | undefined {
  const title = fieldMeta(schema, 'title');
  return typeof title === 'string' ? title : undefined;
}

/**
 * A field's Chinese name, path by path: `['measures', 0, 'dueAt']` → `整改措施第1条的完成时限`.
 * Segments without a title keep their key, so an answer is never empty.
 */
export function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string {
  let label = '';
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    const inner: z.ZodType | undefined = current ? unwrapped(current) : undefined;
    if (typeof segment === 'number') {
      label += `第${segment + 1}条`;
      current = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
      continue;
    }
    const child: z.ZodType | undefined = inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>)[String(segment)] : undefined;
    label += `${label ? '的' : ''}${(child && titleOf(child)) ?? String(segment)}`;
    current = child;
  }
  return label;
}

/** The top-level fields of a body with their Chinese names, in declaration order (what a form shows). */
export function fieldLabels(body: z.ZodObject): Record<string, string> {
  return Object.fromEntries(Object.entries(body.shape as Record<string, z.ZodType>).map(([key, field]) => [key, titleOf(field) ?? key]));
}
