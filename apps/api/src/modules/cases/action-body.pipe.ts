import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { assertStorableBody } from '../../core/errors/validation';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { zodFieldErrors } from '../../core/errors/zod-validation';

/** Validates an action's body against its definition's schema (the global pipe has no class to go by). */
export class ActionBodyPipe implements PipeTransform<unknown, unknown> {
  constructor(private readonly schema: z.ZodObject) {}

  transform(received: unknown): unknown {
    // No body at all is an empty one (an action without fields, e.g. startPublicity, is sent bare).
    const value = received === undefined ? {} : received;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw RequestValidationException.field('(body)', '请求内容必须是 JSON 对象', 'the body must be a JSON object');
    }
    assertStorableBody(value);
    const result = this.schema.safeParse(value);
    if (!result.success) throw new RequestValidationException(zodFieldErrors(result.error, this.schema));
    return result.data;
  }
}
