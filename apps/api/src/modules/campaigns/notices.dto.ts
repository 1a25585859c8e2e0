import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { COMMITTEE_DECISIONS, COMMITTEE_GRADES, type CommitteeDecision, type CommitteeDecisionRecord, type CommitteeGrade, type CommitteeThresholds, type NoticeContent, type TownshipRank } from '@zhengdun/domain';
import { PLACE_NAME } from '../../core/http/patterns';

const NOT_BLANK = /\S/;

export class NoticeCriticismDto {
  @ApiProperty({ title: '被通报批评的乡镇（街道）', example: '河口镇' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiProperty({ title: '通报批评事项', example: '3个整顿对象整改措施逾期未完成，约谈后仍无进展' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(500)
  text!: string;

  @ApiProperty({ title: '整改期限', example: '2026-12-15T00:00:00+08:00' })
  @IsString() @IsISO8601({ strict: true, strictSeparator: true })
  deadline!: string;
}

/** 发布督查通报: the figures and names come from the read model; the county adds criticism and remarks. */
export class IssueNoticeDto {
  @ApiPropertyOptional({ type: [NoticeCriticismDto], maxItems: 50, title: '通报批评、限期整改' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => NoticeCriticismDto)
  criticisms?: NoticeCriticismDto[];

  @ApiPropertyOptional({ title: '工作要求', maxLength: 2000, example: '各乡镇党委要对照排名，逐个销号，于月底前报送整改情况。' })
  @IsOptional() @IsString() @MaxLength(2000)
  remarks?: string;
}

export class NoticeView {
  @ApiProperty({ example: 1, description: '本批次第几期' }) number!: number;
  @ApiProperty({ example: '2026年软弱涣散基层党组织整顿工作督查通报（第1期）' }) title!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: '县委组织部组织科' }) issuedBy!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '排名、滞后的整顿对象、通报批评与工作要求' }) content!: NoticeContent;
}

export class NoticeListView {
  @ApiProperty({ type: [NoticeView] }) items!: NoticeView[];
}

export class TownshipRankingView {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '各乡镇（街道）按转化率、逾期占比、约谈次数排名' }) ranking!: NoticeContent['ranking'];
}

/** 乡镇党委分级问责: the county's decision on the grade proposed for a township committee. */
export class DecideCommitteeDto {
  @ApiProperty({ title: '乡镇（街道）', example: '河口镇' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiProperty({ title: '问责等级', enum: COMMITTEE_GRADES, description: 'serious_criticism 严肃批评 / talk_and_notice 约谈并通报 / accountability 追责问责' })
  @IsIn(COMMITTEE_GRADES)
  grade!: CommitteeGrade;

  @ApiProperty({ title: '决定', enum: COMMITTEE_DECISIONS, description: 'carried_out 已实施 / not_warranted 经研究不予实施' })
  @IsIn(COMMITTEE_DECISIONS)
  decision!: CommitteeDecision;

  @ApiProperty({ title: '决定依据或理由', example: '逾期占比超过三成，经部务会研究予以严肃批评' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(2000)
  reason!: string;
}

export class CommitteeAccountabilityRowView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '该乡镇的排名与数据' }) figures!: TownshipRank;
  @ApiProperty({ enum: COMMITTEE_GRADES, isArray: true, description: '数据已达到的等级' }) reached!: CommitteeGrade[];
  @ApiPropertyOptional({ enum: COMMITTEE_GRADES, description: '当前提请县委组织部决定的等级（逐级提请）' }) proposed?: CommitteeGrade;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '已作出的决定' }) decisions!: CommitteeDecisionRecord[];
}

export class CommitteeAccountabilityView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '本批次的分级问责阈值（逾期占比、约谈次数）' }) thresholds!: CommitteeThresholds;
  @ApiProperty({ type: [CommitteeAccountabilityRowView] }) townships!: CommitteeAccountabilityRowView[];
}
