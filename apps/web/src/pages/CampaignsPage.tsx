/**
 * 整顿批次: the county's campaigns with their countdown, and — for the county department — setting up
 * a new one: name, hard end date, and only the periods the county changes (the rest keep the defaults,
 * shown in words beside each field).
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  DEFAULT_AWARENESS_THRESHOLD,
  DEFAULT_POLICY,
  DEFAULT_REVIEW_PERIOD,
  DEFAULT_SPOT_CHECK_SHARE,
  DEFAULT_VERIFICATION_PERIOD,
  PERIOD_LABELS,
  PERIOD_NAMES,
  reviewPeriodOf,
  spotCheckShareOf,
  verificationPeriodOf,
  type CampaignPolicy,
  type Period,
  type PeriodName,
  type PeriodUnit,
} from '@zhengdun/domain';

/** The committee's own periods, timed inside the workflow: whole days only. */
const COMMITTEE_PERIODS = [
  ['verificationPeriod', DEFAULT_VERIFICATION_PERIOD],
  ['reviewPeriod', DEFAULT_REVIEW_PERIOD],
] as const;
import { apiGet, apiPost } from '../api/http';
import { queryKeys, useCampaignList } from '../api/queries';
import type { CampaignStatusView, CampaignView, CreateCampaignRequest } from '../api/views';
import { useUser } from '../auth/session';
import { ProblemAlert } from '../components/common';
import { MissingHolidaysAlert } from '../components/MissingHolidaysAlert';
import { daysUntil, formatDate } from '../lib/format';
import { OpenOrganization } from './OpenOrganization';
import { LedgerExport } from './LedgerExport';
import { ScreeningImport } from './ScreeningImport';

/** Units a county sets periods in (seconds exist for tests only). */
const UNIT_LABELS: Record<Exclude<PeriodUnit, 'seconds'>, string> = { workingDays: '个工作日', days: '天' };
const describe = (period: Period) => (period.unit === 'seconds' ? `${period.amount} 秒` : `${period.amount} ${UNIT_LABELS[period.unit]}`);

interface CreateValues {
  name: string;
  endsAt: Dayjs;
  periods?: Partial<Record<PeriodName | (typeof COMMITTEE_PERIODS)[number][0], { amount?: number; unit?: Exclude<PeriodUnit, 'seconds'> }>>;
  satisfactionPercent?: number;
  awarenessPercent?: number;
  spotCheckPercent?: number;
  reelectionAt?: Dayjs;
  townshipReelections?: { township?: string; at?: Dayjs }[];
}

/** 村（社区）“两委”换届 as the API takes it: only when the county has one ahead. */
function reelectionOf(values: CreateValues): CreateCampaignRequest['reelection'] {
  if (!values.reelectionAt) return undefined;
  const townships = (values.townshipReelections ?? []).filter((row) => row.township?.trim() && row.at).map((row) => ({ township: row.township!.trim(), at: row.at!.startOf('day').toISOString() }));
  return { at: values.reelectionAt.startOf('day').toISOString(), ...(townships.length > 0 ? { townships } : {}) };
}

function ReelectionCell({ campaign }: { campaign: CampaignView }) {
  if (!campaign.reelection) return <>—</>;
  const days = daysUntil(campaign.reelection.at);
  const others = Object.keys(campaign.reelection.byTownship).length;
  return (
    <Space size={4} wrap>
      {formatDate(campaign.reelection.at)}
      {days >= 0 && <Tag color={days <= 30 ? 'red' : 'gold'}>距换届 {days} 天</Tag>}
      {others > 0 && <Typography.Text type="secondary">（{others} 个乡镇另定）</Typography.Text>}
    </Space>
  );
}

function CampaignCountdown({ campaign }: { campaign: CampaignView }) {
  const status = useQuery({
    queryKey: ['campaign-status', campaign.id],
    queryFn: ({ signal }) => apiGet<CampaignStatusView>(`/campaigns/${encodeURIComponent(campaign.id)}/status`, { signal }),
  });
  if (!status.data) return <>—</>;
  return status.data.ended ? <Tag>已截止</Tag> : <Tag color={status.data.daysLeft <= 30 ? 'red' : 'blue'}>剩 {status.data.daysLeft} 天</Tag>;
}

