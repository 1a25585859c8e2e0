import { ApiProperty } from '@nestjs/swagger';

export class ProgressStageView {
  @ApiProperty({ example: 'remediating' }) stage!: string;
  @ApiProperty({ example: '整顿实施' }) label!: string;
}

export class ProgressDayView {
  @ApiProperty({ description: '日期（北京时间）', example: '2026-11-30' }) date!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: '当日结束时各阶段的整顿对象数；今天以后为 null',
  })
  byStage!: Record<string, number> | null;
  @ApiProperty({ type: Number, nullable: true, description: '当日结束时尚未销号的整顿对象数（剩余工作）；今天以后为 null' }) remaining!: number | null;
  @ApiProperty({ description: '理想进度：已列入的整顿对象自开始之日起匀速销号、截止日清零时当日应剩的数目' }) ideal!: number;
}

/** A campaign's movement over time, per day, from the cases' timelines. */
export class CampaignProgressView {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ description: '首日（整顿批次创建之日，北京时间）', example: '2026-11-01' }) startsOn!: string;
  @ApiProperty({ description: '截止日（北京时间）', example: '2027-10-31' }) endsOn!: string;
  @ApiProperty({ description: '今天（北京时间）；其后各日只有理想进度' }) today!: string;
  @ApiProperty({ description: '统计范围内已列入的整顿对象数（理想进度的起点）' }) listed!: number;
  @ApiProperty({ type: [ProgressStageView], description: '阶段，按整顿流程先后' }) stages!: ProgressStageView[];
  @ApiProperty({ type: [ProgressDayView] }) days!: ProgressDayView[];
  @ApiProperty({ description: '剩余工作指什么', example: '尚未销号的整顿对象（已销号、回头看、已归档之前的各阶段）' }) remainingMeans!: string;
  @ApiProperty({ description: '只显示最近的天数时为 true（整顿批次超过上限天数）' }) truncated!: boolean;
}
