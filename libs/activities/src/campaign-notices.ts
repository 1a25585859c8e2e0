/** The county's campaign messages, in Chinese: the progress summary and the end-date list. Pure. */
import { chinaTime, describeScope, STAGE_LABELS, type CampaignRef, type CaseNotification, type Recipient } from '@zhengdun/domain';
import type { UnfinishedCase } from '@zhengdun/persistence';
import { campaignWorkflowId, endNoticeKey, type CampaignSummary } from '@zhengdun/workflows';

/** How many unfinished organizations the end notice names one by one; the rest are counted (the ledger has them all). */
export const END_NOTICE_MAX_LINES = 500;

export function countyRecipient(county: string): Recipient {
  return { kind: 'role', role: 'county_department', scope: describeScope({ level: 'county', county }) };
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 2026-05-01 08:00 in China time (the domain's, shared with the work-chat robots' messages). */

export function summaryNotification(campaign: CampaignRef, summary: CampaignSummary): CaseNotification {
  const stages = Object.entries(summary.byStage)
    .filter(([, count]) => count > 0)
    .map(([stage, count]) => `${STAGE_LABELS[stage as keyof typeof STAGE_LABELS]}${count}个`)
    .join('、');
  const body = [
    `截至${chinaTime(summary.at)}，${campaign.name}共列入整顿对象${summary.total}个${stages ? `：${stages}` : ''}。`,
    `未销号${summary.unfinished}个，其中逾期${summary.overdue}个。`,
    `督办情况：要求说明原因${summary.escalations.explanationRequested}个，约谈${summary.escalations.talk}个（累计约谈${summary.talks}次），提请组织处理${summary.escalations.organizationalHandling}个。`,
    `已销号（转化提升）${summary.converted}个，转化率${percent(summary.conversionRate)}。`,
    `距整顿截止（${chinaTime(campaign.endsAt)}）还有${summary.daysLeft}天。`,
  ].join('\n');
  return {
    key: summary.notificationKey,
    caseId: campaignWorkflowId(campaign.id),
    kind: 'campaign_summary',
    recipients: [countyRecipient(campaign.county)],
    title: `【${campaign.name}】第${summary.periodNo}期整顿进展汇总`,
    body,
    at: summary.at,
  };
}

export function endNotification(campaign: CampaignRef, unfinished: readonly UnfinishedCase[], escalated: number, at: string): CaseNotification {
  const lines = unfinished
    .slice(0, END_NOTICE_MAX_LINES)
    .map((c, index) => `${index + 1}. ${c.township} ${c.orgName}（${STAGE_LABELS[c.stage]}${c.overdue ? '，逾期' : ''}）`);
  const rest = unfinished.length - lines.length;
  const body =
    unfinished.length === 0
      ? `${campaign.name}已于${chinaTime(campaign.endsAt)}截止，所有整顿对象均已销号。`
      : [
          `${campaign.name}已于${chinaTime(campaign.endsAt)}截止，以下${unfinished.length}个党组织仍未完成整顿（未销号），已逐一要求说明原因（${escalated}个）：`,
          ...lines,
          ...(rest > 0 ? [`……另有${rest}个，详见整顿台账。`] : []),
        ].join('\n');
  return {
    key: endNoticeKey(campaign.id),
    caseId: campaignWorkflowId(campaign.id),
    kind: 'campaign_ended',
    recipients: [countyRecipient(campaign.county)],
    title: `【${campaign.name}】整顿期限已到，${unfinished.length}个党组织仍未完成`,
    body,
    at,
  };
}