function CreateCampaign({ county }: { county: string }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateCampaignRequest) => apiPost<CampaignView>('/campaigns', body),
    onSuccess: (campaign) => {
      void message.success(`已创建整顿批次“${campaign.name}”`);
      void client.invalidateQueries({ queryKey: queryKeys.campaigns });
      setOpen(false);
      form.resetFields();
    },
  });
  const submit = (values: CreateValues) => {
    // Only what the county changed is sent: the API fills the rest from the defaults.
    const policy: Record<string, unknown> = {};
    for (const name of PERIOD_NAMES) {
      const given = values.periods?.[name];
      if (given?.amount !== undefined && given.amount !== null) policy[name] = { amount: given.amount, unit: given.unit ?? DEFAULT_POLICY[name].unit };
    }
    for (const [name] of COMMITTEE_PERIODS) {
      const amount = values.periods?.[name]?.amount;
      if (amount !== undefined && amount !== null) policy[name] = { amount, unit: 'days' };
    }
    if (values.satisfactionPercent !== undefined && values.satisfactionPercent !== null) policy.satisfactionThreshold = values.satisfactionPercent / 100;
    if (values.awarenessPercent !== undefined && values.awarenessPercent !== null) policy.awarenessThreshold = values.awarenessPercent / 100;
    if (values.spotCheckPercent !== undefined && values.spotCheckPercent !== null) policy.spotCheckShare = values.spotCheckPercent / 100;
    const reelection = reelectionOf(values);
    create.mutate({
      name: values.name.trim(),
      county,
      endsAt: values.endsAt.endOf('day').toISOString(),
      ...(Object.keys(policy).length > 0 ? { policy } : {}),
      ...(reelection ? { reelection } : {}),
    } as CreateCampaignRequest);
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-campaign">
        新建整顿批次
      </Button>
      <Modal title="新建整顿批次" open={open} onCancel={() => setOpen(false)} okText="创建" confirmLoading={create.isPending} onOk={() => form.submit()} destroyOnHidden width={620}>
        <ProblemAlert error={create.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label="整顿批次名称" rules={[{ required: true, whitespace: true, message: '请填写整顿批次名称' }]}>
            <Input placeholder="如：2027年软弱涣散基层党组织集中整顿" maxLength={200} data-testid="campaign-name" />
          </Form.Item>
          <Form.Item name="endsAt" label="截止时间（硬性期限）" rules={[{ required: true, message: '请选择截止时间' }]} extra="整顿须在此前全面完成（如10月底前）">
            <DatePicker style={{ width: '100%' }} data-testid="campaign-ends-at" />
          </Form.Item>
          <Form.Item name="reelectionAt" label="村（社区）“两委”换届日期（有换届时填写）" extra="换届前整顿到位：农村整顿措施的完成时限不得晚于换届日期">
            <DatePicker style={{ width: '100%' }} data-testid="campaign-reelection-at" />
          </Form.Item>
          <Form.List name="townshipReelections">
            {(fields, { add, remove }) => (
              <Form.Item label="另定换届日期的乡镇" style={{ marginBottom: 8 }}>
                {fields.map((field) => (
                  <Space key={field.key} style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item name={[field.name, 'township']} noStyle>
                      <Input placeholder="乡镇" style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'at']} noStyle>
                      <DatePicker />
                    </Form.Item>
                    <Button size="small" onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  </Space>
                ))}
                <Button size="small" onClick={() => add()}>
                  添加乡镇
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary">以下期限不填即按默认值；只需填写本县要调整的项目。</Typography.Paragraph>
          {PERIOD_NAMES.map((name) => (
            <Form.Item key={name} label={`${PERIOD_LABELS[name]}（默认 ${describe(DEFAULT_POLICY[name])}）`} style={{ marginBottom: 8 }}>
              <Space.Compact>
                <Form.Item name={['periods', name, 'amount']} noStyle>
                  <InputNumber min={1} max={3650} placeholder={String(DEFAULT_POLICY[name].amount)} />
                </Form.Item>
                <Form.Item name={['periods', name, 'unit']} noStyle initialValue={DEFAULT_POLICY[name].unit === 'seconds' ? 'days' : DEFAULT_POLICY[name].unit}>
                  <Select
                    style={{ width: 110 }}
                    options={(name === 'reminderLead' || name === 'escalationInterval' ? (['days'] as const) : (['workingDays', 'days'] as const)).map((unit) => ({ value: unit, label: UNIT_LABELS[unit] }))}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          ))}
          {COMMITTEE_PERIODS.map(([name, fallback]) => (
            <Form.Item key={name} name={['periods', name, 'amount']} label={`${PERIOD_LABELS[name]}（默认 ${describe(fallback)}）`} style={{ marginBottom: 8 }}>
              <InputNumber min={1} max={3650} placeholder={String(fallback.amount)} addonAfter="天" data-testid={`campaign-period-${name}`} />
            </Form.Item>
          ))}
          <Form.Item name="satisfactionPercent" label={`验收要求的测评满意率（默认 ${Math.round(DEFAULT_POLICY.satisfactionThreshold * 100)}%，为本系统默认值）`}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="awarenessPercent" label={`验收要求的群众知晓率（默认 ${Math.round(DEFAULT_AWARENESS_THRESHOLD * 100)}%，为本系统默认值）`}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="spotCheckPercent" label={`抽查乡镇初验、回头看结果的比例（默认 ${Math.round(DEFAULT_SPOT_CHECK_SHARE * 100)}%，为本系统默认值）`}>
            <InputNumber min={1} max={100} addonAfter="%" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function CampaignsPage() {
  const user = useUser();
  const campaigns = useCampaignList();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="campaigns-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          整顿批次
        </Typography.Title>
        {user.role === 'county_department' && <CreateCampaign county={user.scope.county} />}
      </Space>
      <ProblemAlert error={campaigns.error} />
      <MissingHolidaysAlert />
      <Card size="small">
        <Table<CampaignView>
          rowKey="id"
          loading={campaigns.isLoading}
          dataSource={campaigns.data ?? []}
          pagination={false}
          data-testid="campaigns-table"
          columns={[
            { title: '整顿批次', dataIndex: 'name' },
            { title: '截止时间', dataIndex: 'endsAt', width: 130, render: (endsAt: string) => formatDate(endsAt) },
            { title: '进度', width: 110, render: (_v, campaign) => <CampaignCountdown campaign={campaign} /> },
            { title: '村“两委”换届', width: 200, render: (_v, campaign) => <ReelectionCell campaign={campaign} /> },
            {
              title: '操作',
              width: 320,
              render: (_v, campaign) => (
                <Space size={4} wrap>
                  {user.role === 'county_department' && <ScreeningImport campaign={campaign} />}
                  {user.role === 'county_department' && <OpenOrganization campaign={campaign} />}
                  {user.role !== 'branch_secretary' && user.role !== 'assigned_leader' && <LedgerExport campaign={campaign} />}
                </Space>
              ),
            },
            {
              title: '期限设置',
              render: (_v, campaign) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {PERIOD_NAMES.map((name) => `${PERIOD_LABELS[name]} ${describe((campaign.policy[name] as Period | undefined) ?? DEFAULT_POLICY[name])}`).join('；')}；{PERIOD_LABELS.verificationPeriod} {describe(verificationPeriodOf(campaign.policy as Partial<CampaignPolicy>))}；{PERIOD_LABELS.reviewPeriod}{' '}
                  {describe(reviewPeriodOf(campaign.policy as Partial<CampaignPolicy>))}；满意率 {Math.round((campaign.policy.satisfactionThreshold ?? DEFAULT_POLICY.satisfactionThreshold) * 100)}%；知晓率{' '}
                  {Math.round((campaign.policy.awarenessThreshold ?? DEFAULT_AWARENESS_THRESHOLD) * 100)}%；抽查比例 {Math.round(spotCheckShareOf(campaign.policy as Partial<CampaignPolicy>) * 100)}%
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
