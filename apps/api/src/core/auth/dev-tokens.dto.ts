/**
 * Bodies of /dev/tokens. Only the shape is checked here (strings, an object for the scope); what a
 * valid identity is (non-blank text of at most 128 characters without control characters, a known
 * role, a scope matching its level) is decided by actorFromClaims, as for every token the API verifies.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { USER_ROLES, type UserRole } from '@zhengdun/domain';

const SCOPE_LEVELS = ['county', 'township', 'organization'];

export class DevScopeDto {
  @ApiProperty({ title: '管辖层级', enum: SCOPE_LEVELS, description: 'county 县 / township 乡镇（街道）/ organization 党组织' })
  @IsString()
  level!: string;

  @ApiProperty({ title: '县', example: '示范县' })
  @IsString()
  county!: string;

  @ApiPropertyOptional({ title: '乡镇', example: '青山镇', description: 'level = township 时必填' })
  @IsOptional() @IsString()
  township?: string;

  @ApiPropertyOptional({ title: '党组织代码', example: 'demo-org', description: 'level = organization 时必填' })
  @IsOptional() @IsString()
  orgCode?: string;
}

export class DevTokenRequestDto {
  @ApiProperty({ title: '用户编号', example: 'dev-township-2', maxLength: 128, description: '令牌的 sub' })
  @IsString()
  userId!: string;

  @ApiProperty({ title: '名称', example: '青山镇党委（开发）', maxLength: 128 })
  @IsString()
  name!: string;

  @ApiProperty({ title: '角色', enum: USER_ROLES, example: 'township_committee' })
  @IsString()
  role!: string;

  @ApiProperty({ title: '管辖范围', type: DevScopeDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => DevScopeDto)
  scope!: DevScopeDto;
}

export class DevActorView {
  @ApiProperty({ example: 'dev-township' }) userId!: string;
  @ApiProperty({ example: '青山镇党委（开发）' }) name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: DevScopeDto }) scope!: DevScopeDto;
}

export class DevTokenView {
  @ApiProperty({ type: DevActorView }) actor!: DevActorView;
  @ApiProperty({ description: 'HS256 JWT, valid for 12 hours: `Authorization: Bearer <token>`' }) token!: string;
}

export class DevTokenListView {
  @ApiProperty({ type: [DevTokenView], description: 'One sample identity per role, in the development county' }) items!: DevTokenView[];
}
