import { Global, Module } from '@nestjs/common';
import { AuditRecorder } from '../../core/audit/audit-recorder';
import { AuditController } from './audit.controller';
import { AuditEntriesService } from './audit-entries.service';
import { AuditService } from '../../core/audit/audit.service';

/** Global: every module that takes commands records them here. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditEntriesService, { provide: AuditRecorder, useExisting: AuditService }],
  exports: [AuditService, AuditRecorder],
})
export class AuditModule {}
