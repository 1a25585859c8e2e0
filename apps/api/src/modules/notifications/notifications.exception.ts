import { CodedError, type StatusTable } from '@zhengdun/domain';

export type NotificationsExceptionCode = 'dead_letter_not_found' | 'no_contacts';

export const NOTIFICATIONS_EXCEPTION_STATUS: StatusTable<NotificationsExceptionCode> = {
  dead_letter_not_found: 404,
  no_contacts: 400,
};

export class NotificationsException extends CodedError<NotificationsExceptionCode> {
  override readonly name = 'NotificationsException';

  /** Unknown key, not dead, or another county's: one answer for all three. */
  static deadLetterNotFound(key: string): NotificationsException {
    return new NotificationsException('dead_letter_not_found', `本县没有通知 ${key} 的死信`, `no dead letter ${key} in your county`);
  }

  static noContacts(): NotificationsException {
    return new NotificationsException('no_contacts', '请至少提供一条联系方式（persons 或 roles）', 'give at least one contact (persons or roles)', { field: 'persons' });
  }
}
