import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditEntryPageView, AuditListQueryDto, AuditVerifyView } from './audit.dto';
import { AuditEntriesService } from './audit-entries.service';
import { AuditService } from '../../core/audit/audit.service';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly entries: AuditEntriesService,
  ) {}

  @Get('entries')
  @Roles('county_department', 'auditor')
  @ApiOperation({
    summary: '审计记录（只读）：最新的在前，谁、何时、做了什么、涉及哪个整顿对象；按记录编号分页（before 为上一页最后一条的编号）',
    description: 'Entries of cases in your county, and entries tied to no case. Keyset-paged on the entry id.',
  })
  @ApiOkResponse({ type: AuditEntryPageView })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: AuditListQueryDto): Promise<AuditEntryPageView> {
    return this.entries.latest(actor, query.before, query.limit);
  }

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
