/**
 * 整顿总览: one campaign (or all) in the user's scope. Cases by stage, domain and township;
 * conversion (销号) rate; overdue; escalation levels (说明原因/约谈/组织处理); public satisfaction;
 * days left to the campaign's end date. Polled every 2 s; clicking a chart opens the filtered list.
 * For one campaign, also how it moved day by day and the burn-down to its end date (ProgressCharts).
 */
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Col, Empty, Row, Select, Skeleton, Space, Typography } from 'antd';
import { AlertOutlined, CalendarOutlined, CheckCircleOutlined, ClusterOutlined, SmileOutlined, WarningOutlined } from '@ant-design/icons';
import { ESCALATION_LEVEL_LABELS, MEASURE_STATUS_LABELS, ORG_DOMAIN_LABELS, SATISFACTION_LABELS, STAGE_LABELS, STAGES, isOrgDomain, type Stage } from '@zhengdun/domain';
import { queryString } from '../api/http';
import { POLL_MS, useDashboardSummary } from '../api/queries';
import type { CampaignView, DashboardSummaryView } from '../api/views';
import { Chart, PALETTE } from '../charts/Chart';
import { LiveIndicator, ProblemAlert } from '../components/common';
import { MissingHolidaysAlert } from '../components/MissingHolidaysAlert';
import { ALL_CAMPAIGNS, campaignOptions, useCampaigns, useChosenCampaign } from '../lib/campaigns';
import { daysUntil, formatDate, percent } from '../lib/format';
import { ProgressCharts } from './ProgressCharts';

function endOf(campaigns: CampaignView[], chosen: string | undefined): CampaignView | undefined {
  if (chosen) return campaigns.find((campaign) => campaign.id === chosen);
  const now = Date.now();
  return [...campaigns].filter((campaign) => Date.parse(campaign.endsAt) >= now).sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt))[0];
}

function StatCard({
  title,
  icon,
  value,
  foot,
  danger,
  onClick,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  value: React.ReactNode;
  foot?: React.ReactNode;
  danger?: boolean;
  onClick?: () => void;
  testId?: string;
}) {
  return (
    <Card size="small" hoverable={!!onClick} onClick={onClick} style={{ height: '100%' }} data-testid={testId}>
      <Space align="start" size={12} style={{ width: '100%' }}>
        <div style={{ fontSize: 24, color: '#b7202e', lineHeight: 1, paddingTop: 2 }}>{icon}</div>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4, color: danger ? '#cf1322' : '#1f1f1f', whiteSpace: 'nowrap' }} data-testid={testId ? `${testId}-value` : undefined}>
            {value}
          </div>
          {foot && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{foot}</div>}
        </div>
      </Space>
    </Card>
  );
}

const unit = (text: string) => <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 4 }}>{text}</span>;

