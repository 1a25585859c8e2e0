/**
 * 整顿对象台账: GET /cases with the API's filters (campaign, stage, domain, township, overdue,
 * escalation level, person), pagination and sorting, all kept in the URL so a link or a chart
 * click opens the same view. Refreshed every 5 s.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Input, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ESCALATION_LEVEL_LABELS, MEASURE_STATUS_LABELS, ORG_DOMAIN_LABELS, ORG_DOMAINS, STAGE_LABELS, STAGES, isOrgDomain, isStage, type EscalationLevel } from '@zhengdun/domain';
import { POLL_MS, useCaseList, useDashboardSummary } from '../api/queries';
import type { CaseListQuery, CaseSortKey, CaseSummaryView } from '../api/views';
import { useUser } from '../auth/session';
import { EscalationTag, LiveIndicator, OverdueTag, ProblemAlert, StageTag } from '../components/common';
import { ALL_CAMPAIGNS, campaignOptions, useCampaigns, useChosenCampaign } from '../lib/campaigns';
import { daysUntil, dueText, formatDateTime, percent } from '../lib/format';

const SORTABLE: Record<string, CaseSortKey> = {
  orgName: 'orgName',
  stage: 'stage',
  escalationLevel: 'escalationLevel',
  nextDueAt: 'nextDueAt',
  stageEnteredAt: 'stageEnteredAt',
  updatedAt: 'updatedAt',
};
const isEscalationLevel = (value: number | undefined): value is EscalationLevel => value !== undefined && value >= 0 && value <= 3;
const FILTER_KEYS = ['stage', 'domain', 'township', 'overdue', 'escalationLevel', 'personId', 'awaiting'] as const;

function queryFrom(params: URLSearchParams, campaignId: string | undefined): CaseListQuery {
  const number = (key: string) => {
    const value = params.get(key);
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const sort = params.get('sort');
  const stage = params.get('stage');
  const domain = params.get('domain');
  const escalationLevel = number('escalationLevel');
  return {
    campaignId,
    stage: isStage(stage) ? stage : undefined,
    domain: isOrgDomain(domain) ? domain : undefined,
    township: params.get('township') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : params.get('overdue') === 'false' ? false : undefined,
    escalationLevel: isEscalationLevel(escalationLevel) ? escalationLevel : undefined,
    personId: params.get('personId') ?? undefined,
    awaiting: params.get('awaiting') === 'talk' || params.get('awaiting') === 'organizational_handling' ? (params.get('awaiting') as 'talk' | 'organizational_handling') : undefined,
    page: number('page') ?? 1,
    pageSize: number('pageSize') ?? 20,
    sort: sort && Object.values(SORTABLE).includes(sort as CaseSortKey) ? (sort as CaseSortKey) : 'updatedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export default function CaseListPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const { campaigns, error: campaignsError } = useCampaigns();
  const [campaignId, chooseCampaign, explicitCampaign] = useChosenCampaign(campaigns);
  const ready = campaigns !== undefined || explicitCampaign;
  const query = queryFrom(params, campaignId);
  const key = JSON.stringify(query);
  const list = useCaseList(query, ready);
  // Townships to filter by: those with cases in the user's scope.
  const summary = useDashboardSummary(campaignId, ready, POLL_MS.townships);
  const townships = useMemo(() => Object.keys(summary.data?.byTownship ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN')), [summary.data]);

  const setFilter = (name: string, value: string | number | boolean | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(name);
    else next.set(name, String(value));
    next.delete('page');
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const name of FILTER_KEYS) next.delete(name);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const onTableChange: TableProps<CaseSummaryView>['onChange'] = (pagination, _filters, sorter) => {
    const next = new URLSearchParams(params);
    next.set('page', String(pagination.current ?? 1));
    next.set('pageSize', String(pagination.pageSize ?? 20));
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof single?.field === 'string' ? SORTABLE[single.field] : undefined;
    if (field && single?.order) {
      const ascending = single.order === 'ascend';
      next.set('sort', field);
      next.set('order', (field === 'stageEnteredAt' ? !ascending : ascending) ? 'asc' : 'desc');
    } else {
      next.delete('sort');
      next.delete('order');
    }
    setParams(next, { replace: true });
  };

  // "本阶段用时" sorts by stageEnteredAt the other way round: longest time first = entered earliest.
  const sortOrder = (column: CaseSortKey) => {
    if (query.sort !== column) return null;
    const ascending = column === 'stageEnteredAt' ? query.order === 'desc' : query.order === 'asc';
    return ascending ? 'ascend' : 'descend';
  };

  const columns = useMemo<TableProps<CaseSummaryView>['columns']>(
    () => [
      {
        title: '党组织',
        dataIndex: 'orgName',
        width: 260,
        fixed: 'left',
        sorter: true,
        sortOrder: sortOrder('orgName'),
        render: (_value, row) => (
          <div>
            <Space size={4} wrap>
              <Link to={`/cases/${encodeURIComponent(row.caseId)}`} data-testid="case-link">
                {row.orgName}
              </Link>
              {row.isKeyVillage && <Tag color="volcano">重点村</Tag>}
              {row.round > 1 && <Tag>第{row.round}轮</Tag>}
            </Space>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {ORG_DOMAIN_LABELS[row.domain]} · {row.township}
            </div>
          </div>
        ),
      },
      { title: '阶段', dataIndex: 'stage', width: 130, sorter: true, sortOrder: sortOrder('stage'), render: (_value, row) => <StageTag stage={row.stage} /> },
      {
        title: '本阶段用时',
        dataIndex: 'stageEnteredAt',
        width: 110,
        sorter: true,
        sortOrder: sortOrder('stageEnteredAt'),
        render: (value: string) => <Tooltip title={`进入本阶段：${formatDateTime(value)}`}>{Math.max(0, -daysUntil(value))} 天</Tooltip>,
      },
      {
        title: '未解决问题',
        width: 100,
        render: (_value, row) => (
          <Tooltip title={`共 ${row.problemCount} 个问题，未解决 ${row.openProblemCount} 个`}>
            <span>
              {row.openProblemCount} / {row.problemCount}
            </span>
          </Tooltip>
        ),
      },
      {
        title: '措施销项',
        width: 120,
        render: (_value, row) =>
          row.measureCount > 0 ? (
            <Tooltip title={row.measuresReported > 0 ? `另有 ${row.measuresReported} 项${MEASURE_STATUS_LABELS.reported}` : undefined}>
              <Progress
                percent={Math.round((row.measuresDone / row.measureCount) * 100)}
                size="small"
                format={() => `${row.measuresDone}${row.measuresReported > 0 ? `+${row.measuresReported}待核验` : ''}/${row.measureCount}`}
              />
            </Tooltip>
          ) : (
            <span style={{ color: '#999' }}>未制定</span>
          ),
      },
      {
        title: '逾期与督办',
        dataIndex: 'escalationLevel',
        width: 180,
        sorter: true,
        sortOrder: sortOrder('escalationLevel'),
        render: (_value, row) =>
          row.overdue || row.escalationLevel > 0 ? (
            <Space size={4} wrap>
              <OverdueTag overdue={row.overdue} />
              {row.escalationLevel > 0 && <EscalationTag level={row.escalationLevel} talks={row.talks} />}
            </Space>
          ) : (
            <span style={{ color: '#999' }}>—</span>
          ),
      },
      { title: '满意度', dataIndex: 'satisfactionRate', width: 76, render: (value: number | null) => percent(value, 0) },
      {
        title: '最近到期',
        dataIndex: 'nextDueAt',
        width: 116,
        sorter: true,
        sortOrder: sortOrder('nextDueAt'),
        render: (value: string | null) =>
          value ? (
            <Tooltip title={formatDateTime(value)}>
              <span style={{ color: Date.parse(value) < Date.now() ? '#cf1322' : undefined }}>{dueText(value)}</span>
            </Tooltip>
          ) : (
            '—'
          ),
      },
      { title: '最近更新', dataIndex: 'updatedAt', width: 140, sorter: true, sortOrder: sortOrder('updatedAt'), render: formatDateTime },
    ],
    // sortOrder reads `query`, which `key` captures.
    [key],
  );

  const data = list.data;
  const anyFilter = FILTER_KEYS.some((name) => params.has(name));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row align="middle" gutter={[16, 8]}>
        <Col flex="none">
          <Typography.Title level={3} style={{ margin: 0 }}>
            整顿对象台账
          </Typography.Title>
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <LiveIndicator query={list} />
        </Col>
      </Row>
      <ProblemAlert error={campaignsError} />
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={8}>
            <Select style={{ width: '100%' }} value={campaignId ?? ALL_CAMPAIGNS} onChange={chooseCampaign} options={campaignOptions(campaigns)} loading={!campaigns} />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder="阶段"
              value={query.stage}
              onChange={(value?: string) => setFilter('stage', value)}
              options={STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
              data-testid="filter-stage"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder="领域"
              value={query.domain}
              onChange={(value?: string) => setFilter('domain', value)}
              options={ORG_DOMAINS.map((domain) => ({ value: domain, label: ORG_DOMAIN_LABELS[domain] }))}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              showSearch
              placeholder="乡镇（党工委）"
              value={query.township}
              onChange={(value?: string) => setFilter('township', value)}
              options={townships.map((name) => ({ value: name, label: name }))}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder="是否逾期"
              value={query.overdue === undefined ? undefined : String(query.overdue)}
              onChange={(value?: string) => setFilter('overdue', value)}
              options={[
                { value: 'true', label: '有逾期事项' },
                { value: 'false', label: '无逾期' },
              ]}
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder="督办等级"
              value={query.escalationLevel}
              onChange={(value?: number) => setFilter('escalationLevel', value)}
              options={([0, 1, 2, 3] as EscalationLevel[]).map((level) => ({ value: level, label: level === 0 ? '未督办' : ESCALATION_LEVEL_LABELS[level] }))}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              allowClear
              placeholder="人员编号（书记、包抓责任人、措施责任人）"
              defaultValue={query.personId}
              key={query.personId ?? ''}
              onSearch={(value) => setFilter('personId', value.trim())}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Space wrap>
              <Button onClick={() => setFilter('personId', user.userId)}>与我相关</Button>
              <Button onClick={clearFilters} disabled={!anyFilter}>
                清除筛选
              </Button>
              <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
                刷新
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      <ProblemAlert error={!data ? list.error : null} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<CaseSummaryView>
          rowKey="caseId"
          size="middle"
          loading={list.isPending && list.fetchStatus !== 'idle'}
          columns={columns}
          dataSource={data?.items ?? []}
          onChange={onTableChange}
          scroll={{ x: 1232 }}
          locale={{ emptyText: '没有符合条件的整顿对象' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `共 ${total} 个党组织`,
          }}
          data-testid="case-table"
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        台账每 5 秒自动刷新，操作后一般在数秒内更新；整顿对象详情页每 2 秒刷新。
      </Typography.Text>
    </Space>
  );
}
