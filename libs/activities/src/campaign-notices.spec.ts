import type { CampaignRef } from '@zhengdun/domain';
import type { UnfinishedCase } from '@zhengdun/persistence';
import type { CampaignSummary } from '@zhengdun/workflows';
import { chinaTime } from '@zhengdun/domain';
import { END_NOTICE_MAX_LINES, endNotification, summaryNotification } from './campaign-notices';

const CAMPAIGN: CampaignRef = { id: 'c2026', name: '2026年整顿', county: '示范县', endsAt: '2026-10-31T15:59:59.000Z' };

const SUMMARY: CampaignSummary = {
  campaignId: 'c2026',
  periodNo: 2,
  at: '2026-05-01T00:00:00.000Z',
  total: 10,
  byStage: {
    identified: 1,
    assigned: 2,
    planning: 0,
    remediating: 3,
    publicizing: 0,
    preliminary_acceptance: 0,
    county_acceptance: 0,
    delisted: 3,
    follow_up_review: 0,
    archived: 1,
  },
  unfinished: 6,
  overdue: 2,
  escalations: { explanationRequested: 2, talk: 1, organizationalHandling: 1 },
  talks: 3,
  converted: 4,
  conversionRate: 0.4,
  daysLeft: 183,
  notificationKey: 'campaign:c2026:summary:2',
};

describe('campaign notices', () => {
  it('the summary: figures by stage, overdue, escalations, conversion and days left, to the county', () => {
    const n = summaryNotification(CAMPAIGN, SUMMARY);
    expect(n).toMatchObject({
      key: 'campaign:c2026:summary:2',
      caseId: 'campaign:c2026',
      kind: 'campaign_summary',
      recipients: [{ kind: 'role', role: 'county_department', scope: '示范县全县' }],
      title: '【2026年整顿】第2期整顿进展汇总',
    });
    expect(n.body).toContain('共列入整顿对象10个：摸排确定1个、已落实包抓2个、整顿实施3个、已销号3个、已归档1个');
    expect(n.body).toContain('逾期2个');
    expect(n.body).toContain('约谈1个（累计约谈3次）');
    expect(n.body).toContain('转化率40.0%');
    expect(n.body).toContain('还有183天');
    expect(n.body).toContain('2026-05-01 08:00');
  });

  it('the end notice lists the unfinished organizations, and counts those beyond the limit', () => {
    const unfinished: UnfinishedCase[] = Array.from({ length: END_NOTICE_MAX_LINES + 2 }, (_, i) => ({
      caseId: `case:c2026:o${i}`,
      orgCode: `o${i}`,
      orgName: `村${i}党支部`,
      township: '青山镇',
      stage: 'remediating',
      overdue: i === 0,
      escalationLevel: 1,
    }));
    const n = endNotification(CAMPAIGN, unfinished, unfinished.length, '2026-11-01T00:00:00.000Z');
    expect(n).toMatchObject({ key: 'campaign:c2026:ended', kind: 'campaign_ended', title: `【2026年整顿】整顿期限已到，${END_NOTICE_MAX_LINES + 2}个党组织仍未完成` });
    expect(n.body).toContain('1. 青山镇 村0党支部（整顿实施，逾期）');
    expect(n.body).toContain('……另有2个，详见整顿台账。');
    expect(endNotification(CAMPAIGN, [], 0, '2026-11-01T00:00:00.000Z').body).toContain('所有整顿对象均已销号');
    expect(chinaTime('2026-10-31T15:59:59.000Z')).toBe('2026-10-31 23:59');
  });
});
