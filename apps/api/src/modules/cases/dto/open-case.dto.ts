import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IDENTIFICATION_SOURCES,
  ORG_DOMAINS,
  PROBLEM_CATEGORIES,
  TEAM_ROLES,
  type IdentificationSource,
  type OrgDomain,
  type Person,
  type ProblemCategory,
  type ProblemInput,
  type TeamMember,
  type TeamRole,
} from '@zhengdun/domain';
import { ORG_CODE, PERSON_ID, PLACE_NAME } from '../../../core/http/patterns';

const NOT_BLANK = /\S/;
export const PROBLEM_CATEGORY_KEYS = Object.keys(PROBLEM_CATEGORIES) as ProblemCategory[];
export const MAX_BATCH = 200;

export class PersonDto implements Person {
  @ApiProperty({ example: 'sec-410323-001' })
  @IsString() @Matches(PERSON_ID)
  personId!: string;

  @ApiProperty({ example: '王建国' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;
}

export class TeamMemberDto implements TeamMember {
  @ApiProperty({ enum: TEAM_ROLES, example: 'county_leader', description: '包抓角色（四个一等），须适用于该组织的领域' })
  @IsIn(TEAM_ROLES)
  teamRole!: TeamRole;

  @ApiProperty({ example: 'lead-county' })
  @IsString() @Matches(PERSON_ID)
  personId!: string;

  @ApiProperty({ example: '陈副县长' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '县委常委、组织部部长' })
  @IsOptional() @IsString() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: '重点村、难点村的包村乡镇领导须为乡镇党委书记' })
  @IsOptional() @IsBoolean()
  isTownshipPartySecretary?: boolean;
}

export class ProblemInputDto implements ProblemInput {
  @ApiProperty({ enum: PROBLEM_CATEGORY_KEYS, example: 'lax_inner_party_life' })
  @IsIn(PROBLEM_CATEGORY_KEYS)
  category!: ProblemCategory;

  @ApiProperty({ example: '“三会一课”不经常，组织生活流于形式', maxLength: 2000 })
  @IsString() @Matches(NOT_BLANK) @MaxLength(2000)
  description!: string;
}

export class OrganizationDto {
  @ApiProperty({ example: '410323-001', description: '党组织统一代码（字母、数字、. - _）' })
  @IsString() @Matches(ORG_CODE)
  code!: string;

  @ApiProperty({ example: '青山村党支部' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ORG_DOMAINS, example: 'rural' })
  @IsIn(ORG_DOMAINS)
  domain!: OrgDomain;

  @ApiProperty({ example: '青山镇', description: '乡镇，或企业、机关所属的党（工）委' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiPropertyOptional({ description: '重点村、难点村', default: false })
  @IsOptional() @IsBoolean()
  isKeyVillage?: boolean;

  @ApiProperty({ type: PersonDto, description: '支部书记' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PersonDto)
  secretary!: PersonDto;
}

/** One organization put on the list (摸排确定), in the county of the campaign. */
export class OpenCaseDto {
  @ApiProperty({ type: OrganizationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => OrganizationDto)
  org!: OrganizationDto;

  @ApiProperty({ enum: IDENTIFICATION_SOURCES, example: 'screening' })
  @IsIn(IDENTIFICATION_SOURCES)
  source!: IdentificationSource;

  @ApiProperty({ type: [ProblemInputDto], minItems: 1, maxItems: 100 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProblemInputDto)
  problems!: ProblemInputDto[];

  @ApiPropertyOptional({ type: [TeamMemberDto], maxItems: 20, description: '包抓责任人；配齐后案件进入“已落实包抓”' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];
}

/** Many organizations at once; each is validated and opened on its own and reported per item. */
export class OpenCasesBatchDto {
  @ApiProperty({ type: [OpenCaseDto], minItems: 1, maxItems: MAX_BATCH })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH) @IsObject({ each: true })
  cases!: Record<string, unknown>[];
}
