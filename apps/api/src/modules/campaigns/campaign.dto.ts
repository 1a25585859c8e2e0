import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { CampaignPolicy, CommitteeThresholds, Period, PeriodUnit } from '@zhengdun/domain';
import { PLACE_NAME } from '../../core/http/patterns';

const PERIOD_UNITS: readonly PeriodUnit[] = ['seconds', 'days', 'workingDays'];

export class PeriodDto implements Period {
  @ApiProperty({ title: '时长', example: 15, minimum: 0, maximum: 100000 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000)
  amount!: number;

  @ApiProperty({ title: '计时单位', enum: PERIOD_UNITS, example: 'workingDays', description: 'seconds (tests only), days, or workingDays (法定工作日)' })
  @IsIn(PERIOD_UNITS)
  unit!: PeriodUnit;
}

/** 乡镇党委分级问责的阈值: three grades, each reached by the overdue share or by the talks held. */
export class CommitteeThresholdsDto implements CommitteeThresholds {
  @ApiProperty({ title: '逾期占比阈值', type: [Number], example: [0.2, 0.35, 0.5], description: '严肃批评、约谈并通报、追责问责各级的逾期占比（0–1）' })
  @IsArray() @ArrayMinSize(3) @ArrayMaxSize(3) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0, { each: true }) @Max(1, { each: true })
  overdueShare!: [number, number, number];

  @ApiProperty({ title: '约谈次数阈值', type: [Number], example: [2, 4, 6], description: '各级对应的本乡镇约谈次数' })
  @IsArray() @ArrayMinSize(3) @ArrayMaxSize(3) @IsInt({ each: true }) @Min(0, { each: true }) @Max(10_000, { each: true })
  talks!: [number, number, number];
}

/**
 * The periods the lifecycle waits on; reminderLead and escalationInterval cannot be in working days.
 * Every field is optional: what the county leaves out comes from the defaults (DEFAULT_POLICY).
 */
