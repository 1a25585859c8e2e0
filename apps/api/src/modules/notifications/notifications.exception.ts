import { CodedError, type StatusTable } from '@zhengdun/domain';

export type NotificationsExceptionCode = 'dead_letter_not_found' | 'no_contacts' | 'mark_read_choice' | 'no_robot_change' | 'robot_setting_invalid';

export const NOTIFICATIONS_EXCEPTION_STATUS: StatusTable<NotificationsExceptionCode> = {
  dead_letter_not_found: 404,
  no_contacts: 400,
  mark_read_choice: 400,
  no_robot_change: 400,
  robot_setting_invalid: 400,
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

  /** POST /me/notifications/read names neither keys nor all, or both. */
  static markReadChoice(): NotificationsException {
    return new NotificationsException('mark_read_choice', '请给出要标为已读的通知（keys），或 all: true 全部标为已读，二者选一', 'give either keys or all: true, not both', { field: 'keys' });
  }

  static noRobotChange(): NotificationsException {
    return new NotificationsException('no_robot_change', '请至少设置或删除一个机器人（dingtalk、wecom 或 remove）', 'set or remove at least one robot (dingtalk, wecom or remove)', { field: 'dingtalk' });
  }

  /** A robot setting the robots would refuse (or that would send the county's messages elsewhere). */
  static robotSetting(field: string, detail: string, detailEn: string): NotificationsException {
    return new NotificationsException('robot_setting_invalid', `${field}：${detail}`, `${field}: ${detailEn}`, { field });
  }
}
