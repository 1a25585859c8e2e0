import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SPOT_CHECK_READERS, type Actor } from '@zhengdun/domain';
import type { ApiRequest } from '../../core/auth/api-request';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { instanceOf } from '../../core/errors/problem.filter';
import { CampaignIdPipe, CaseIdPipe } from '../../core/http/id-param.pipe';
import { ApiIdempotencyKey } from '../../core/openapi/api-idempotency.decorator';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { SpotCheckListView } from '../campaigns/spot-checks.dto';
import { CasesService } from './cases.service';
import { BatchResultView, CaseDetailView, CaseListView, OpenedCaseView, PlanWarningListView } from './dto/case-view.dto';
import { ListCasesQueryDto } from './dto/list-cases.dto';
import { OpenCaseDto, OpenCasesBatchDto } from './dto/open-case.dto';

@ApiTags('cases 整顿对象')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('campaigns/:campaignId/cases')
  @Roles('county_department')
  @ApiOperation({ summary: '列入整顿名单（摸排确定）：将一个党组织列为整顿对象', description: 'County department only; the organization must be in its county.' })
  @ApiParam({ name: 'campaignId' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OpenedCaseView })
  @ApiProblems(400, 401, 403, 404, 409, 413, 422)
  open(@CurrentActor() actor: Actor, @Param('campaignId', CampaignIdPipe) campaignId: string, @Body() body: OpenCaseDto): Promise<OpenedCaseView> {
    return this.cases.open(actor, campaignId, body);
  }

  @Post('campaigns/:campaignId/cases/batch')
  @HttpCode(200)
  @Roles('county_department')
  @ApiOperation({
    summary: '批量列入整顿名单',
    description: 'Up to 200 organizations. Each item is validated and opened on its own; `results[i].status` is what that item alone would have answered (201, 400, 403, 409 …).',
  })
  @ApiParam({ name: 'campaignId' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: BatchResultView })
  @ApiProblems(400, 401, 403, 404, 413, 422)
  openMany(
    @CurrentActor() actor: Actor,
    @Param('campaignId', CampaignIdPipe) campaignId: string,
    @Body() body: OpenCasesBatchDto,
    @Req() request: ApiRequest,
  ): Promise<BatchResultView> {
    return this.cases.openMany(actor, campaignId, body.cases, instanceOf(request));
  }

  @Get('cases')
  @ApiOperation({ summary: '整顿对象清单：按批次、阶段、领域、乡镇、逾期、督办等级、责任人筛选，分页排序', description: 'Only cases in your scope.' })
  @ApiOkResponse({ type: CaseListView })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<CaseListView> {
    return this.cases.list(actor, query);
  }

  @Get('cases/:caseId/plan-warnings')
  @ApiOperation({
    summary: '整顿方案提示：措施空泛、与本批次其他组织的方案高度相似',
    description: 'Warnings for the approver, never refusals: vague measures (加强、进一步 … with nothing countable) and plans near-identical to another organization’s in the campaign (Sørensen–Dice over character bigrams, ≥ 0.85).',
  })
  @ApiParam({ name: 'caseId', example: 'case:c1a2b3c4d5e6:410323-001' })
  @ApiOkResponse({ type: PlanWarningListView })
  @ApiProblems(400, 401, 404)
  planWarnings(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<PlanWarningListView> {
    return this.cases.planWarnings(actor, caseId);
  }

  @Get('cases/:caseId/spot-checks')
  @Roles(...SPOT_CHECK_READERS)
  @ApiOperation({
    summary: '本整顿对象的抽查复核：抽中它的乡镇初验、回头看结果，县委组织部的复核结论及是否与乡镇结论一致',
    description: 'The spot-checks whose sample holds this case, each with only this case’s item: the township’s result and the county’s re-check.',
  })
  @ApiParam({ name: 'caseId', example: 'case:c1a2b3c4d5e6:410323-001' })
  @ApiOkResponse({ type: SpotCheckListView })
  @ApiProblems(400, 401, 403, 404)
  spotChecks(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<SpotCheckListView> {
    return this.cases.spotChecks(actor, caseId);
  }

  @Get('cases/:caseId')
  @ApiOperation({ summary: '一个整顿对象：状态、时间线与您可进行的操作' })
  @ApiParam({ name: 'caseId', example: 'case:c1a2b3c4d5e6:410323-001' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('caseId', CaseIdPipe) caseId: string): Promise<CaseDetailView> {
    return this.cases.get(actor, caseId);
  }
}
