import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ORG_DOMAINS, STAGES, type EscalationLevel, type OrgDomain, type Stage } from '@zhengdun/domain';
import { CASE_SORT_KEYS, type CaseSortKey } from '@zhengdun/persistence';
import { CAMPAIGN_ID, PERSON_ID, PLACE_NAME } from '../../../core/http/patterns';

/** "true"/"false" in a query string; anything else is left for @IsBoolean to refuse. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Digits only become numbers, so "1e3" or " 2" are refused rather than coerced. */
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class ListCasesQueryDto {
  @ApiPropertyOptional({ description: '整顿批次' })
  @IsOptional() @IsString() @Matches(CAMPAIGN_ID)
  campaignId?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ enum: ORG_DOMAINS })
  @IsOptional() @IsIn(ORG_DOMAINS)
  domain?: OrgDomain;

  @ApiPropertyOptional({ example: '青山镇' })
  @IsOptional() @IsString() @Matches(PLACE_NAME)
  township?: string;

  @ApiPropertyOptional({ type: Boolean, description: '有逾期事项' })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: [0, 1, 2, 3], description: '0 无，1 说明原因，2 约谈，3 组织处理' })
  @IsOptional() @Transform(toInt) @IsInt() @IsIn([0, 1, 2, 3])
  escalationLevel?: EscalationLevel;

  @ApiPropertyOptional({ description: '涉及此人的整顿对象（支部书记、包抓责任人、措施责任人）' })
  @IsOptional() @IsString() @Matches(PERSON_ID)
  personId?: string;

  @ApiPropertyOptional({ enum: ['talk', 'organizational_handling'], description: '有待处理的建议：talk 提请约谈待记录，organizational_handling 提请组织处理待决定' })
  @IsOptional() @IsIn(['talk', 'organizational_handling'])
  awaiting?: 'talk' | 'organizational_handling';

  @ApiPropertyOptional({ minimum: 1, default: 1, description: '页码；(page - 1) × pageSize 须小于 10000（更深请用筛选条件）' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ enum: CASE_SORT_KEYS, default: 'updatedAt' })
  @IsOptional() @IsIn(CASE_SORT_KEYS)
  sort?: CaseSortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
