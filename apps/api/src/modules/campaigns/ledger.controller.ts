import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { XLSX_CONTENT_TYPE } from '@zhengdun/campaigns';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/content-disposition';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditService } from '../audit/audit.service';
import { LedgerQueryDto } from './campaign-features.dto';
import { CampaignFeaturesService } from './campaign-features.service';

export const LEDGER_CASES_HEADER = 'X-Ledger-Cases';

@ApiTags('ledger 台账')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly features: CampaignFeaturesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '导出整顿台账（.xlsx）：县级及审计为全县，乡镇党委为本乡镇' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: '台账 .xlsx；X-Ledger-Cases 为其中的案件数',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403)
  async export(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    // An export is audited like a command: who took which county's (or township's) ledger, and when.
    const ledger = await this.audit.command(actor, null, 'exportLedger', { ...query }, () => this.features.ledger(actor, query));
    response.setHeader(LEDGER_CASES_HEADER, String(ledger.cases));
    return new StreamableFile(ledger.content, { type: ledger.contentType, disposition: attachment(ledger.fileName), length: ledger.content.length });
  }
}
