import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from '../../core/audit/audit.service';

/** Global: every module that takes commands records them here. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
