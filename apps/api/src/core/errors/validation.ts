/**
 * class-validator errors turned into field errors a clerk can read: the field's path in the
 * request, the constraint in Chinese and the validator's English message beside it.
 */
import { classToPlain, plainToInstance } from 'class-transformer';
import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { RequestValidationException, type FieldError } from './request-validation.exception';

const ZH: Record<string, string> = {
  isDefined: '为必填项',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isBoolean: '必须是 true 或 false',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  min: '数值过小',
  max: '数值过大',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isIso8601: '必须是 ISO 8601 格式的日期时间，如 2026-10-31T00:00:00+08:00',
  isDateString: '必须是 ISO 8601 格式的日期时间',
  matches: '格式不正确（含有不允许的字符或长度不符）',
  maxLength: '过长',
  minLength: '过短',
  isArray: '必须是数组',
  arrayMinSize: '条目数量不足',
  arrayMaxSize: '条目数量过多',
  arrayNotEmpty: '不能为空',
  arrayUnique: '不能有重复条目',
  nestedValidation: '必须是对象',
  isObject: '必须是对象',
  whitelistValidation: '是不允许的字段',
  unknownValue: '请求内容必须是 JSON 对象',
  isUUID: '必须是 UUID',
};

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * A property's Chinese name: the `title` of its @ApiProperty, so that the OpenAPI document and the
 * messages name a field alike; an array item is 第 n 项 of its array.
 */
function ownLabel(error: ValidationError): string | undefined {
  const { target, property } = error;
  if (Array.isArray(target)) return /^\d+$/.test(property) ? `第${Number(property) + 1}项` : undefined;
  if (target === null || typeof target !== 'object') return undefined;
  const metadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, Object.getPrototypeOf(target), property) as { title?: unknown } | undefined;
  return typeof metadata?.title === 'string' ? metadata.title : undefined;
}

/** 整顿政策 + 结果公示期 → 整顿政策·结果公示期; 整改措施 + 第1项 → 整改措施第1项. */
function joinLabel(parent: string | undefined, own: string | undefined, isItem: boolean): string | undefined {
  if (own === undefined || (isItem && parent === undefined)) return undefined;
  if (parent === undefined) return own;
  return isItem ? `${parent}${own}` : `${parent}·${own}`;
}

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';
/** Constraints a blank text fails: for those, "blank" is what the user needs to hear. */
const BLANK_CONSTRAINTS = new Set(['matches', 'isNotEmpty', 'minLength']);
/** Constraints that say the field should not be there at all, not that it is missing. */
const NOT_A_FIELD = new Set(['whitelistValidation', 'unknownValue']);

export function fieldErrors(errors: ValidationError[], parent = '', into: FieldError[] = [], parentLabel?: string): FieldError[] {
  for (const error of errors) {
    const path = error.property === undefined || error.property === '' ? parent || '(body)' : joinPath(parent, error.property);
    const label = joinLabel(parentLabel, ownLabel(error), Array.isArray(error.target));
    const named = { field: path, ...(label ? { label } : {}) };
    const constraints = Object.entries(error.constraints ?? {});
    if ((error.value === undefined || error.value === null) && constraints.length > 0 && !constraints.some(([name]) => NOT_A_FIELD.has(name))) {
      // A missing field fails each of its checks; one entry says what is wrong.
      into.push({ ...named, detail: ZH.isDefined, detail_en: `${error.property} is required` });
    } else {
      let saidBlank = false;
      for (const [constraint, message] of constraints) {
        if (isBlank(error.value) && BLANK_CONSTRAINTS.has(constraint)) {
          if (!saidBlank) into.push({ ...named, detail: ZH.isNotEmpty, detail_en: `${error.property} must not be blank` });
          saidBlank = true;
        } else {
          into.push({ ...named, detail: ZH[constraint] ?? '不符合要求', detail_en: message });
        }
      }
    }
    if (error.children?.length) fieldErrors(error.children, path, into, label);
  }
  return into;
}

export function validationException(errors: ValidationError[], parent = ''): RequestValidationException {
  const fields = fieldErrors(errors, parent);
  return new RequestValidationException(fields.length > 0 ? fields : [{ field: parent || '(body)', detail: '不符合要求', detail_en: 'invalid value' }]);
}

/** Deepest nesting a request body may have: real bodies are a few levels deep. */
export const MAX_NESTING = 32;

export function nestedTooDeeply(field: string): RequestValidationException {
  return RequestValidationException.field(field, `嵌套层级过深（不超过 ${MAX_NESTING} 层）`, `nested deeper than ${MAX_NESTING} levels`);
}

