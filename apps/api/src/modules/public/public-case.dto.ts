import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_OBJECTION_LENGTH, SATISFACTION_LEVELS, STAGES, type SatisfactionLevel, type Stage } from '@zhengdun/domain';
import { SIGNAL_ID } from '../../core/http/patterns';

export class RaiseObjectionDto {
  @ApiProperty({ title: '异议内容', example: '支部换届仍未完成，公示内容与实际不符', maxLength: MAX_OBJECTION_LENGTH })
  @IsString() @Matches(/\S/, { message: 'content must not be blank' }) @MaxLength(MAX_OBJECTION_LENGTH)
  content!: string;

  @ApiPropertyOptional({ title: '异议编号', example: '5b0c2f0e-8d0e-4c7a-9d3e-0e2b3c4d5e6f', description: '客户端生成的编号：重复提交只计一次；不填则由服务端生成' })
  @IsOptional() @IsString() @Matches(SIGNAL_ID)
  objectionId?: string;
}

export class RateSatisfactionDto {
  @ApiProperty({ title: '满意度', enum: SATISFACTION_LEVELS, description: '满意 / 基本满意 / 不满意' })
  @IsIn(SATISFACTION_LEVELS)
  level!: SatisfactionLevel;
}

export class SignalReceivedView {
  @ApiProperty({ description: '异议或测评的编号' }) id!: string;
  @ApiProperty({ example: 'received' }) status!: 'received';
}

class PublicProblemView {
  @ApiProperty() id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['open', 'resolved', 'rebounded'] }) status!: string;
}

class PublicMeasureView {
  @ApiProperty() id!: string;
  @ApiProperty() problemId!: string;
  @ApiProperty() description!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ enum: ['pending', 'reported', 'done'], description: 'reported：已报告完成，待乡镇党委核验（尚未销项）' }) status!: string;
  @ApiPropertyOptional() completedAt?: string;
  @ApiPropertyOptional({ description: '报告完成的时间（待核验时）' }) reportedAt?: string;
}

class PublicResultView {
  @ApiProperty({ enum: ['preliminary', 'county'] }) level!: string;
  @ApiProperty() at!: string;
  @ApiProperty() passed!: boolean;
}

/** What is publicized (公示): the plan, the progress, the results; nobody's objections or ratings. */
export class PublicAudienceView {
  @ApiProperty({ example: '党员群众', description: '接受谁的监督：党员群众，企业为党员职工' }) members!: string;
  @ApiProperty({ example: '群众', description: '谁提出异议、参与测评：群众，企业为职工' }) people!: string;
}

export class PublicNoticeView {
  @ApiProperty() caseId!: string;
  @ApiProperty() orgName!: string;
  @ApiProperty() township!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty() round!: number;
  @ApiProperty({ type: [PublicProblemView] }) problems!: PublicProblemView[];
  @ApiProperty({ type: [PublicMeasureView] }) measures!: PublicMeasureView[];
  @ApiProperty({ type: String, nullable: true }) planPublicizedAt!: string | null;
  @ApiProperty({ type: 'object', nullable: true, properties: { startedAt: { type: 'string' }, endsAt: { type: 'string' } } })
  publicity!: { startedAt: string; endsAt: string } | null;
  @ApiProperty() objectionsReceived!: number;
  @ApiProperty() objectionsResolved!: number;
  @ApiProperty() acceptingObjections!: boolean;
  @ApiProperty() acceptingRatings!: boolean;
  @ApiProperty({ type: [PublicResultView] }) results!: PublicResultView[];
  @ApiProperty({ type: PublicAudienceView }) audience!: PublicAudienceView;
}