export default function OverviewPage() {
  const navigate = useNavigate();
  const { campaigns, error: campaignsError } = useCampaigns();
  const [campaignId, chooseCampaign, explicitCampaign] = useChosenCampaign(campaigns);
  const ready = campaigns !== undefined || explicitCampaign;
  const summary = useDashboardSummary(campaignId, ready, POLL_MS.overview);
  const data = summary.data;
  const campaign = campaigns ? endOf(campaigns, campaignId) : undefined;

  const openList = (filter: Record<string, string | number | boolean>) => void navigate(`/cases${queryString({ campaignId: campaignId ?? ALL_CAMPAIGNS, ...filter })}`);

  // Rebuild the charts only when the numbers change, not on every poll: no flicker, no replayed animation.
  const dataKey = data ? JSON.stringify({ ...data, generatedAt: undefined }) : '';
  const charts = useMemo(() => (data ? buildCharts(data) : null), [dataKey]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row align="middle" gutter={[16, 8]}>
        <Col flex="none">
          <Typography.Title level={3} style={{ margin: 0 }}>
            整顿总览
          </Typography.Title>
        </Col>
        <Col flex="none">
          <Select
            style={{ minWidth: 320 }}
            loading={!campaigns}
            value={campaignId ?? ALL_CAMPAIGNS}
            onChange={chooseCampaign}
            options={campaignOptions(campaigns)}
            data-testid="campaign-select"
          />
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <LiveIndicator query={summary} />
        </Col>
      </Row>
      <ProblemAlert error={campaignsError} />
      <MissingHolidaysAlert />
      {!data ? (
        summary.error ? <ProblemAlert error={summary.error} /> : <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div data-testid="overview-ready" data-total={data.total} data-by-stage={JSON.stringify(data.byStage)}>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} xl={4}>
              <StatCard title="列入整顿的党组织" icon={<ClusterOutlined />} value={<>{data.total}{unit('个')}</>} foot="点击查看全部整顿对象" onClick={() => openList({})} testId="stat-total" />
            </Col>
            <Col xs={24} sm={12} xl={4}>
              <StatCard title="转化率" icon={<CheckCircleOutlined />} value={percent(data.conversionRate)} foot={`已销号 ${data.converted} 个（含回头看、归档）；措施已销项 ${data.measures.done}/${data.measures.total}，${MEASURE_STATUS_LABELS.reported} ${data.measures.reported}`} testId="stat-converted" />
            </Col>
            <Col xs={24} sm={12} xl={4}>
              <StatCard
                title="逾期未完成"
                icon={<WarningOutlined />}
                value={<>{data.overdue}{unit('个')}</>}
                foot={data.total ? `占 ${percent(data.overdue / data.total)}，点击查看` : undefined}
                danger={data.overdue > 0}
                onClick={() => openList({ overdue: true })}
                testId="stat-overdue"
              />
            </Col>
            <Col xs={24} sm={12} xl={4}>
              <StatCard
                title="督办中的党组织"
                icon={<AlertOutlined />}
                value={<>{(data.escalationsByLevel['1'] ?? 0) + (data.escalationsByLevel['2'] ?? 0) + (data.escalationsByLevel['3'] ?? 0)}{unit('个')}</>}
                foot={`${([1, 2, 3] as const).map((level) => `${ESCALATION_LEVEL_LABELS[level]} ${data.escalationsByLevel[level] ?? 0}`).join(' · ')}；待约谈 ${data.awaiting.talk} · 待决定组织处理 ${data.awaiting.organizational_handling}`}
                danger={(data.escalationsByLevel['3'] ?? 0) > 0 || data.awaiting.organizational_handling > 0}
                onClick={() => openList({ awaiting: data.awaiting.organizational_handling > 0 ? 'organizational_handling' : 'talk' })}
                testId="stat-escalation"
              />
            </Col>
            <Col xs={24} sm={12} xl={4}>
              <StatCard
                title="群众满意度"
                icon={<SmileOutlined />}
                value={data.satisfaction ? percent(data.satisfaction.rate) : '—'}
                foot={data.satisfaction ? `满意+基本满意，${data.satisfaction.ratedCases} 个组织参评` : '暂无测评统计'}
                testId="stat-satisfaction"
              />
            </Col>
            <Col xs={24} sm={12} xl={4}>
              <StatCard
                title="距完成时限"
                icon={<CalendarOutlined />}
                value={campaign ? <>{Math.max(0, daysUntil(campaign.endsAt))}{unit('天')}</> : '—'}
                foot={campaign ? `${formatDate(campaign.endsAt)}${daysUntil(campaign.endsAt) < 0 ? '，已过截止日期' : '前全面完成'}` : '未选择整顿批次'}
                danger={!!campaign && daysUntil(campaign.endsAt) <= 30}
                testId="stat-days-left"
              />
            </Col>
          </Row>
          {data.total === 0 ? (
            <Card style={{ marginTop: 16 }}>
              <Empty description="本批次尚无列入整顿的党组织" />
            </Card>
          ) : (
            charts && (
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} xl={14}>
                  <Card title="各阶段整顿对象数" size="small" extra={<Typography.Text type="secondary">点击柱条查看整顿对象</Typography.Text>}>
                    <Chart option={charts.byStage} height={340} testId="chart-stage" onClick={(event) => openList({ stage: STAGES[STAGES.length - 1 - event.dataIndex] })} />
                  </Card>
                </Col>
                <Col xs={24} xl={10}>
                  <Card title="转化率（已销号 / 总数）" size="small">
                    <Chart option={charts.conversion} height={300} testId="chart-conversion" />
                    <div style={{ textAlign: 'center', color: '#595959', height: 40 }}>
                      已销号（转化提升）<strong>{data.converted}</strong> 个，共 <strong>{data.total}</strong> 个
                    </div>
                  </Card>
                </Col>
                <Col xs={24} xl={10}>
                  <Card title="领域分布" size="small">
                    <Chart
                      option={charts.byDomain}
                      height={320}
                      testId="chart-domain"
                      onClick={(event) => {
                        const key = charts.domainKeys[event.dataIndex];
                        if (key) openList({ domain: key });
                      }}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={14}>
                  <Card title="各乡镇（党工委）整顿对象数" size="small">
                    <Chart option={charts.byTownship} height={320} testId="chart-township" onClick={(event) => openList({ township: event.name })} />
                  </Card>
                </Col>
                <Col xs={24} lg={12} xl={8}>
                  <Card title="督办等级" size="small">
                    <Chart option={charts.escalation} height={280} testId="chart-escalation" onClick={(event) => openList({ escalationLevel: event.dataIndex + 1 })} />
                  </Card>
                </Col>
                <Col xs={24} lg={12} xl={8}>
                  <Card title="群众在线评价" size="small">
                    {charts.satisfaction ? (
                      <Chart option={charts.satisfaction} height={280} testId="chart-satisfaction" />
                    ) : (
                      <Empty style={{ height: 248, paddingTop: 60, margin: 0 }} description="暂无在线评价统计" />
                    )}
                  </Card>
                </Col>
                <Col xs={24} xl={8}>
                  <Card title="各阶段平均用时（天）" size="small">
                    <Chart option={charts.averageDays} height={280} testId="chart-average-days" />
                  </Card>
                </Col>
              </Row>
            )
          )}
          {campaignId && data.total > 0 && <ProgressCharts campaignId={campaignId} />}
        </div>
      )}
    </Space>
  );
}

