import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** Documents the optional Idempotency-Key header of a POST. */
export function ApiIdempotencyKey() {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '重复提交保护：同一用户以相同的键重复提交同一请求，返回首次结果且不再执行；相同的键用于不同请求返回 422。',
    }),
  );
}
