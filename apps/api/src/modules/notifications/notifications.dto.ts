import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { USER_ROLES, type NotificationKind, type Recipient, type UserRole } from '@zhengdun/domain';
import { PERSON_ID, PLACE_NAME } from '../../core/http/patterns';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
const PHONE = /^\+?[0-9][0-9 -]{4,30}$/;
const NOT_BLANK = /\S/;
export const MAX_CONTACTS_PER_REQUEST = 1000;

/** A person the cases name (branch secretary, team member) by personId, and how to reach them. */
export class PersonContactDto {
  @ApiProperty({ example: 'sec-410323-001', description: '整顿对象中的人员编号（支部书记、包抓责任人）' })
  @IsString() @Matches(PERSON_ID)
  personId!: string;

  @ApiPropertyOptional({ example: '王建国' })
  @IsOptional() @IsString() @Matches(NOT_BLANK) @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'wangjianguo@county.gov.cn', description: '接收整顿工作提醒的邮箱' })
  @IsOptional() @IsString() @MaxLength(254) @IsEmail({ allow_display_name: false, require_tld: true })
  email?: string;

  @ApiPropertyOptional({ example: '+86 138 0000 0000' })
  @IsOptional() @IsString() @Matches(PHONE)
  phone?: string;
}

/** A role's mailbox in a scope (e.g. township_committee of 示范县青山镇). */
export class RoleContactDto {
  @ApiProperty({ enum: USER_ROLES, example: 'township_committee' })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiProperty({ example: '示范县青山镇', description: '范围，如“示范县青山镇”或“示范县全县”' })
  @IsString() @Matches(PLACE_NAME)
  scope!: string;

  @ApiProperty({ example: 'qingshan-dangwei@county.gov.cn' })
  @IsString() @MaxLength(254) @IsEmail({ allow_display_name: false, require_tld: true })
  email!: string;
}

export class SaveContactsDto {
  @ApiPropertyOptional({ type: [PersonContactDto], maxItems: MAX_CONTACTS_PER_REQUEST })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CONTACTS_PER_REQUEST) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PersonContactDto)
  persons?: PersonContactDto[];

  @ApiPropertyOptional({ type: [RoleContactDto], maxItems: MAX_CONTACTS_PER_REQUEST })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CONTACTS_PER_REQUEST) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => RoleContactDto)
  roles?: RoleContactDto[];
}

export class SaveContactsView {
  @ApiProperty({ description: '保存（新增或更新）的联系方式条数' }) saved!: number;
}

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class ChannelDeliveryView {
  @ApiProperty({ enum: ['delivered', 'failed', 'dead'] }) status!: 'delivered' | 'failed' | 'dead';
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional() deliveredAt?: string;
  @ApiProperty() lastAttemptAt!: string;
  @ApiPropertyOptional() lastError?: string;
}

export class DeadLetterView {
  @ApiProperty({ description: '通知键（每个事件唯一，即投递的幂等键）' }) key!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() kind!: NotificationKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) recipients!: Recipient[];
  @ApiProperty({ description: '已尝试投递的轮数' }) attempts!: number;
  @ApiPropertyOptional({ nullable: true }) lastError!: string | null;
  @ApiProperty() eventAt!: string;
  @ApiProperty({ description: '进入死信的时间' }) deadAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(ChannelDeliveryView) }, description: '各渠道的投递情况' })
  channels!: Record<string, ChannelDeliveryView>;
}

export class DeadLetterListView {
  @ApiProperty({ type: [DeadLetterView] }) items!: DeadLetterView[];
}

export class RetryDeadLetterView {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['pending'] }) status!: 'pending';
}
