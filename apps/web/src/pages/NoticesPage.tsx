/**
 * 督查通报: the townships of a campaign ranked now, the committees' graded accountability, the county's
 * spot-checks of their 初验 and 回头看 results (抽查复核), the notices the county has circulated (each
 * downloadable as a printable Word document), and — for the county department — issuing the next one,
 * with criticism of townships and deadlines (通报批评、限期整改).
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { FileWordOutlined, MinusCircleOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { TownshipRank } from '@zhengdun/domain';
import { apiPost, describeError, downloadFile } from '../api/http';
import { queryKeys, useNotices, useTownshipRanking } from '../api/queries';
import type { IssueNoticeRequest, NoticeView } from '../api/views';
import { useUser } from '../auth/session';
import { ProblemAlert } from '../components/common';
import { useCampaigns, useChosenCampaign } from '../lib/campaigns';
import { formatDateTime, percent } from '../lib/format';
import { CommitteeAccountabilityCard } from './CommitteeAccountabilityCard';
import { SpotChecksCard } from './SpotChecksCard';

interface IssueValues {
  criticisms?: { township: string; text: string; deadline: Dayjs }[];
  remarks?: string;
}

function IssueNotice({ campaignId, townships, onDone }: { campaignId: string; townships: string[]; onDone: () => void }) {
  const [form] = Form.useForm<IssueValues>();
  const [open, setOpen] = useState(false);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const issue = useMutation({
    mutationFn: (body: IssueNoticeRequest) => apiPost<NoticeView>(`/campaigns/${encodeURIComponent(campaignId)}/notices`, body),
    onSuccess: (notice) => {
      void message.success(`已发布第${notice.number}期督查通报`);
      void client.invalidateQueries({ queryKey: queryKeys.notices(campaignId) });
      setOpen(false);
      form.resetFields();
      onDone();
    },
  });
  return (
    <>
      <Button type="primary" icon={<NotificationOutlined />} onClick={() => setOpen(true)} data-testid="issue-notice">
        发布督查通报
      </Button>
      <Modal
        title="发布督查通报"
        open={open}
        onCancel={() => setOpen(false)}
        okText="发布"
        confirmLoading={issue.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
        width={640}
      >
        <Typography.Paragraph type="secondary">排名与进展滞后的整顿对象按当前数据自动生成；可对乡镇（街道）通报批评并限期整改。</Typography.Paragraph>
        <ProblemAlert error={issue.error} style={{ marginBottom: 12 }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            issue.mutate({
              criticisms: (values.criticisms ?? []).map((c) => ({ township: c.township, text: c.text.trim(), deadline: c.deadline.toISOString() })),
              ...(values.remarks?.trim() ? { remarks: values.remarks.trim() } : {}),
            })
          }
        >
          <Form.List name="criticisms">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'township']} rules={[{ required: true, message: '请选择乡镇' }]}>
                      <Select placeholder="乡镇（街道）" style={{ width: 140 }} options={townships.map((t) => ({ value: t, label: t }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写通报批评事项' }]}>
                      <Input placeholder="通报批评事项" style={{ width: 250 }} maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'deadline']} rules={[{ required: true, message: '请选择整改期限' }]}>
                      <DatePicker placeholder="整改期限" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block style={{ marginBottom: 16 }}>
                  通报批评一个乡镇（街道）
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="remarks" label="工作要求">
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：各乡镇党委要对照排名，逐个销号。" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function NoticesPage() {
  const user = useUser();
  const { message } = AntApp.useApp();
  const { campaigns, error: campaignsError } = useCampaigns();
  const [campaignId, chooseCampaign] = useChosenCampaign(campaigns);
  const ranking = useTownshipRanking(campaignId);
  const notices = useNotices(campaignId);
  const rows = ranking.data?.ranking ?? [];
  const download = (notice: NoticeView) =>
    downloadFile(`/campaigns/${encodeURIComponent(campaignId!)}/notices/${notice.number}/document`, `${notice.title}.docx`).catch((error: unknown) => void message.error(describeError(error)));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="notices-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          督查通报
        </Typography.Title>
        <Space>
          <Select
            style={{ minWidth: 320 }}
            value={campaignId}
            onChange={chooseCampaign}
            options={(campaigns ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
            placeholder="整顿批次"
          />
          {user.role === 'county_department' && campaignId && <IssueNotice campaignId={campaignId} townships={rows.map((row) => row.township)} onDone={() => void ranking.refetch()} />}
        </Space>
      </Space>
      <ProblemAlert error={campaignsError ?? ranking.error ?? notices.error} />
      <Card size="small" title="各乡镇（街道）整顿进展排名" extra={<Typography.Text type="secondary">按转化率、逾期占比、约谈次数</Typography.Text>}>
        <Table<TownshipRank>
          rowKey="township"
          size="small"
          loading={ranking.isLoading}
          dataSource={rows}
          pagination={false}
          data-testid="ranking-table"
          columns={[
            { title: '名次', dataIndex: 'rank', width: 60 },
            { title: '乡镇（街道）', dataIndex: 'township' },
            { title: '整顿对象', dataIndex: 'total', width: 90 },
            { title: '已销号', dataIndex: 'converted', width: 80 },
            { title: '转化率', dataIndex: 'conversionRate', width: 90, render: (value: number | null) => percent(value) },
            { title: '逾期占比', dataIndex: 'overdueShare', width: 90, render: (value: number | null) => percent(value) },
            { title: '逾期次数', dataIndex: 'lapses', width: 90 },
            { title: '约谈', dataIndex: 'talks', width: 70 },
            { title: '群众满意率', dataIndex: 'satisfactionRate', width: 100, render: (value: number | null) => percent(value) },
            {
              title: '抽查不一致',
              width: 100,
              render: (_value, row) => (row.spotChecksRechecked > 0 ? `${row.spotChecksDisagreed} / ${row.spotChecksRechecked}` : '—'),
            },
          ]}
        />
      </Card>
      {campaignId && <CommitteeAccountabilityCard campaignId={campaignId} mayDecide={user.role === 'county_department'} />}
      {campaignId && <SpotChecksCard campaignId={campaignId} townships={rows.map((row) => row.township)} mayDraw={user.role === 'county_department'} />}
      <Card size="small" title="已发布的通报">
        <Table<NoticeView>
          rowKey="number"
          size="small"
          loading={notices.isLoading}
          dataSource={notices.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="本批次尚未发布督查通报" /> }}
          data-testid="notices-table"
          columns={[
            { title: '期数', dataIndex: 'number', width: 70, render: (n: number) => `第${n}期` },
            { title: '标题', dataIndex: 'title' },
            { title: '发布时间', dataIndex: 'issuedAt', width: 170, render: (at: string) => formatDateTime(at) },
            { title: '发布人', dataIndex: 'issuedBy', width: 140 },
            { title: '通报批评', width: 160, render: (_v, notice) => notice.content.criticisms.map((c) => c.township).join('、') || '—' },
            {
              title: '下载',
              width: 110,
              render: (_v, notice) => (
                <Button size="small" icon={<FileWordOutlined />} onClick={() => void download(notice)} data-testid="notice-download">
                  下载 Word
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
