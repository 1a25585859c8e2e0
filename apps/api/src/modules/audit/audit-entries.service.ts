import { Injectable } from '@nestjs/common';
import { CASE_ACTIONS, type Actor } from '@zhengdun/domain';
import { AuditLogRepository } from '@zhengdun/persistence';
import type { AuditEntryPageView } from './audit.dto';

/** Commands the API audits that are not case actions (those take their label from CASE_ACTIONS). */
const COMMAND_LABELS: Record<string, string> = {
  openCase: '列入整顿名单',
  createCampaign: '创建整顿批次',
  exportLedger: '导出整顿台账',
  verifyAuditChain: '校验审计链',
  issueNotice: '发布督查通报',
  decideCommitteeAccountability: '决定党（工）委问责',
  downloadScreeningTemplate: '下载摸排名单模板',
  issueDevToken: '签发开发令牌',
  raiseObjection: '群众提出异议',
  rateSatisfaction: '群众满意度测评',
  retryNotification: '重发通知',
  saveNotificationContacts: '保存通知联系人',
  saveNotificationRobots: '设置工作群机器人',
  markNotificationsRead: '通知标为已读',
  uploadScreeningList: '上传摸排名单',
  saveHolidayArrangement: '录入节假日安排',
};

export function auditActionLabel(action: string): string {
  return (Object.hasOwn(CASE_ACTIONS, action) ? CASE_ACTIONS[action as keyof typeof CASE_ACTIONS].label : COMMAND_LABELS[action]) ?? action;
}

/** The audit trail's latest entries, for the auditor's page: read-only, newest first, keyset-paged. */
@Injectable()
export class AuditEntriesService {
  constructor(private readonly auditLog: AuditLogRepository) {}

  async latest(actor: Actor, before: string | undefined, limit = 20): Promise<AuditEntryPageView> {
    // One more than asked: whether an older page exists, without counting the chain.
    const rows = await this.auditLog.latest(actor.scope.county, before ?? null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.at,
        userId: row.userId,
        userName: row.userName,
        role: row.role,
        action: row.action,
        actionLabel: auditActionLabel(row.action),
        outcome: row.outcome,
        caseId: row.caseId,
        orgName: row.orgName,
        township: row.township,
        hash: row.hash,
      })),
      nextBefore: rows.length > limit ? page[page.length - 1].id : null,
    };
  }
}
