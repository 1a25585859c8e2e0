import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyContext } from './idempotency-context';
import { IdempotencyJanitor } from './idempotency-janitor.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency-Key on every POST (the interceptor), its retention, and the key for the services below. */
@Global()
@Module({
  providers: [IdempotencyContext, IdempotencyJanitor, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [IdempotencyContext],
})
export class IdempotencyModule {}
