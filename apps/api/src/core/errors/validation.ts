/**
 * class-validator errors turned into field errors a clerk can read: the field's path in the
 * request, the constraint in Chinese and the validator's English message beside it.
 */
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { ValidationPipeOptions } from '@nestjs/common';
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

export function fieldErrors(errors: ValidationError[], parent = '', into: FieldError[] = []): FieldError[] {
  for (const error of errors) {
    const path = error.property === undefined || error.property === '' ? parent || '(body)' : joinPath(parent, error.property);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      into.push({ field: path, detail: ZH[constraint] ?? '不符合要求', detail_en: message });
    }
    if (error.children?.length) fieldErrors(error.children, path, into);
  }
  return into;
}

export function validationException(errors: ValidationError[], parent = ''): RequestValidationException {
  const fields = fieldErrors(errors, parent);
  return new RequestValidationException(fields.length > 0 ? fields : [{ field: parent || '(body)', detail: '不符合要求', detail_en: 'invalid value' }]);
}

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // An action without fields (startPublicity) has a DTO class without rules, which this option would
  // refuse. Non-objects are refused anyway: by the ValidationPipe (arrays, primitives), by
  // @ValidateNested (nested values) and by validateDto (batch items).
  forbidUnknownValues: false,
  stopAtFirstError: false,
};

export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  validateCustomDecorators: false,
  exceptionFactory: (errors) => validationException(errors),
};

/** Validates one value against a DTO class outside a pipe (e.g. each item of a batch). */
export async function validateDto<T extends object>(cls: new () => T, value: unknown, path: string): Promise<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw RequestValidationException.field(path, '必须是对象', 'must be an object');
  }
  const instance = plainToInstance(cls, value);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw validationException(errors, path);
  return instance;
}
