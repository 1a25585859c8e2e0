import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/content-disposition';
import { CampaignIdPipe, NoticeNumberPipe } from '../../core/http/id-param.pipe';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { CommitteeAccountabilityView, DecideCommitteeDto, IssueNoticeDto, NoticeListView, NoticeView, TownshipRankingView } from './notices.dto';
import { NoticesService } from './notices.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('notices 督查通报')
@ApiBearerAuth()
@Controller('campaigns/:campaignId')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('ranking')
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '各乡镇（街道）整顿进展排名：转化率、逾期占比、逾期次数、约谈、群众满意率' })
  @ApiOkResponse({ type: TownshipRankingView })
  @ApiProblems(400, 401, 403, 404)
  async ranking(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<TownshipRankingView> {
    return { ranking: await this.notices.ranking(actor, campaignId) };
  }

  @Get('committee-accountability')
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '乡镇党委分级问责：各乡镇达到的等级（严肃批评、约谈并通报、追责问责）、当前提请的等级和县委组织部的决定' })
  @ApiOkResponse({ type: CommitteeAccountabilityView })
  @ApiProblems(400, 401, 403, 404)
  committeeAccountability(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<CommitteeAccountabilityView> {
    return this.notices.committeeAccountability(actor, campaignId);
  }

  @Post('committee-accountability')
  @Roles('county_department')
  @ApiOperation({ summary: '对提请的乡镇党委问责等级作出决定（逐级提请，每级一次）' })
  @ApiCreatedResponse({ type: CommitteeAccountabilityView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  decideCommittee(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string, @Body() body: DecideCommitteeDto): Promise<CommitteeAccountabilityView> {
    return this.notices.decideCommittee(actor, campaignId, body);
  }

  @Post('notices')
  @Roles('county_department')
  @ApiOperation({ summary: '发布督查通报：排名与滞后的整顿对象取自当前数据，县委组织部可加通报批评（限期整改）与工作要求；编号按本批次顺延' })
  @ApiCreatedResponse({ type: NoticeView })
  @ApiProblems(400, 401, 403, 404, 422)
  issue(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string, @Body() body: IssueNoticeDto): Promise<NoticeView> {
    return this.notices.issue(actor, campaignId, body);
  }

  @Get('notices')
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '本批次的督查通报（县内各乡镇均可查看）' })
  @ApiOkResponse({ type: NoticeListView })
  @ApiProblems(400, 401, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<NoticeListView> {
    return { items: await this.notices.list(actor, campaignId) };
  }

  @Get('notices/:number/document')
  @Roles('county_department', 'township_committee', 'auditor')
  @ApiOperation({ summary: '下载督查通报（.docx，可打印）' })
  @ApiProduces(DOCX)
  @ApiOkResponse({ content: { [DOCX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 403, 404)
  async document(
    @CurrentActor() actor: Actor,
    @Param('campaignId', CampaignIdPipe) campaignId: string,
    @Param('number', NoticeNumberPipe) number: number,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.notices.document(actor, campaignId, number);
    response.status(200).setHeader('Content-Type', DOCX).setHeader('Content-Disposition', attachment(file.fileName, `zhengdun-notice-${campaignId}-${number}.docx`)).send(file.content);
  }
}
