import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
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

// ---- 我的通知 (the signed-in person's inbox) ----

/** An outbox key: printable, no spaces, bounded. */
export const NOTIFICATION_KEY = /^[^\s\p{C}]{1,400}$/u;
export const MAX_MARK_READ_KEYS = 500;

export class InboxQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: '页码；(page - 1) × pageSize 须小于 10000' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class InboxItemView {
  @ApiProperty({ description: '通知键（每条通知唯一）' }) key!: string;
  @ApiProperty({ description: '整顿对象编号；整顿批次的通知为 campaign:<批次编号>' }) caseId!: string;
  @ApiProperty({ description: '通知类别' }) kind!: NotificationKind;
  @ApiProperty({ description: '通知类别（中文）', example: '到期提醒' }) kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: '党组织名称（整顿批次的通知为空）' }) orgName!: string | null;
  @ApiProperty({ description: '页面内链接：整顿对象页，或整顿批次', example: '/cases/case%3Ac1%3Aorg001' }) link!: string;
  @ApiProperty({ description: '系统发出通知的时间' }) sentAt!: string;
  @ApiProperty({ description: '是否已读' }) read!: boolean;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
}

export class InboxView {
  @ApiProperty({ type: [InboxItemView] }) items!: InboxItemView[];
  @ApiProperty({ description: '我的通知总数' }) total!: number;
  @ApiProperty({ description: '未读条数' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_MARK_READ_KEYS, title: '要标为已读的通知', description: '通知键；与 all 二选一' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_MARK_READ_KEYS) @IsString({ each: true }) @Matches(NOTIFICATION_KEY, { each: true })
  keys?: string[];

  @ApiPropertyOptional({ title: '全部标为已读', description: 'true：我的全部通知标为已读；与 keys 二选一' })
  @IsOptional() @IsBoolean()
  all?: boolean;
}

export class MarkReadView {
  @ApiProperty({ description: '本次新标为已读的条数' }) marked!: number;
  @ApiProperty({ description: '仍未读的条数' }) unread!: number;
}

// ---- 工作群机器人 (the county's DingTalk / WeCom group robots) ----

export const ROBOT_SECRET = /^SEC[A-Za-z0-9]{16,128}$/;
const ROBOT_PROVIDER_VALUES = ['dingtalk', 'wecom'] as const;

export class DingTalkRobotDto {
  @ApiProperty({ title: '钉钉机器人 Webhook 地址', example: 'https://oapi.dingtalk.com/robot/send?access_token=xxxx' })
  @IsString() @MaxLength(1000)
  webhookUrl!: string;

  @ApiPropertyOptional({ title: '钉钉机器人加签密钥', description: '以 SEC 开头；不填则保留已保存的密钥，填 null 则取消加签。保存后不再返回。', nullable: true, type: String })
  @IsOptional() @IsString() @Matches(ROBOT_SECRET)
  secret?: string | null;
}

export class WeComRobotDto {
  @ApiProperty({ title: '企业微信机器人 Webhook 地址', example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xxxx' })
  @IsString() @MaxLength(1000)
  webhookUrl!: string;
}

export class SaveRobotsDto {
  @ApiProperty({ title: '平台网址', description: '机器人消息中链接指向的本平台地址', example: 'https://zhengdun.county.gov.cn' })
  @IsString() @MaxLength(300)
  siteUrl!: string;

  @ApiPropertyOptional({ type: DingTalkRobotDto, title: '钉钉机器人' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DingTalkRobotDto)
  dingtalk?: DingTalkRobotDto;

  @ApiPropertyOptional({ type: WeComRobotDto, title: '企业微信机器人' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => WeComRobotDto)
  wecom?: WeComRobotDto;

  @ApiPropertyOptional({ enum: ROBOT_PROVIDER_VALUES, isArray: true, title: '要删除的机器人' })
  @IsOptional() @IsArray() @ArrayMaxSize(2) @IsIn(ROBOT_PROVIDER_VALUES, { each: true })
  remove?: ('dingtalk' | 'wecom')[];
}

export class RobotView {
  @ApiProperty({ enum: ROBOT_PROVIDER_VALUES }) provider!: 'dingtalk' | 'wecom';
  @ApiProperty({ example: '钉钉机器人' }) label!: string;
  @ApiProperty({ description: 'Webhook 地址，令牌只显示末四位', example: 'https://oapi.dingtalk.com/robot/send?access_token=****abcd' }) webhookUrl!: string;
  @ApiProperty({ description: '是否已设加签密钥（密钥本身不返回）' }) hasSecret!: boolean;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}

export class RobotsView {
  @ApiProperty({ type: String, nullable: true, description: '平台网址（未设置机器人时为空）' }) siteUrl!: string | null;
  @ApiProperty({ type: [RobotView] }) robots!: RobotView[];
}
