import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { NoticeContent } from '@zhengdun/domain';
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
