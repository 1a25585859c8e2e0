import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { CampaignIdPipe } from '../../core/http/id-param.pipe';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { CampaignListView, CampaignView, CreateCampaignDto } from './campaign.dto';
import { CampaignStatusView } from './campaign-views.dto';
import { CampaignStatusService } from './campaign-status.service';
import { CampaignProgressView } from './campaign-progress.dto';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignsService, toCampaignView } from './campaigns.service';

@ApiTags('campaigns 整顿批次')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly campaignStatus: CampaignStatusService,
    private readonly campaignProgress: CampaignProgressService,
  ) {}

  @Post()
  @Roles('county_department')
  @ApiOperation({ summary: '创建整顿批次并启动其倒计时、定期汇总与到期督办 (county department only, in its own county)' })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiProblems(400, 401, 403, 413, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '本县的整顿批次' })
  @ApiOkResponse({ type: CampaignListView })
  @ApiProblems(401)
  async list(@CurrentActor() actor: Actor): Promise<CampaignListView> {
    return { items: await this.campaigns.list(actor) };
  }

  @Get(':campaignId')
  @ApiOperation({ summary: '一个整顿批次' })
  @ApiOkResponse({ type: CampaignView })
  @ApiProblems(400, 401, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.get(actor, campaignId));
  }

  @Get(':campaignId/status')
  @ApiOperation({ summary: '整顿批次进展：剩余天数、最近一次汇总' })
  @ApiOkResponse({ type: CampaignStatusView })
  @ApiProblems(400, 401, 403, 404, 503)
  status(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<CampaignStatusView> {
    return this.campaignStatus.status(actor, campaignId);
  }

  @Get(':campaignId/progress')
  @ApiOperation({
    summary: '整顿进度走势：自整顿批次开始每日结束时各阶段的整顿对象数，及尚未销号数与理想进度（燃尽图），按用户范围统计',
    description: 'Computed from the cases’ timelines (case_event) in one query; days in Beijing time. The county sees its county, a township its township, an organization its own case.',
  })
  @ApiOkResponse({ type: CampaignProgressView })
  @ApiProblems(400, 401, 404)
  progress(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<CampaignProgressView> {
    return this.campaignProgress.progressOf(actor, campaignId);
  }
}
