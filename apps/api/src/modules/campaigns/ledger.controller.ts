import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { XLSX_CONTENT_TYPE } from '@zhengdun/campaigns';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/content-disposition';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditService } from '../../core/audit/audit.service';
import { LedgerQueryDto } from './campaign-views.dto';
import { LedgerExportService } from './ledger-export.service';

export const LEDGER_CASES_HEADER = 'X-Ledger-Cases';

@ApiTags('ledger 台账')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  private readonly logger = new Logger(LedgerController.name);

  constructor(
    private readonly ledgers: LedgerExportService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '导出整顿台账（.xlsx，流式）：县级及审计为全县，乡镇党委为本乡镇；单次至多 LEDGER_MAX_CASES 个整顿对象，超出时 422，请按批次、乡镇或领域筛选' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: '台账 .xlsx；X-Ledger-Cases 为其中的整顿对象数',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 422)
  async export(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto, @Res() response: Response): Promise<void> {
    // Refusals (scope, over LEDGER_MAX_CASES) are thrown here, before a byte of the file is sent.
    // An export is audited like a command: who took which county's (or township's) ledger, and when.
    const ledger = await this.audit.command(actor, null, 'exportLedger', { ...query }, () => this.ledgers.export(actor, query));
    response.status(200);
    response.setHeader('Content-Type', ledger.contentType);
    response.setHeader('Content-Disposition', attachment(ledger.fileName, ledger.asciiFileName));
    response.setHeader(LEDGER_CASES_HEADER, String(ledger.cases));
    try {
      await ledger.writeTo(response);
    } catch (error) {
      // Headers are gone: the only honest signal left is a cut connection (the client sees a truncated download).
      this.logger.error({ err: error }, 'ledger export failed while streaming');
      response.destroy(error instanceof Error ? error : undefined);
    }
  }
}
