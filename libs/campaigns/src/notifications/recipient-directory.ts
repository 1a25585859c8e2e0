/** Where a notification's recipients receive e-mail. */
import type { Recipient } from '@zhengdun/domain';

export interface RecipientDirectory {
  /** E-mail addresses of the recipients; an unknown recipient is left out. */
  addressesOf(recipients: readonly Recipient[]): Promise<string[]>;
}

/**
 * A stand-in until the organization department's own directory is wired: a person is
 * `<personId>@example.invalid`, a role is `<role>@example.invalid` (`.invalid` never resolves, so
 * nothing reaches a real mailbox by accident). Replace it with a directory backed by the identity provider.
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
