import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditVerifyView } from './audit.dto';
import { AuditService } from '../../core/audit/audit.service';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('county_department', 'auditor')
  @ApiOperation({
    summary: '核验审计链：先补记崩溃遗漏的操作，再逐条重算哈希并与签名检查点核对，报告损坏从哪条起；核验本身记入审计',
  })
  @ApiOkResponse({ type: AuditVerifyView })
  @ApiProblems(401, 403)
  verify(@CurrentActor() actor: Actor): Promise<AuditVerifyView> {
    return this.audit.verify(actor);
  }
}
