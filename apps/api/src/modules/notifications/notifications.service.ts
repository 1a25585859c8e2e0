import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@zhengdun/domain';
import { OutboxDispatchRepository, RecipientContactRepository, recipientContactKey, type ContactEntry } from '@zhengdun/persistence';
import { AuditService } from '../../core/audit/audit.service';
import type { DeadLetterView, RetryDeadLetterView, SaveContactsDto, SaveContactsView } from './notifications.dto';
import { NotificationsException } from './notifications.exception';

/** The county's side of notification delivery: its recipient directory and its dead letters. */
@Injectable()
export class NotificationsService {
  private readonly outbox: OutboxDispatchRepository;
  private readonly contacts: RecipientContactRepository;

  constructor(
    dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.outbox = new OutboxDispatchRepository(dataSource, 'api');
    this.contacts = new RecipientContactRepository(dataSource);
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
