import { Controller, Get, HttpCode, Param, Post, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { XLSX_CONTENT_TYPE } from '@zhengdun/campaigns';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/content-disposition';
import { CampaignIdPipe, ImportIdPipe } from '../../core/http/id-param.pipe';
import { IdempotentUpload } from '../../core/idempotency/idempotent-upload.decorator';
import { ApiIdempotencyKey } from '../../core/openapi/api-idempotency.decorator';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { AuditService } from '../../core/audit/audit.service';
import { ImportProgressView, ScreeningUploadBody, ScreeningUploadView } from './campaign-views.dto';
import { ScreeningUploadsService } from './screening-uploads.service';
import { CampaignsService } from './campaigns.service';
import { ScreeningFileInterceptor, type UploadedSpreadsheet } from './screening-file.interceptor';

export const SCREENING_TEMPLATE_FILE_NAME = '摸排名单模板.xlsx';

@ApiTags('campaigns 整顿批次')
@ApiBearerAuth()
@Controller('campaigns/:campaignId')
export class ScreeningController {
  constructor(
    private readonly screeningUploads: ScreeningUploadsService,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditService,
  ) {}

  @Get('screening-template')
  @ApiOperation({ summary: '下载摸排名单模板（.xlsx，含填写说明）' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: '摸排名单模板.xlsx', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 403, 404)
  async template(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<StreamableFile> {
    // Audited like any export: who took the campaign's template, and when.
    const content = await this.audit.command(actor, null, 'downloadScreeningTemplate', { campaignId }, async () => {
      await this.campaigns.get(actor, campaignId);
      return this.screeningUploads.template();
    });
    return new StreamableFile(content, { type: XLSX_CONTENT_TYPE, disposition: attachment(SCREENING_TEMPLATE_FILE_NAME, 'zhengdun-screening-template.xlsx'), length: content.length });
  }

  @Post('screening-imports')
  @HttpCode(202)
  @Roles('county_department')
  @IdempotentUpload(ScreeningFileInterceptor)
  @ApiOperation({ summary: '上传摸排名单（.xlsx 或 .csv），逐行校验并批量列入整顿名单；同一文件重复上传不会重复列入 (county department only)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ScreeningUploadBody })
  @ApiIdempotencyKey()
  @ApiAcceptedResponse({ type: ScreeningUploadView, description: '已受理：有误的行及导入批次编号；列入进度见 GET …/screening-imports/:importId' })
  @ApiProblems(400, 401, 403, 404, 413, 422, 503)
  upload(
    @CurrentActor() actor: Actor,
    @Param('campaignId', CampaignIdPipe) campaignId: string,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
  ): Promise<ScreeningUploadView> {
    return this.screeningUploads.upload(actor, campaignId, file);
  }

  @Get('screening-imports/:importId')
  @ApiOperation({ summary: '摸排名单导入进度' })
  @ApiOkResponse({ type: ImportProgressView })
  @ApiProblems(400, 401, 403, 404)
  progress(
    @CurrentActor() actor: Actor,
    @Param('campaignId', CampaignIdPipe) campaignId: string,
    @Param('importId', ImportIdPipe) importId: string,
  ): Promise<ImportProgressView> {
    return this.screeningUploads.progress(actor, campaignId, importId);
  }
}