export class CampaignPolicyDto implements Partial<CampaignPolicy> {
  @ApiPropertyOptional({ title: '整顿方案期限', type: PeriodDto, description: '落实包抓后提交并审批整顿方案的期限' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  planPeriod?: PeriodDto;

  @ApiPropertyOptional({ title: '结果公示期', type: PeriodDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  publicityPeriod?: PeriodDto;

  @ApiPropertyOptional({ title: '限期整改期', type: PeriodDto, description: '验收未通过或异议属实后的限期整改期' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  rectificationPeriod?: PeriodDto;

  @ApiPropertyOptional({ title: '定期汇报周期', type: PeriodDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  reportCadence?: PeriodDto;

  @ApiPropertyOptional({ title: '到期提醒提前量', type: PeriodDto, description: '到期前提醒提前量（seconds 或 days）' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  reminderLead?: PeriodDto;

  @ApiPropertyOptional({ title: '督办间隔', type: PeriodDto, description: '说明原因→约谈→再次约谈的间隔（seconds 或 days）' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  escalationInterval?: PeriodDto;

  @ApiPropertyOptional({ title: '回头看间隔', type: PeriodDto, description: '销号后到回头看的时间' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  reviewDelay?: PeriodDto;

  @ApiPropertyOptional({ title: '满意率要求', example: 0.8, minimum: 0, maximum: 1, description: '县级验收要求的测评满意率（满意+基本满意），默认 0.8（本系统的默认值，可按本县要求调整）' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  satisfactionThreshold?: number;

  @ApiPropertyOptional({ title: '知晓率要求', example: 0.8, minimum: 0, maximum: 1, description: '县级验收要求的群众知晓率（测评中知晓整顿情况的人数占比），默认 0.8（本系统的默认值）' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  awarenessThreshold?: number;

  @ApiPropertyOptional({ title: '测评人数上限', example: 2000, minimum: 1, maximum: 100000, description: '一次测评可录入的参加人数上限，超过视为录入错误，默认 2000' })
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  assessmentMaxRespondents?: number;

  @ApiPropertyOptional({ title: '抽查比例', example: 0.2, minimum: 0.01, maximum: 1, description: '县委组织部抽查各乡镇初验、回头看结果的比例（向上取整，至少 1 个），默认 0.2（本系统的默认值）' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(1)
  spotCheckShare?: number;

  @ApiPropertyOptional({ title: '进度汇总周期', type: PeriodDto, description: '向县委组织部发送整顿进度汇总的周期（默认每 30 天）' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  summaryCadence?: PeriodDto;

  @ApiPropertyOptional({ title: '措施核验时限', type: PeriodDto, description: '支部报告措施完成后，乡镇党委核验的时限（seconds 或 days，默认 7 天）' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  verificationPeriod?: PeriodDto;

  @ApiPropertyOptional({ title: '回头看报告时限', type: PeriodDto, description: '回头看到期后，乡镇党委记录回头看结果（报县委组织部）的时限（seconds 或 days，默认 30 天）' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  reviewPeriod?: PeriodDto;

  @ApiPropertyOptional({ title: '乡镇党委分级问责阈值', type: CommitteeThresholdsDto, description: '默认逾期占比 20%/35%/50% 或约谈 2/4/6 次' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CommitteeThresholdsDto)
  committeeThresholds?: CommitteeThresholdsDto;
}

export class TownshipReelectionDto {
  @ApiProperty({ title: '乡镇', example: '青山镇' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiProperty({ title: '该乡镇换届日期', example: '2027-01-15T00:00:00+08:00' })
  @IsString() @IsISO8601({ strict: true, strictSeparator: true })
  at!: string;
}

/** 村（社区）“两委”换届: rural rectification is done before it (换届前整顿到位). */
export class ReelectionDto {
  @ApiProperty({ title: '换届日期', example: '2027-01-10T00:00:00+08:00', description: '全县村（社区）“两委”换届日期；农村整顿措施须在此前完成' })
  @IsString() @IsISO8601({ strict: true, strictSeparator: true })
  at!: string;

  @ApiPropertyOptional({ title: '另定换届日期的乡镇', type: [TownshipReelectionDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TownshipReelectionDto)
  townships?: TownshipReelectionDto[];
}

export class CreateCampaignDto {
  @ApiProperty({ title: '整顿批次名称', example: '2026年软弱涣散基层党组织整顿', maxLength: 200 })
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200)
  name!: string;

  @ApiProperty({ title: '县', example: '示范县', description: 'Must be the caller’s own county' })
  @IsString() @Matches(PLACE_NAME)
  county!: string;

  @ApiProperty({ title: '截止时间', example: '2026-10-31T23:59:59+08:00', description: '硬性截止时间（10月底前全面完成）' })
  @IsString() @IsISO8601({ strict: true, strictSeparator: true })
  endsAt!: string;

  @ApiPropertyOptional({ title: '整顿政策', type: CampaignPolicyDto, description: '只需给出要改的期限，其余取默认值 (the rest from DEFAULT_POLICY)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignPolicyDto)
  policy?: CampaignPolicyDto;

  @ApiPropertyOptional({ title: '村（社区）“两委”换届', type: ReelectionDto, description: '有换届时填写：农村整顿措施的完成时限不得晚于换届日期' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ReelectionDto)
  reelection?: ReelectionDto;
}

export class ReelectionView {
  @ApiProperty() at!: string;
  @ApiProperty({ type: Object, description: '乡镇 → 该乡镇换届日期' }) byTownship!: Record<string, string>;
}

export class CampaignView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() county!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ type: CampaignPolicyDto }) policy!: CampaignPolicy;
  @ApiProperty({ type: ReelectionView, nullable: true }) reelection!: ReelectionView | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class CampaignListView {
  @ApiProperty({ type: [CampaignView] }) items!: CampaignView[];
}