const tooltip = { trigger: 'item' as const, confine: true };
const daysFormatter = (value: number) => `${value} 天`;

function buildCharts(data: DashboardSummaryView) {
  // Lifecycle order top to bottom: ECharts draws the first category at the bottom, so reverse.
  const stages = [...STAGES].reverse();
  const byStage = {
    color: PALETTE,
    tooltip: { ...tooltip, trigger: 'axis' as const, axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: stages.map((stage) => STAGE_LABELS[stage]), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: '整顿对象数',
        barMaxWidth: 22,
        data: stages.map((stage) => ({ value: data.byStage[stage] ?? 0, itemStyle: { color: stageBarColor(stage) } })),
        label: { show: true, position: 'right' },
        cursor: 'pointer',
      },
    ],
  };

  const rate = data.conversionRate ?? 0;
  const conversion = {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        progress: { show: true, width: 18, itemStyle: { color: '#c1272d' } },
        axisLine: { lineStyle: { width: 18 } },
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { width: 2, color: '#999' } },
        axisLabel: { distance: 24, color: '#999', fontSize: 11 },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { valueAnimation: false, offsetCenter: [0, '0%'], fontSize: 34, fontWeight: 'bold', formatter: '{value}%', color: '#a3161f' },
        data: [{ value: Math.round(rate * 1000) / 10, name: '转化率' }],
      },
    ],
  };

  const domainKeys = Object.keys(data.byDomain).filter((key) => (data.byDomain[key] ?? 0) > 0);
  const byDomain = {
    color: PALETTE,
    tooltip: { ...tooltip, formatter: '{b}：{c} 个（{d}%）' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: domainKeys.map((key) => ({ name: isOrgDomain(key) ? ORG_DOMAIN_LABELS[key] : key, value: data.byDomain[key] })),
        cursor: 'pointer',
      },
    ],
  };

  const townships = Object.entries(data.byTownship).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  const byTownship = {
    color: ['#1f5fbf'],
    tooltip: { ...tooltip, trigger: 'axis' as const, axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: townships.map(([name]) => name), axisLabel: { interval: 0, rotate: townships.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '整顿对象数', barMaxWidth: 28, data: townships.map(([, count]) => count), label: { show: townships.length <= 16, position: 'top' }, cursor: 'pointer' }],
  };

  const levels = [1, 2, 3] as const;
  const escalation = {
    tooltip: { ...tooltip, trigger: 'axis' as const, axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: levels.map((level) => ESCALATION_LEVEL_LABELS[level]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '整顿对象数',
        barMaxWidth: 40,
        label: { show: true, position: 'top' },
        data: levels.map((level, index) => ({ value: data.escalationsByLevel[String(level)] ?? 0, itemStyle: { color: ['#e0a100', '#e36b00', '#c1272d'][index] } })),
        cursor: 'pointer',
      },
    ],
  };

  const s = data.satisfaction;
  const satisfaction =
    s && s.satisfied + s.basicallySatisfied + s.dissatisfied > 0
      ? {
          color: ['#2f9e6e', '#1f5fbf', '#c1272d'],
          tooltip: { ...tooltip, formatter: '{b}：{c} 人次（{d}%）' },
          legend: { bottom: 0 },
          title: { text: percent(s.rate), subtext: '满意率', left: 'center', top: '36%', textStyle: { fontSize: 22, color: '#a3161f' } },
          series: [
            {
              type: 'pie',
              radius: ['45%', '68%'],
              center: ['50%', '46%'],
              label: { show: false },
              data: [
                { name: SATISFACTION_LABELS.satisfied, value: s.satisfied },
                { name: SATISFACTION_LABELS.basically_satisfied, value: s.basicallySatisfied },
                { name: SATISFACTION_LABELS.dissatisfied, value: s.dissatisfied },
              ],
            },
          ],
        }
      : null;

  const averaged = STAGES.filter((stage) => stage !== 'archived' && data.averageDaysPerStage[stage] !== undefined);
  const averageDays = {
    color: ['#7b4bb7'],
    tooltip: { ...tooltip, trigger: 'axis' as const, axisPointer: { type: 'shadow' }, valueFormatter: daysFormatter },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: averaged.map((stage) => STAGE_LABELS[stage]), axisLabel: { interval: 0, rotate: 40, fontSize: 11 } },
    yAxis: { type: 'value', name: '天' },
    series: [{ type: 'bar', name: '平均用时', barMaxWidth: 24, data: averaged.map((stage) => Math.round((data.averageDaysPerStage[stage] ?? 0) * 10) / 10) }],
  };

  return { byStage, conversion, byDomain, domainKeys, byTownship, escalation, satisfaction, averageDays };
}

function stageBarColor(stage: Stage): string {
  if (stage === 'delisted' || stage === 'follow_up_review' || stage === 'archived') return '#2f9e6e';
  if (stage === 'preliminary_acceptance' || stage === 'county_acceptance' || stage === 'publicizing') return '#13a8a8';
  if (stage === 'identified' || stage === 'assigned' || stage === 'planning') return '#e08a00';
  return '#1f5fbf';
}
