import { applyDecorators, SetMetadata, UseInterceptors, type NestInterceptor, type Type } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { DIGEST_AFTER_UPLOAD } from './uploaded-file';

/**
 * For a multipart upload route: reads the file with `fileInterceptor`, then claims the
 * Idempotency-Key with a digest that covers the file (the global IdempotencyInterceptor leaves such
 * a route to this second pass).
 */
export function IdempotentUpload(fileInterceptor: Type<NestInterceptor>): MethodDecorator {
  return applyDecorators(SetMetadata(DIGEST_AFTER_UPLOAD, true), UseInterceptors(fileInterceptor, IdempotencyInterceptor));
}
