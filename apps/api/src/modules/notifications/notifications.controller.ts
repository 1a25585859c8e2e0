import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zhengdun/domain';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { RequestValidationException } from '../../core/errors/request-validation.exception';
import { ApiProblems } from '../../core/openapi/api-problems.decorator';
import { ChannelDeliveryView, DeadLetterListView, DeadLetterQueryDto, RetryDeadLetterView, SaveContactsDto, SaveContactsView } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** An outbox key: printable, no spaces, bounded. */
const NOTIFICATION_KEY = /^[^\s\p{C}]{1,400}$/u;

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
}
