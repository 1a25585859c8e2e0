import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PublicNotice } from '@zhengdun/domain';
import { Public } from '../../core/auth/auth.decorators';
import { CaseIdPipe } from '../../core/http/id-param.pipe';
import { ApiIdempotencyKey } from '../../core/openapi/api-idempotency.decorator';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { PublicRateLimit } from '../../core/rate-limit/rate-limits';
import { PublicNoticeView, RaiseObjectionDto, RateSatisfactionDto, SignalReceivedView } from './public-case.dto';
import { deviceOf, sourceOf } from './public-client';
import { PublicCasesService } from './public-cases.service';

/** Without login, rate-limited per client address (and objections and ratings per case too). */
@ApiTags('public 公示与群众监督')
@Public()
@Controller('public/cases/:caseId')
export class PublicCasesController {
  constructor(private readonly publicCases: PublicCasesService) {}

  @Get()
  @PublicRateLimit('read')
  @ApiOperation({ summary: '公示内容：整顿方案、措施进展、验收结果（无需登录）' })
  @ApiParam({ name: 'caseId' })
  @ApiOkResponse({ type: PublicNoticeView })
  @ApiProblems(400, 404, 429)
  notice(@Param('caseId', CaseIdPipe) caseId: string): Promise<PublicNotice> {
    return this.publicCases.notice(caseId);
  }

  @Post('objections')
  @HttpCode(202)
  @PublicRateLimit('write')
  @ApiOperation({ summary: '对公示结果提出异议（仅公示期内；同一来源对同一整顿对象未处理的异议至多 3 条，同一整顿对象至多 50 条）' })
  @ApiParam({ name: 'caseId' })
  @ApiIdempotencyKey()
  @ApiAcceptedResponse({ type: SignalReceivedView })
  @ApiProblems(400, 404, 409, 413, 422, 429)
  raiseObjection(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: RaiseObjectionDto, @Req() request: Request): Promise<SignalReceivedView> {
    return this.publicCases.raiseObjection(caseId, body, sourceOf(request));
  }

  @Post('ratings')
  @HttpCode(202)
  @PublicRateLimit('write')
  @ApiOperation({
    summary: '在线评价（公示期至县级验收前；每台设备对每个整顿对象只计一次，以 Cookie 识别设备；供验收参考，不作为验收依据）',
  })
  @ApiParam({ name: 'caseId' })
  @ApiIdempotencyKey()
  @ApiAcceptedResponse({ type: SignalReceivedView })
  @ApiProblems(400, 404, 409, 413, 422, 429)
  rateSatisfaction(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RateSatisfactionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignalReceivedView> {
    return this.publicCases.rateSatisfaction(caseId, body, deviceOf(request, response));
  }
}
