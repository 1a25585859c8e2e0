/**
 * 乡镇党委分级问责: for each township, the grades its figures reach (严肃批评 → 约谈并通报 → 追责问责),
 * the one the system proposes now, and what the county decided. Only the county department decides.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMMITTEE_DECISION_LABELS, COMMITTEE_DECISIONS, COMMITTEE_GRADE_LABELS, type CommitteeDecision, type CommitteeGrade } from '@zhengdun/domain';
import { apiPost } from '../api/http';
import { queryKeys, useCommitteeAccountability } from '../api/queries';
import type { CommitteeAccountabilityRow, CommitteeAccountabilityView, DecideCommitteeRequest } from '../api/views';
import { ProblemAlert } from '../components/common';
import { percent } from '../lib/format';

function Decide({ campaignId, township, grade }: { campaignId: string; township: string; grade: CommitteeGrade }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ decision: CommitteeDecision; reason: string }>();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (body: DecideCommitteeRequest) => apiPost<CommitteeAccountabilityView>(`/campaigns/${encodeURIComponent(campaignId)}/committee-accountability`, body),
    onSuccess: (view) => {
      client.setQueryData(queryKeys.committees(campaignId), view);
      void message.success(`已记录对${township}${COMMITTEE_GRADE_LABELS[grade]}的决定`);
      setOpen(false);
    },
  });
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="decide-committee">
        作出决定
      </Button>
      <Modal title={`${township}：${COMMITTEE_GRADE_LABELS[grade]}`} open={open} onCancel={() => setOpen(false)} okText="记录决定" confirmLoading={decide.isPending} onOk={() => form.submit()} destroyOnHidden>
        <ProblemAlert error={decide.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(values) => decide.mutate({ township, grade, decision: values.decision, reason: values.reason.trim() })}>
          <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择决定' }]}>
            <Radio.Group options={COMMITTEE_DECISIONS.map((value) => ({ value, label: COMMITTEE_DECISION_LABELS[value] }))} />
          </Form.Item>
          <Form.Item name="reason" label="决定依据或理由" rules={[{ required: true, whitespace: true, message: '请填写决定依据或理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder="如：逾期占比超过三成，经部务会研究予以严肃批评" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CommitteeAccountabilityCard({ campaignId, mayDecide }: { campaignId: string; mayDecide: boolean }) {
  const view = useCommitteeAccountability(campaignId);
  const thresholds = view.data?.thresholds;
  return (
    <Card
      size="small"
      title="乡镇党委分级问责"
      extra={
        thresholds && (
          <Typography.Text type="secondary">
            逾期占比 {thresholds.overdueShare.map((share) => percent(share, 0)).join(' / ')}，或约谈 {thresholds.talks.join(' / ')} 次
          </Typography.Text>
        )
      }
    >
      <ProblemAlert error={view.error} />
      <Table<CommitteeAccountabilityRow>
        rowKey={(row) => row.figures.township}
        size="small"
        loading={view.isLoading}
        dataSource={view.data?.townships ?? []}
        pagination={false}
        data-testid="committee-table"
        columns={[
          { title: '乡镇（街道）', render: (_v, row) => row.figures.township },
          { title: '逾期占比', width: 90, render: (_v, row) => percent(row.figures.overdueShare) },
          { title: '约谈', width: 60, render: (_v, row) => row.figures.talks },
          {
            title: '已达到',
            render: (_v, row) => (row.reached.length === 0 ? '—' : <Space size={4} wrap>{row.reached.map((grade) => <Tag key={grade}>{COMMITTEE_GRADE_LABELS[grade]}</Tag>)}</Space>),
          },
          {
            title: '提请决定',
            width: 200,
            render: (_v, row) =>
              row.proposed ? (
                <Space>
                  <Tag color="red">{COMMITTEE_GRADE_LABELS[row.proposed]}</Tag>
                  {mayDecide && <Decide campaignId={campaignId} township={row.figures.township} grade={row.proposed} />}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '县委组织部决定',
            render: (_v, row) =>
              row.decisions.length === 0
                ? '—'
                : row.decisions.map((decision) => (
                    <div key={decision.grade}>
                      {COMMITTEE_GRADE_LABELS[decision.grade]}：{COMMITTEE_DECISION_LABELS[decision.decision]}（{decision.reason}）
                    </div>
                  )),
          },
        ]}
      />
    </Card>
  );
}
