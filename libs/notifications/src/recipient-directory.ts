/** Where a notification's recipients receive e-mail. */
import type { DataSource } from 'typeorm';
import type { Recipient } from '@zhengdun/domain';
import { RecipientContactRepository } from '@zhengdun/persistence';

export interface RecipientDirectory {
  /** E-mail addresses of the recipients (in the county's directory, when it has one per county); an unknown recipient is left out. */
  addressesOf(recipients: readonly Recipient[], county?: string | null): Promise<string[]>;
}

/**
 * The real directory: the county's recipient_contact table, filled by the county department
 * (PUT /notifications/contacts) with the e-mail of each person the cases name (the branch secretary,
 * the team members, by their personId) and of each role's mailbox per scope.
 */
export class PostgresRecipientDirectory implements RecipientDirectory {
  private readonly contacts: RecipientContactRepository;
  constructor(dataSource: DataSource) {
    this.contacts = new RecipientContactRepository(dataSource);
  }

  async addressesOf(recipients: readonly Recipient[], county?: string | null): Promise<string[]> {
    if (!county) return [];
    return (await this.contacts.emailsOf(county, recipients)).addresses;
  }

  /** Entries with an e-mail address, all counties. */
  entriesWithEmail(): Promise<number> {
    return this.contacts.countWithEmail();
  }
}

/** No directory configured: nobody has an address, so every e-mail is dead-lettered "no address" (never guessed). */
export class EmptyRecipientDirectory implements RecipientDirectory {
  async addressesOf(): Promise<string[]> {
    return [];
  }
}

/**
 * For unit tests only: a person is `<personId>@example.invalid`, a role is `<role>@example.invalid`
 * (`.invalid` never resolves). Never used by the apps: they use PostgresRecipientDirectory.
 */
export class StubRecipientDirectory implements RecipientDirectory {
  constructor(private readonly domain = 'example.invalid') {}

  async addressesOf(recipients: readonly Recipient[]): Promise<string[]> {
    const addresses = recipients.map((recipient) =>
      recipient.kind === 'person' ? `${recipient.personId}@${this.domain}` : `${recipient.role}@${this.domain}`,
    );
    return [...new Set(addresses)];
  }
}
