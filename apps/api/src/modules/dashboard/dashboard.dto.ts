import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { CAMPAIGN_ID } from '../../core/http/patterns';

export class DashboardQueryDto {
  @ApiPropertyOptional({ description: '只统计该整顿批次' })
  @IsOptional() @IsString() @Matches(CAMPAIGN_ID)
  campaignId?: string;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

/** The public's ratings over the cases in scope, from each case's current tally (state.satisfaction). */
export class DashboardSatisfactionView {
  @ApiProperty({ description: '满意 票数' }) satisfied!: number;
  @ApiProperty({ description: '基本满意 票数' }) basicallySatisfied!: number;
  @ApiProperty({ description: '不满意 票数' }) dissatisfied!: number;
  @ApiProperty({ type: Number, nullable: true, description: '满意率 =（满意 + 基本满意）/ 全部评价；无评价时为 null' }) rate!: number | null;
  @ApiProperty({ description: '至少收到一条评价的整顿对象数' }) ratedCases!: number;
  @ApiProperty({ description: '满意率低于本批次验收要求（policy.satisfactionThreshold）的已评价整顿对象数' }) belowThreshold!: number;
}

export class DashboardAwaitingView {
  @ApiProperty({ description: '提请约谈待记录的整顿对象数' }) talk!: number;
  @ApiProperty({ description: '提请组织处理待决定的整顿对象数' }) organizational_handling!: number;
}

/** Measures of the cases in scope (current round): only verified ones count as done. */
export class DashboardMeasuresView {
  @ApiProperty({ description: '整改措施总数（当前轮次）' }) total!: number;
  @ApiProperty({ description: '已销项（经乡镇党委核验）的措施数' }) done!: number;
  @ApiProperty({ description: '已报告完成、待乡镇党委核验的措施数（未计入已销项）' }) reported!: number;
}

export class DashboardSummaryView {
  @ApiProperty({ description: '统计范围内的整顿对象总数' }) total!: number;
  @ApiProperty({ ...COUNTS, description: '各阶段整顿对象数' }) byStage!: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: '各领域整顿对象数' }) byDomain!: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: '各乡镇（党工委）整顿对象数' }) byTownship!: Record<string, number>;
  @ApiProperty({ description: '有逾期事项的整顿对象数' }) overdue!: number;
  @ApiProperty({ ...COUNTS, description: '督办等级分布：0 无，1 说明原因，2 约谈，3 组织处理' }) escalationsByLevel!: Record<string, number>;
  @ApiProperty({ description: '已销号及以后（已销号、回头看、已归档）的整顿对象数' }) converted!: number;
  @ApiProperty({ type: Number, nullable: true, description: '转化率 = converted / total' }) conversionRate!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '各阶段平均停留天数' }) averageDaysPerStage!: Record<string, number>;
  @ApiProperty({ type: DashboardSatisfactionView, description: '群众满意度测评' }) satisfaction!: DashboardSatisfactionView;
  @ApiProperty({ type: DashboardAwaitingView, description: '待人作出决定的建议' })
  awaiting!: DashboardAwaitingView;
  @ApiProperty({ type: DashboardMeasuresView, description: '整改措施：已销项（经核验）与已报告待核验' })
  measures!: DashboardMeasuresView;
  @ApiProperty({ description: '统计时间' }) generatedAt!: string;
}
