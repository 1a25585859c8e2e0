import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitRepository } from '@zhengdun/persistence';
import { RateLimitJanitor } from './rate-limit-janitor.service';

/** The shared rate-limit counters and their cleanup; ThrottlerModule's storage is built on them (app.module.ts). */
@Module({
  providers: [{ provide: RateLimitRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new RateLimitRepository(dataSource) }, RateLimitJanitor],
  exports: [RateLimitRepository],
})
export class RateLimitModule {}
