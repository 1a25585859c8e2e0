import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import {
  ChannelDeliveryView,
  DeadLetterListView,
  DeadLetterQueryDto,
  InboxQueryDto,
  InboxView,
  MarkReadDto,
  MarkReadView,
  NOTIFICATION_KEY,
  RetryDeadLetterView,
  RobotsView,
  SaveContactsDto,
  SaveContactsView,
  SaveRobotsDto,
} from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications 通知投递')
@ApiBearerAuth()
@ApiExtraModels(ChannelDeliveryView)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('dead-letters')
  @Roles('county_department', 'auditor')
  @ApiOperation({
    summary: '本县投递失败的通知（死信）：重试次数用尽或无收件地址，逐渠道列出',
    description: 'Notifications of your county given up after the bounded attempts (NOTIFY_MAX_ATTEMPTS) or with no address, with each channel’s outcome.',
  })
  @ApiOkResponse({ type: DeadLetterListView })
  @ApiProblems(400, 401, 403)
  async deadLetters(@CurrentActor() actor: Actor, @Query() query: DeadLetterQueryDto): Promise<DeadLetterListView> {
    return { items: await this.notifications.deadLetters(actor, query.limit) };
  }

  @Post('dead-letters/:key/retry')
  @HttpCode(200)
  @Roles('county_department')
  @ApiOperation({ summary: '重新投递一条死信（已送达的渠道不再重发）', description: 'Re-queues a dead letter; channels that delivered are not sent again.' })
  @ApiOkResponse({ type: RetryDeadLetterView })
  @ApiProblems(400, 401, 403, 404)
  retry(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<RetryDeadLetterView> {
    if (!NOTIFICATION_KEY.test(key)) throw RequestValidationException.field('key', '格式不正确', 'malformed notification key');
    return this.notifications.retry(actor, key);
  }

  @Put('contacts')
  @Roles('county_department')
  @ApiOperation({
    summary: '维护本县通知收件人名录：人员（按整顿对象中的人员编号）与角色邮箱',
    description: 'Adds or replaces entries of your county’s recipient directory; e-mail notifications go to these addresses.',
  })
  @ApiOkResponse({ type: SaveContactsView })
  @ApiProblems(400, 401, 403, 413)
  save(@CurrentActor() actor: Actor, @Body() body: SaveContactsDto): Promise<SaveContactsView> {
    return this.notifications.save(actor, body);
  }

  @Get('robots')
  @Roles('county_department', 'auditor')
  @ApiOperation({
    summary: '本县工作群机器人（钉钉、企业微信）：地址中的令牌只显示末四位，加签密钥不返回',
    description: 'Your county’s DingTalk / WeCom group robots; tokens masked, secrets never returned.',
  })
  @ApiOkResponse({ type: RobotsView })
  @ApiProblems(401, 403)
  robots(@CurrentActor() actor: Actor): Promise<RobotsView> {
    return this.notifications.robotsOf(actor);
  }

  @Put('robots')
  @Roles('county_department')
  @ApiOperation({
    summary: '设置本县工作群机器人：钉钉（Webhook 地址、可选加签密钥）与企业微信（Webhook 地址），本县的通知同时发到群里',
    description:
      'Sets or removes your county’s DingTalk / WeCom group robots; each is one more delivery channel for the county’s notifications. ' +
      'A DingTalk secret left out keeps the stored one, null removes it. Answers the robots as GET does (no secrets).',
  })
  @ApiOkResponse({ type: RobotsView })
  @ApiProblems(400, 401, 403, 413)
  saveRobots(@CurrentActor() actor: Actor, @Body() body: SaveRobotsDto): Promise<RobotsView> {
    return this.notifications.saveRobots(actor, body);
  }
}

@ApiTags('notifications 通知投递')
@ApiBearerAuth()
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: '我的通知：系统发给我的提醒、要求、建议（按人员编号，或按我的角色和管辖范围），最新的在前，含未读条数',
    description: 'Notifications addressed to you by your user id, or to your role in your scope; only cases in your scope. Newest first, with the unread count.',
  })
  @ApiOkResponse({ type: InboxView })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<InboxView> {
    return this.notifications.inboxOf(actor, query.page, query.pageSize);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读：指定的通知（keys），或全部（all: true）', description: 'Marks the given notifications of yours read, or all of them; keys that are not yours are passed over.' })
  @ApiOkResponse({ type: MarkReadView })
  @ApiProblems(400, 401, 413)
  markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<MarkReadView> {
    return this.notifications.markRead(actor, body);
  }
}
