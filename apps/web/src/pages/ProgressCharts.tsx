/**
 * How the campaign moves (GET /campaigns/:id/progress, from the cases' timelines): cases by stage at
 * the end of each day as a stacked area, and the burn-down of the organizations not yet 销号 against
 * the even pace that reaches zero on the end date, which is marked.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { apiGet } from '../api/http';
import type { CampaignProgressView } from '../api/views';
import { Chart } from '../charts/Chart';
import { ProblemAlert } from '../components/common';
import { STAGE_COLORS_HEX } from '../lib/labels';

/** Refreshed every minute: the counts are per day. */
const PROGRESS_POLL_MS = 60_000;

export function ProgressCharts({ campaignId }: { campaignId: string }) {
  const progress = useQuery({
    queryKey: ['campaign-progress', campaignId],
    queryFn: ({ signal }) => apiGet<CampaignProgressView>(`/campaigns/${encodeURIComponent(campaignId)}/progress`, { signal }),
    refetchInterval: PROGRESS_POLL_MS,
  });
  const data = progress.data;
  const charts = useMemo(() => (data ? buildProgressCharts(data) : null), [data]);
  if (progress.error) return <ProblemAlert error={progress.error} />;
  if (!data || !charts) return null;
  const last = [...data.days].reverse().find((day) => day.remaining !== null);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="progress-charts" data-today={data.today} data-remaining={last?.remaining ?? ''}>
      <Col xs={24} xl={14}>
        <Card title="各阶段整顿对象数走势（每日）" size="small" extra={<Typography.Text type="secondary">按整顿对象时间线逐日统计（北京时间）</Typography.Text>}>
          <Chart option={charts.stages} height={340} testId="chart-stage-trend" />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="剩余工作燃尽图" size="small" extra={<Typography.Text type="secondary">未销号的整顿对象</Typography.Text>}>
          <Chart option={charts.burnDown} height={340} testId="chart-burn-down" />
        </Card>
      </Col>
    </Row>
  );
}

function buildProgressCharts(data: CampaignProgressView) {
  const counted = data.days.filter((day) => day.byStage !== null);
  // Points, not only lines, while there are few days (a campaign's first day is a single point).
  const symbol = counted.length <= 31 ? 'circle' : 'none';
  const tooltip = { trigger: 'axis' as const, confine: true };
  const stages = {
    tooltip,
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: counted.map((day) => day.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.stages.map(({ stage, label }) => ({
      type: 'line',
      name: label,
      stack: 'stages',
      areaStyle: {},
      symbol,
      lineStyle: { width: 1 },
      itemStyle: { color: STAGE_COLORS_HEX[stage as keyof typeof STAGE_COLORS_HEX] },
      data: counted.map((day) => day.byStage?.[stage] ?? 0),
    })),
  };
  const burnDown = {
    tooltip,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: data.days.map((day) => day.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: '尚未销号',
        symbol,
        itemStyle: { color: '#c1272d' },
        areaStyle: { opacity: 0.15 },
        data: data.days.map((day) => day.remaining),
        markLine: {
          symbol: 'none',
          label: { formatter: '截止日', position: 'insideEndTop' as const },
          lineStyle: { color: '#cf1322', type: 'solid' as const, width: 2 },
          data: [{ xAxis: data.endsOn }],
        },
      },
      {
        type: 'line',
        name: '理想进度',
        symbol: 'none',
        itemStyle: { color: '#8c8c8c' },
        lineStyle: { type: 'dashed' as const },
        data: data.days.map((day) => day.ideal),
        markLine: {
          symbol: 'none',
          label: { formatter: '今天', position: 'insideEndTop' as const },
          lineStyle: { color: '#1f5fbf', type: 'dotted' as const },
          data: [{ xAxis: data.today }],
        },
      },
    ],
  };
  return { stages, burnDown };
}