/** Whether objects and arrays in `value` nest deeper than `limit`; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Text that Postgres cannot hold (jsonb refuses NUL and unpaired UTF-16 surrogates, which JSON's
 * `\u0000` and `\ud83d` escapes can carry): a workflow would take it, and the case's read model could
 * then never be written again.
 */
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Keys that reach an object's prototype machinery when code copies a body around (`target[key] =
 * value`). No DTO has them, so they are refused wherever they are, like any unknown field; checked
 * here because class-validator's whitelist does not see them (JSON.parse makes `__proto__` an own
 * property, which class-transformer does not copy to the instance it validates).
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKey(path: string, key: string): RequestValidationException {
  return RequestValidationException.field(path, ZH.whitelistValidation, `property ${key} should not exist`);
}

/**
 * Refuses, naming the field, what would break further in: a body nested deeper than MAX_NESTING
 * (class-transformer recurses and overflows the stack a few thousand levels down, a 500), text
 * Postgres cannot store, and the keys of FORBIDDEN_KEYS. Iterative, so any body is safe to look at.
 */
function assertStorable(value: unknown, root: string): void {
  const pending: [unknown, number, string][] = [[value, 0, root === '(body)' ? '' : root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth, path] = next;
    if (typeof current === 'string' && UNSTORABLE_TEXT.test(current)) {
      throw RequestValidationException.field(path || root, '含有无法保存的字符（空字符或不成对的代理项）', 'contains a character that cannot be stored (NUL or an unpaired surrogate)');
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) throw nestedTooDeeply(root);
    // A key is looked at as text too (jsonb refuses it just the same).
    for (const [key, child] of Object.entries(current)) {
      if (FORBIDDEN_KEYS.has(key)) throw forbiddenKey(joinPath(path, key), key);
      pending.push([UNSTORABLE_TEXT.test(key) ? key : child, depth + 1, joinPath(path, key)]);
    }
  }
}

/** For bodies validated outside the ValidationPipe (case actions): what assertStorable and the pipe refuse. */
export function assertStorableBody(value: unknown): void {
  assertStorable(value, '(body)');
}

/** class-transformer for the ValidationPipe, refusing what assertStorable refuses before it recurses into it. */
const STORABLE_TRANSFORMER: NonNullable<ValidationPipeOptions['transformerPackage']> = {
  plainToInstance: (cls, plain, options) => {
    assertStorable(plain, '(body)');
    return plainToInstance(cls, plain, options);
  },
  classToPlain: (object, options) => classToPlain(object, options),
};

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // An action without fields (startPublicity) has a DTO class without rules, which this option would
  // refuse. Non-objects are refused anyway: by the ValidationPipe (arrays, primitives), by
  // @ValidateNested (nested values) and by validateDto (batch items).
  forbidUnknownValues: false,
  stopAtFirstError: false,
  // fieldErrors reads the field's label from the object it was found in and tells a blank or missing
  // value by the value; neither is ever sent (the exception factory keeps only paths and messages).
  validationError: { target: true, value: true },
};

export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  transformerPackage: STORABLE_TRANSFORMER,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => validationException(errors),
};

/** Refuses a FORBIDDEN_KEYS key anywhere in `value`, naming its path; iterative. */
function assertNoPrototypeKeys(value: unknown): void {
  const pending: [unknown, string, number][] = [[value, '', 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, path, depth] = next;
    // Deeper than this, assertStorable refuses the body anyway.
    if (current === null || typeof current !== 'object' || depth > MAX_NESTING) continue;
    for (const [key, child] of Object.entries(current)) {
      if (FORBIDDEN_KEYS.has(key)) throw forbiddenKey(joinPath(path, key), key);
      pending.push([child, joinPath(path, key), depth + 1]);
    }
  }
}

/**
 * The global ValidationPipe, refusing `__proto__`, `constructor` and `prototype` keys with a 400 where
 * Nest's own pipe would delete them silently (stripProtoKeys) and accept the rest of the body.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super(VALIDATION_PIPE_OPTIONS);
  }

  protected override stripProtoKeys(value: unknown): void {
    assertNoPrototypeKeys(value);
    super.stripProtoKeys(value);
  }
}

/** Validates one value against a DTO class outside a pipe (e.g. each item of a batch). */
export async function validateDto<T extends object>(cls: new () => T, value: unknown, path: string): Promise<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw RequestValidationException.field(path, '必须是对象', 'must be an object');
  }
  assertStorable(value, path);
  const instance = plainToInstance(cls, value);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw validationException(errors, path);
  return instance;
}
