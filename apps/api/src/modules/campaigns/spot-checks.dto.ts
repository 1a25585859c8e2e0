import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { SPOT_CHECK_STAGES, type SpotCheckStage } from '@zhengdun/domain';
import { CASE_ID, PLACE_NAME } from '../../core/http/patterns';

const NOT_BLANK = /\S/;

/** 抽查: the county draws a sample of one township's 初验 or 回头看 results. */
export class DrawSpotCheckDto {
  @ApiProperty({ title: '乡镇（街道）', example: '河口镇' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiProperty({ title: '抽查内容', enum: SPOT_CHECK_STAGES, description: 'preliminary_acceptance 乡镇初验结果 / follow_up_review 乡镇回头看结果' })
  @IsIn(SPOT_CHECK_STAGES)
  stage!: SpotCheckStage;
}

/** The county's re-check of one sampled organization: its own 合格/不合格 and what it found. */
export class RecordSpotCheckResultDto {
  @ApiProperty({ title: '整顿对象', example: 'case:c2026:410323-001' })
  @IsString() @Matches(CASE_ID)
  caseId!: string;

  @ApiProperty({ title: '复核结论（合格）', description: 'true 合格 / false 不合格；与乡镇结论不一致的计入该乡镇' })
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ title: '复核发现的情况', example: '实地查看“三会一课”记录，与台账一致' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(2000)
  finding!: string;
}

export class SpotCheckRecheckView {
  @ApiProperty({ title: '复核结论（合格）' }) passed!: boolean;
  @ApiProperty({ title: '与乡镇结论一致' }) agrees!: boolean;
  @ApiProperty({ title: '复核发现的情况' }) finding!: string;
  @ApiProperty({ title: '复核人' }) checkedBy!: string;
  @ApiProperty({ title: '复核时间' }) checkedAt!: string;
}

export class SpotCheckItemView {
  @ApiProperty({ title: '整顿对象' }) caseId!: string;
  @ApiProperty({ title: '组织名称' }) orgName!: string;
  @ApiProperty({ title: '乡镇结论（合格）' }) townshipPassed!: boolean;
  @ApiProperty({ title: '乡镇结论时间' }) townshipAt!: string;
  @ApiProperty({ title: '乡镇意见' }) townshipOpinion!: string;
  @ApiPropertyOptional({ type: SpotCheckRecheckView, title: '县委组织部复核' }) recheck?: SpotCheckRecheckView;
}

export class SpotCheckView {
  @ApiProperty({ title: '抽查编号' }) id!: number;
  @ApiProperty({ title: '乡镇（街道）' }) township!: string;
  @ApiProperty({ enum: SPOT_CHECK_STAGES, title: '抽查内容' }) stage!: SpotCheckStage;
  @ApiProperty({ title: '抽查内容（中文）', example: '乡镇初验' }) stageLabel!: string;
  @ApiProperty({ title: '抽查比例', example: 0.2 }) share!: number;
  @ApiProperty({ title: '随机种子', description: '与抽样范围一起可重现样本（SHA-256 排序，取比例向上取整，至少 1 个）' }) seed!: string;
  @ApiProperty({ title: '抽样范围', type: [String], description: '抽样时已有乡镇结论的整顿对象' }) population!: string[];
  @ApiProperty({ title: '按种子重抽结果与记录一致' }) reproducible!: boolean;
  @ApiProperty({ title: '抽取人' }) drawnBy!: string;
  @ApiProperty({ title: '抽取时间' }) drawnAt!: string;
  @ApiProperty({ type: [SpotCheckItemView], title: '抽中的整顿对象' }) items!: SpotCheckItemView[];
  @ApiProperty({ title: '已复核' }) rechecked!: number;
  @ApiProperty({ title: '与乡镇结论不一致' }) disagreed!: number;
}

export class SpotCheckListView {
  @ApiProperty({ type: [SpotCheckView] }) items!: SpotCheckView[];
}
