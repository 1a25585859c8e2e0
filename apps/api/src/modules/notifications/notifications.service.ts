import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KIND_LABELS, type Actor } from '@zhengdun/domain';
import { maskWebhookUrl, robotWebhookProblem, siteUrlProblem } from '@zhengdun/notifications';
import {
  NotificationInboxRepository,
  NotificationRobotRepository,
  OutboxDispatchRepository,
  RecipientContactRepository,
  recipientContactKey,
  type ContactEntry,
  type InboxItem,
  type RobotProvider,
} from '@zhengdun/persistence';
import { AuditService } from '../../core/audit/audit.service';
import type { DeadLetterView, InboxItemView, InboxView, MarkReadDto, MarkReadView, RetryDeadLetterView, RobotsView, SaveContactsDto, SaveContactsView, SaveRobotsDto } from './notifications.dto';
import { NotificationsException } from './notifications.exception';

const ROBOT_LABELS: Record<RobotProvider, string> = { dingtalk: '钉钉机器人', wecom: '企业微信机器人' };

/** The web app's page for a notification: its case's, or the campaigns for a campaign's message. */
function linkOf(caseId: string): string {
  return caseId.startsWith('campaign:') ? '/campaigns' : `/cases/${encodeURIComponent(caseId)}`;
}

function inboxItemView(item: InboxItem): InboxItemView {
  return {
    key: item.key,
    caseId: item.caseId,
    kind: item.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[item.kind] ?? item.kind,
    title: item.title,
    body: item.body,
    orgName: item.orgName,
    link: linkOf(item.caseId),
    sentAt: item.eventAt,
    read: item.readAt !== null,
    readAt: item.readAt,
  };
}

/**
 * The county's side of notification delivery (its recipient directory, its robots, its dead letters)
 * and everyone's inbox: what the system addressed to the signed-in person.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly outbox: OutboxDispatchRepository,
    private readonly contacts: RecipientContactRepository,
    private readonly inbox: NotificationInboxRepository,
    private readonly robots: NotificationRobotRepository,
    private readonly audit: AuditService,
  ) {}

  /** The signed-in person's notifications, newest first: addressed to them by person, or to their role in their scope. */
  async inboxOf(actor: Actor, page = 1, pageSize = 20): Promise<InboxView> {
    const found = await this.inbox.page(actor, page, pageSize);
    return { items: found.items.map(inboxItemView), total: found.total, unread: found.unread, page, pageSize };
  }

  /** Marks some (keys) or all of the signed-in person's notifications read; others' keys are passed over. */
  markRead(actor: Actor, body: MarkReadDto): Promise<MarkReadView> {
    return this.audit.command(actor, null, 'markNotificationsRead', body, async () => {
      const all = body.all === true;
      if (all === (body.keys !== undefined)) throw NotificationsException.markReadChoice();
      const marked = await this.inbox.markRead(actor, all ? undefined : body.keys);
      return { marked: marked.length, unread: await this.inbox.unreadCount(actor) };
    });
  }

  /** The county's robots, their tokens masked and their secrets never shown. */
  async robotsOf(actor: Actor): Promise<RobotsView> {
    const robots = await this.robots.forCounty(actor.scope.county);
    return {
      siteUrl: robots[0]?.siteUrl ?? null,
      robots: robots.map((robot) => ({
        provider: robot.provider,
        label: ROBOT_LABELS[robot.provider],
        webhookUrl: maskWebhookUrl(robot.provider, robot.webhookUrl),
        hasSecret: robot.secret !== null,
        updatedBy: robot.updatedBy,
        updatedAt: robot.updatedAt,
      })),
    };
  }

  /** Sets or removes the county's DingTalk / WeCom robots; the audit trail keeps which, never the tokens or the secret. */
  saveRobots(actor: Actor, body: SaveRobotsDto): Promise<RobotsView> {
    const remove = [...new Set(body.remove ?? [])];
    const recorded = { siteUrl: body.siteUrl, set: [body.dingtalk ? 'dingtalk' : undefined, body.wecom ? 'wecom' : undefined].filter(Boolean), remove };
    return this.audit.command(actor, null, 'saveNotificationRobots', recorded, async () => {
      if (!body.dingtalk && !body.wecom && remove.length === 0) throw NotificationsException.noRobotChange();
      const site = siteUrlProblem(body.siteUrl);
      if (site) throw NotificationsException.robotSetting('siteUrl', `平台网址${site.zh}`, site.en);
      const save: { provider: RobotProvider; webhookUrl: string; secret?: string | null }[] = [];
      if (body.dingtalk) save.push({ provider: 'dingtalk', webhookUrl: body.dingtalk.webhookUrl, secret: body.dingtalk.secret });
      if (body.wecom) save.push({ provider: 'wecom', webhookUrl: body.wecom.webhookUrl, secret: null });
      for (const robot of save) {
        if (remove.includes(robot.provider)) throw NotificationsException.robotSetting('remove', `不能同时设置和删除${ROBOT_LABELS[robot.provider]}`, `cannot both set and remove ${robot.provider}`);
        const problem = robotWebhookProblem(robot.provider, robot.webhookUrl);
        if (problem) throw NotificationsException.robotSetting(`${robot.provider}.webhookUrl`, `${ROBOT_LABELS[robot.provider]}地址${problem.zh}`, problem.en);
      }
      await this.robots.save(actor.scope.county, { siteUrl: body.siteUrl, save, remove }, actor.userId);
      return this.robotsOf(actor);
    });
  }

  async deadLetters(actor: Actor, limit = 100): Promise<DeadLetterView[]> {
    const rows = await this.outbox.deadLetters(actor.scope.county, limit);
    return rows.map(({ deliveries, county: _county, ...row }) => ({ ...row, channels: deliveries }));
  }

  /** Re-queues a dead letter of the caller's county: only channels that did not deliver are sent again. */
  retry(actor: Actor, key: string): Promise<RetryDeadLetterView> {
    return this.audit.command(actor, null, 'retryNotification', { key }, async () => {
      if (!(await this.outbox.retryDeadLetter(actor.scope.county, key))) throw NotificationsException.deadLetterNotFound(key);
      return { key, status: 'pending' as const };
    });
  }

  /** Adds or replaces entries of the caller's county directory. */
  save(actor: Actor, body: SaveContactsDto): Promise<SaveContactsView> {
    const entries: ContactEntry[] = [
      ...(body.persons ?? []).map((p) => ({ recipient: recipientContactKey({ kind: 'person', personId: p.personId, name: p.name ?? '' }), name: p.name, email: p.email, phone: p.phone })),
      ...(body.roles ?? []).map((r) => ({ recipient: recipientContactKey({ kind: 'role', role: r.role, scope: r.scope }), email: r.email })),
    ];
    return this.audit.command(actor, null, 'saveNotificationContacts', body, async () => {
      if (entries.length === 0) throw NotificationsException.noContacts();
      return { saved: await this.contacts.upsert(actor.scope.county, entries, actor.userId) };
    });
  }
}
