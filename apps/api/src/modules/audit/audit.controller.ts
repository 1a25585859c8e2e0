import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditVerifyView } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('county_department', 'auditor')
  @ApiOperation({ summary: '核验审计链：逐条重算哈希，报告第一条被篡改的记录' })
  @ApiOkResponse({ type: AuditVerifyView })
  @ApiProblems(401, 403)
  verify(): Promise<AuditVerifyView> {
    return this.audit.verify();
  }
}
