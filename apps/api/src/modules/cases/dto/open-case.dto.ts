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
  @ApiProperty({ title: '人员编号', example: 'sec-410323-001' })
  @IsString() @Matches(PERSON_ID)
  personId!: string;

  @ApiProperty({ title: '姓名', example: '王建国' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;
}

export class TeamMemberDto implements TeamMember {
  @ApiProperty({ title: '包抓角色', enum: TEAM_ROLES, example: 'county_leader', description: '包抓角色（四个一等），须适用于该组织的领域' })
  @IsIn(TEAM_ROLES)
  teamRole!: TeamRole;

  @ApiProperty({ title: '人员编号', example: 'lead-county' })
  @IsString() @Matches(PERSON_ID)
  personId!: string;

  @ApiProperty({ title: '姓名', example: '陈副县长' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ title: '职务', example: '县委常委、组织部部长' })
  @IsOptional() @IsString() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ title: '是否乡镇党委书记', description: '重点村、难点村的包村乡镇领导须为乡镇党委书记' })
  @IsOptional() @IsBoolean()
  isTownshipPartySecretary?: boolean;

  @ApiPropertyOptional({ title: '选派单位', example: '县市场监督管理局', description: '非公企业的联系领导、党建指导员须注明选派单位' })
  @IsOptional() @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  appointingUnit?: string;
}

export class ProblemInputDto implements ProblemInput {
  @ApiProperty({ title: '问题类别', enum: PROBLEM_CATEGORY_KEYS, example: 'lax_inner_party_life' })
  @IsIn(PROBLEM_CATEGORY_KEYS)
  category!: ProblemCategory;

  @ApiProperty({ title: '问题描述', example: '“三会一课”不经常，组织生活流于形式', maxLength: 2000 })
  @IsString() @Matches(NOT_BLANK) @MaxLength(2000)
  description!: string;
}

export class OrganizationDto {
  @ApiProperty({ title: '党组织代码', example: '410323-001', description: '党组织统一代码（字母、数字、. - _）' })
  @IsString() @Matches(ORG_CODE)
  code!: string;

  @ApiProperty({ title: '党组织名称', example: '青山村党支部' })
  @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name!: string;

  @ApiProperty({ title: '领域', enum: ORG_DOMAINS, example: 'rural' })
  @IsIn(ORG_DOMAINS)
  domain!: OrgDomain;

  @ApiProperty({ title: '乡镇', example: '青山镇', description: '乡镇，或企业、机关所属的党（工）委' })
  @IsString() @Matches(PLACE_NAME)
  township!: string;

  @ApiPropertyOptional({ title: '是否重点村、难点村', default: false })
  @IsOptional() @IsBoolean()
  isKeyVillage?: boolean;

  @ApiProperty({ title: '支部书记', type: PersonDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PersonDto)
  secretary!: PersonDto;
}

/** One organization put on the list (摸排确定), in the county of the campaign. */
export class OpenCaseDto {
  @ApiProperty({ title: '党组织', type: OrganizationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => OrganizationDto)
  org!: OrganizationDto;

  @ApiProperty({ title: '确定方式', enum: IDENTIFICATION_SOURCES, example: 'screening' })
  @IsIn(IDENTIFICATION_SOURCES)
  source!: IdentificationSource;

  @ApiProperty({ title: '查摆问题', type: [ProblemInputDto], minItems: 1, maxItems: 100 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProblemInputDto)
  problems!: ProblemInputDto[];

  @ApiPropertyOptional({ title: '包抓责任人', type: [TeamMemberDto], maxItems: 20, description: '配齐后进入“已落实包抓”' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];
}

/** Many organizations at once; each is validated and opened on its own and reported per item. */
export class OpenCasesBatchDto {
  @ApiProperty({ title: '整顿对象', type: [OpenCaseDto], minItems: 1, maxItems: MAX_BATCH })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH) @IsObject({ each: true })
  cases!: Record<string, unknown>[];
}
