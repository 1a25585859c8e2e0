/**
 * 抽查复核 (004: the townships' self-checks never replace the department's own checks): the county
 * draws a random sample of a township's 初验 or 回头看 results (recorded seed, reproducible) and
 * re-checks each sampled organization; a re-check that disagrees counts against the township.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SPOT_CHECK_STAGE_LABELS, SPOT_CHECK_STAGES, TEXT_MAX, type SpotCheckStage } from '@zhengdun/domain';
import { Link } from 'react-router-dom';
import { apiPost } from '../api/http';
import { queryKeys, useCaseSpotChecks, useSpotChecks } from '../api/queries';
import type { DrawSpotCheckRequest, RecordSpotCheckResultRequest, SpotCheckItemView, SpotCheckView } from '../api/views';
import { ProblemAlert } from '../components/common';
import { formatDateTime, percent } from '../lib/format';

const PASSED_LABEL = (passed: boolean) => (passed ? '合格' : '不合格');

function useRefresh(campaignId: string) {
  const client = useQueryClient();
  return (caseId?: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.spotChecks(campaignId) });
    void client.invalidateQueries({ queryKey: queryKeys.ranking(campaignId) });
    if (caseId) void client.invalidateQueries({ queryKey: queryKeys.caseSpotChecks(caseId) });
  };
}

function DrawSample({ campaignId, townships }: { campaignId: string; townships: string[] }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DrawSpotCheckRequest>();
  const { message } = AntApp.useApp();
  const refresh = useRefresh(campaignId);
  const draw = useMutation({
    mutationFn: (body: DrawSpotCheckRequest) => apiPost<SpotCheckView>(`/campaigns/${encodeURIComponent(campaignId)}/spot-checks`, body),
    onSuccess: (drawn) => {
      void message.success(`已从${drawn.township}的${drawn.stageLabel}结果中抽取 ${drawn.items.length} 个整顿对象`);
      refresh();
      setOpen(false);
      form.resetFields();
    },
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="draw-spot-check">
        抽取样本
      </Button>
      <Modal title="抽取抽查样本" open={open} onCancel={() => setOpen(false)} okText="抽取" confirmLoading={draw.isPending} onOk={() => form.submit()} destroyOnHidden>
        <Typography.Paragraph type="secondary">按本批次的抽查比例，从该乡镇已有结果的整顿对象中随机抽取；随机种子随样本记录，可重现。每个乡镇的每项结果只抽取一次。</Typography.Paragraph>
        <ProblemAlert error={draw.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(values) => draw.mutate(values)}>
          <Form.Item name="township" label="乡镇（街道）" rules={[{ required: true, message: '请选择乡镇（街道）' }]}>
            <Select options={townships.map((township) => ({ value: township, label: township }))} />
          </Form.Item>
          <Form.Item name="stage" label="抽查内容" rules={[{ required: true, message: '请选择抽查内容' }]}>
            <Radio.Group options={SPOT_CHECK_STAGES.map((stage) => ({ value: stage, label: `${SPOT_CHECK_STAGE_LABELS[stage]}结果` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Recheck({ campaignId, spotCheck, item }: { campaignId: string; spotCheck: SpotCheckView; item: SpotCheckItemView }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Omit<RecordSpotCheckResultRequest, 'caseId'>>();
  const { message } = AntApp.useApp();
  const refresh = useRefresh(campaignId);
  const record = useMutation({
    mutationFn: (body: RecordSpotCheckResultRequest) => apiPost<SpotCheckView>(`/campaigns/${encodeURIComponent(campaignId)}/spot-checks/${spotCheck.id}/results`, body),
    onSuccess: () => {
      void message.success(`已记录${item.orgName}的复核结论`);
      refresh(item.caseId);
      setOpen(false);
    },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`recheck-${item.caseId}`}>
        记录复核
      </Button>
      <Modal title={`复核：${item.orgName}`} open={open} onCancel={() => setOpen(false)} okText="记录" confirmLoading={record.isPending} onOk={() => form.submit()} destroyOnHidden>
        <Typography.Paragraph>
          {spotCheck.stageLabel}结论：{PASSED_LABEL(item.townshipPassed)}（{formatDateTime(item.townshipAt)}）{item.townshipOpinion && `，意见：${item.townshipOpinion}`}
        </Typography.Paragraph>
        <ProblemAlert error={record.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(values) => record.mutate({ caseId: item.caseId, passed: values.passed, finding: values.finding.trim() })}>
          <Form.Item name="passed" label="复核结论" rules={[{ required: true, message: '请选择复核结论' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: '合格' },
                { value: false, label: '不合格' },
              ]}
            />
          </Form.Item>
          <Form.Item name="finding" label="复核发现的情况" rules={[{ required: true, whitespace: true, message: '请填写复核发现的情况' }]}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder="如：实地查看“三会一课”记录，与台账一致" data-testid="recheck-finding" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SampleItems({ campaignId, spotCheck, mayRecheck }: { campaignId: string; spotCheck: SpotCheckView; mayRecheck: boolean }) {
  return (
    <Table<SpotCheckItemView>
      rowKey="caseId"
      size="small"
      pagination={false}
      dataSource={spotCheck.items}
      columns={[
        { title: '整顿对象', dataIndex: 'orgName', render: (name: string, item) => <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{name}</Link> },
        { title: `${spotCheck.stageLabel}结论`, dataIndex: 'townshipPassed', width: 110, render: (passed: boolean) => PASSED_LABEL(passed) },
        {
          title: '县委组织部复核',
          render: (_value, item) =>
            item.recheck ? (
              <Space orientation="vertical" size={0} data-testid={`recheck-result-${item.caseId}`}>
                <Space size={4}>
                  {PASSED_LABEL(item.recheck.passed)}
                  {item.recheck.agrees ? <Tag color="green">与乡镇结论一致</Tag> : <Tag color="red">与乡镇结论不一致</Tag>}
                </Space>
                <Typography.Text type="secondary">
                  {item.recheck.finding}（{item.recheck.checkedBy}，{formatDateTime(item.recheck.checkedAt)}）
                </Typography.Text>
              </Space>
            ) : mayRecheck ? (
              <Recheck campaignId={campaignId} spotCheck={spotCheck} item={item} />
            ) : (
              <Typography.Text type="secondary">待复核</Typography.Text>
            ),
        },
      ]}
    />
  );
}

export function SpotChecksCard({ campaignId, townships, mayDraw }: { campaignId: string; townships: string[]; mayDraw: boolean }) {
  const spotChecks = useSpotChecks(campaignId);
  const items = spotChecks.data?.items ?? [];
  return (
    <Card size="small" title="抽查复核" extra={mayDraw && <DrawSample campaignId={campaignId} townships={townships} />} data-testid="spot-checks-card">
      <ProblemAlert error={spotChecks.error} />
      <Table<SpotCheckView>
        rowKey="id"
        size="small"
        loading={spotChecks.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty description="本批次尚未抽查乡镇的初验、回头看结果" /> }}
        // Every sample stays open: the organizations to re-check are the point of the card.
        expandable={{
          expandedRowRender: (spotCheck) => <SampleItems campaignId={campaignId} spotCheck={spotCheck} mayRecheck={mayDraw} />,
          expandedRowKeys: items.map((spotCheck) => spotCheck.id),
          showExpandColumn: false,
        }}
        columns={[
          { title: '乡镇（街道）', dataIndex: 'township' },
          { title: '抽查内容', dataIndex: 'stage', width: 110, render: (stage: SpotCheckStage) => SPOT_CHECK_STAGE_LABELS[stage] },
          { title: '样本', width: 150, render: (_value, spotCheck) => `${spotCheck.items.length} / ${spotCheck.population.length}（比例 ${percent(spotCheck.share, 0)}）` },
          { title: '已复核', dataIndex: 'rechecked', width: 80 },
          { title: '不一致', dataIndex: 'disagreed', width: 80, render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
          { title: '抽取', width: 200, render: (_value, spotCheck) => `${spotCheck.drawnBy} ${formatDateTime(spotCheck.drawnAt)}` },
          {
            title: '随机种子',
            dataIndex: 'seed',
            width: 130,
            render: (seed: string, spotCheck) => (
              <Typography.Text copyable={{ text: seed }} type={spotCheck.reproducible ? undefined : 'danger'} title={spotCheck.reproducible ? '按种子重抽，样本一致' : '按种子重抽，样本与记录不一致'}>
                {seed.slice(0, 8)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 抽查复核 on a case's page: each spot-check whose sample holds this organization, with the township's
 * result and the county's re-check (which the county can record here as on the campaign's page).
 */
export function CaseSpotChecksCard({ caseId, campaignId, visible, mayRecheck }: { caseId: string; campaignId: string; visible: boolean; mayRecheck: boolean }) {
  const spotChecks = useCaseSpotChecks(caseId, visible);
  const items = spotChecks.data?.items ?? [];
  if (!visible || (items.length === 0 && !spotChecks.error)) return null;
  return (
    <Card size="small" title="抽查复核" data-testid="case-spot-checks" extra={<Link to={`/notices?campaignId=${encodeURIComponent(campaignId)}`}>本批次抽查</Link>}>
      <ProblemAlert error={spotChecks.error} />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((spotCheck) => (
          <div key={spotCheck.id}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              县委组织部从{spotCheck.township}的{spotCheck.stageLabel}结果中随机抽中本组织（{spotCheck.drawnBy}，{formatDateTime(spotCheck.drawnAt)}；抽查比例 {percent(spotCheck.share, 0)}）
            </Typography.Paragraph>
            <SampleItems campaignId={campaignId} spotCheck={spotCheck} mayRecheck={mayRecheck} />
          </div>
        ))}
      </Space>
    </Card>
  );
}
