import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { DashboardQueryDto, DashboardSummaryView } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard 统计')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @ApiOperation({ summary: '整顿工作统计：阶段、领域、乡镇分布，逾期，督办，转化率，各阶段平均用时，群众满意度', description: 'Only cases in your scope.' })
  @ApiOkResponse({ type: DashboardSummaryView })
  @ApiProblems(400, 401)
  summary(@CurrentActor() actor: Actor, @Query() query: DashboardQueryDto): Promise<DashboardSummaryView> {
    return this.dashboard.summary(actor, query.campaignId);
  }
}
