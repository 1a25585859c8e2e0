import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyClaims } from './idempotency-claims.service';
import { IdempotencyContext } from './idempotency-context';
import { IdempotencyJanitor } from './idempotency-janitor.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency-Key on every POST (the interceptor), its leases and retention, and the key for the services below. */
@Global()
@Module({
  providers: [IdempotencyContext, IdempotencyClaims, IdempotencyJanitor, IdempotencyInterceptor, { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
  // The interceptor also runs per route on uploads (IdempotentUpload), after the file has been read.
  exports: [IdempotencyContext, IdempotencyClaims, IdempotencyInterceptor],
})
export class IdempotencyModule {}
