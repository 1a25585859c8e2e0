import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SPOT_CHECK_READERS, type Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { CampaignIdPipe, SpotCheckIdPipe } from '../../core/http/id-param.pipe';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { DrawSpotCheckDto, RecordSpotCheckResultDto, SpotCheckListView, SpotCheckView } from './spot-checks.dto';
import { SpotChecksService } from './spot-checks.service';

@ApiTags('spot-checks 抽查复核')
@ApiBearerAuth()
@Controller('campaigns/:campaignId/spot-checks')
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Get()
  @Roles(...SPOT_CHECK_READERS)
  @ApiOperation({
    summary: '本批次的抽查：各乡镇初验、回头看结果的随机样本，县委组织部的复核结论与乡镇结论是否一致（乡镇只看本乡镇）',
    description: 'The campaign’s spot-checks: the sample drawn of each township’s results, the county’s re-checks and whether they agree (a township committee sees its own).',
  })
  @ApiOkResponse({ type: SpotCheckListView })
  @ApiProblems(400, 401, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string): Promise<SpotCheckListView> {
    return { items: await this.spotChecks.list(actor, campaignId) };
  }

  @Post()
  @Roles('county_department')
  @ApiOperation({
    summary: '抽取样本：按整顿政策的抽查比例，从某乡镇已有初验或回头看结果的整顿对象中随机抽取（记录随机种子，可重现；每个乡镇每项只抽一次）',
    description: 'Draws a random, reproducible sample (the seed is recorded) of one township’s 初验 or 回头看 results at the policy’s share; once per township and stage.',
  })
  @ApiCreatedResponse({ type: SpotCheckView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  draw(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string, @Body() body: DrawSpotCheckDto): Promise<SpotCheckView> {
    return this.spotChecks.draw(actor, campaignId, body);
  }

  @Post(':spotCheckId/results')
  @Roles('county_department')
  @ApiOperation({
    summary: '记录复核结论：对抽中的整顿对象实地或查阅台账复核，写明合格与否及发现的情况；与乡镇结论不一致的计入该乡镇',
    description: 'Records the county’s re-check of one sampled organization; one that disagrees with the township’s result counts against the township.',
  })
  @ApiCreatedResponse({ type: SpotCheckView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  recordResult(
    @CurrentActor() actor: Actor,
    @Param('campaignId', CampaignIdPipe) campaignId: string,
    @Param('spotCheckId', SpotCheckIdPipe) spotCheckId: number,
    @Body() body: RecordSpotCheckResultDto,
  ): Promise<SpotCheckView> {
    return this.spotChecks.recordResult(actor, campaignId, spotCheckId, body);
  }
}
