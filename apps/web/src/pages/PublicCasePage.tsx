/**
 * 整顿情况公示 for Party members and the public, without login: what is publicized (the problems
 * and the plan's measures, progress, acceptance results), a form to raise an objection during
 * publicity, and the satisfaction rating (满意/基本满意/不满意). Made for a phone first.
 * Objection and rating ids are made here, so a resent form counts once (the workflow dedupes by id).
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Divider, Form, Input, Progress, Radio, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FlagOutlined } from '@ant-design/icons';
import {
  ACCEPTANCE_LEVEL_LABELS,
  MAX_OBJECTION_LENGTH,
  MEASURE_STATUS_LABELS,
  PROBLEM_STATUS_LABELS,
  SATISFACTION_LABELS,
  SATISFACTION_LEVELS,
  STAGE_LABELS,
  type SatisfactionLevel,
} from '@zhengdun/domain';
import { ApiProblem, apiPost, publicCasePath } from '../api/http';
import { queryKeys, usePublicNotice } from '../api/queries';
import type { PublicNoticeView, SignalReceivedView } from '../api/views';
import { ProblemAlert } from '../components/common';
import { randomId } from '../lib/ids';
import { formatDate, formatDateTime } from '../lib/format';
import { PROBLEM_STATUS_COLORS } from '../lib/labels';

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing: the id then lives for this page only.
  }
}

export default function PublicCasePage() {
  const { caseId = '' } = useParams();
  const notice = usePublicNotice(caseId);
  const queryClient = useQueryClient();

  useEffect(() => {
    document.title = notice.data ? `${notice.data.orgName}整顿情况公示` : '整顿情况公示';
  }, [notice.data]);

  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <div style={{ background: 'linear-gradient(180deg, #a3161f, #c1272d)', color: '#fff', padding: '18px 16px 44px' }}>
        <div style={{ maxWidth: 720, margin: '0 auto' }}>
          <div style={{ fontSize: 13, opacity: 0.85 }}>党务公开 · 软弱涣散基层党组织整顿</div>
          <div style={{ fontSize: 22, fontWeight: 600, marginTop: 4 }} data-testid="public-title">
            {notice.data ? notice.data.orgName : '整顿情况公示'}
          </div>
          {notice.data && (
            <div style={{ fontSize: 13, opacity: 0.9, marginTop: 4 }}>
              {notice.data.township} · 当前阶段：{STAGE_LABELS[notice.data.stage]}
              {notice.data.round > 1 ? ` · 第${notice.data.round}轮整顿` : ''}
            </div>
          )}
        </div>
      </div>
      <div style={{ maxWidth: 720, margin: '-28px auto 0', padding: '0 12px 32px' }}>
        {notice.data ? (
          <NoticeBody
            notice={notice.data}
            onSent={() => {
              // The count changes once the workflow has taken the signal in: look again shortly.
              window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.publicNotice(caseId) }), 1500);
            }}
          />
        ) : notice.error ? (
          <Card>
            <Result
              status={notice.error instanceof ApiProblem && notice.error.status === 404 ? 'info' : 'warning'}
              title={notice.error instanceof ApiProblem && notice.error.code === 'not_public' ? '该组织的整顿情况尚未公开' : '暂时无法查看'}
              subTitle={notice.error instanceof ApiProblem ? notice.error.detail : '请稍后再试'}
            />
          </Card>
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        )}
      </div>
    </div>
  );
}

function NoticeBody({ notice, onSent }: { notice: PublicNoticeView; onSent: () => void }) {
  const done = notice.measures.filter((m) => m.status === 'done').length;
  const reported = notice.measures.filter((m) => m.status === 'reported').length;
  const total = notice.measures.length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <Typography.Text>
            整顿方案公开时间：<strong>{formatDate(notice.planPublicizedAt)}</strong>
          </Typography.Text>
          {notice.publicity && (
            <Typography.Text>
              结果公示期：<strong>{formatDateTime(notice.publicity.startedAt)}</strong> 至 <strong>{formatDateTime(notice.publicity.endsAt)}</strong>
            </Typography.Text>
          )}
          <div>
            <Typography.Text>整改措施完成情况：</Typography.Text>
            <Progress percent={total ? Math.round((done / total) * 100) : 0} format={() => `${done}/${total} 项`} strokeColor="#2f9e6e" />
            {reported > 0 && (
              <Typography.Text type="secondary" data-testid="public-reported">
                另有 {reported} 项{MEASURE_STATUS_LABELS.reported}（经乡镇党委核验后销项）
              </Typography.Text>
            )}
          </div>
          <Typography.Text type="secondary">
            收到{notice.audience.people}异议 {notice.objectionsReceived} 件，已处理 {notice.objectionsResolved} 件。
          </Typography.Text>
        </Space>
      </Card>

      <Card size="small" title="存在问题及整改措施" data-testid="public-problems">
        {notice.problems.map((problem, index) => {
          const measures = notice.measures.filter((m) => m.problemId === problem.id);
          return (
            <div key={problem.id}>
              {index > 0 && <Divider style={{ margin: '12px 0' }} />}
              <Space align="start" size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>
                  问题{index + 1}：{problem.description}
                </Typography.Text>
                <Tag color={PROBLEM_STATUS_COLORS[problem.status]} style={{ marginInlineEnd: 0 }}>
                  {PROBLEM_STATUS_LABELS[problem.status]}
                </Tag>
              </Space>
              {measures.length === 0 ? (
                <div style={{ color: '#999', marginTop: 6 }}>措施制定中</div>
              ) : (
                measures.map((measure) => (
                  <div key={measure.id} style={{ marginTop: 8, padding: '8px 10px', background: '#fafafa', borderRadius: 6, borderLeft: `3px solid ${measure.status === 'done' ? '#2f9e6e' : '#1f5fbf'}` }}>
                    <div>{measure.description}</div>
                    <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>
                      责任人：{measure.ownerName} · 时限：{formatDate(measure.dueAt)} ·{' '}
                      {measure.status === 'done' ? (
                        <span style={{ color: '#2f9e6e' }}>
                          <CheckCircleOutlined /> {formatDate(measure.completedAt)} {MEASURE_STATUS_LABELS.done}
                        </span>
                      ) : measure.status === 'reported' ? (
                        <span style={{ color: '#d48806' }}>
                          <ClockCircleOutlined /> {formatDate(measure.reportedAt)} {MEASURE_STATUS_LABELS.reported}
                        </span>
                      ) : (
                        <span style={{ color: '#1f5fbf' }}>
                          <ClockCircleOutlined /> {MEASURE_STATUS_LABELS.pending}
                        </span>
                      )}
                    </div>
                  </div>
                ))
              )}
            </div>
          );
        })}
      </Card>

      {notice.results.length > 0 && (
        <Card size="small" title="验收结果">
          {notice.results.map((result) => (
            <div key={`${result.level}:${result.at}`} style={{ padding: '4px 0' }}>
              <FlagOutlined /> {ACCEPTANCE_LEVEL_LABELS[result.level]}（{formatDate(result.at)}）：
              {result.passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过，限期整改</Tag>}
            </div>
          ))}
        </Card>
      )}

      <RatingCard notice={notice} onSent={onSent} />
      <ObjectionCard notice={notice} onSent={onSent} />

      <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', marginTop: 8 }}>
        本页内容由乡镇（街道）党（工）委公开，接受{notice.audience.members}监督。异议和测评匿名提交。
      </Typography.Paragraph>
    </Space>
  );
}

const isSatisfactionLevel = (value: string | null): value is SatisfactionLevel => (SATISFACTION_LEVELS as readonly string[]).includes(value ?? '');

function RatingCard({ notice, onSent }: { notice: PublicNoticeView; onSent: () => void }) {
  const storageKey = `zhengdun.rating.${notice.caseId}`;
  const [level, setLevel] = useState<SatisfactionLevel | undefined>(undefined);
  const [sent, setSent] = useState<SatisfactionLevel | null>(() => {
    const stored = remembered(`${storageKey}.level`);
    return isSatisfactionLevel(stored) ? stored : null;
  });
  const rate = useMutation({
    // One rating per device: the API knows the device by its cookie and refuses a second (already_rated).
    mutationFn: (chosen: SatisfactionLevel) => apiPost<SignalReceivedView>(`${publicCasePath(notice.caseId)}/ratings`, { level: chosen }, { anonymous: true }),
    onSuccess: (_received, chosen) => {
      remember(`${storageKey}.level`, chosen);
      setSent(chosen);
      onSent();
    },
  });

  if (!notice.acceptingRatings) {
    return (
      <Card size="small" title={`${notice.audience.people}在线评价`}>
        <Typography.Text type="secondary">在线评价在结果公示期至县级验收前开放，供验收参考。</Typography.Text>
      </Card>
    );
  }

  return (
    <Card size="small" title={`${notice.audience.people}在线评价`} data-testid="rating-card">
      {sent ? (
        <Alert type="success" showIcon title="感谢您的评价" description={`您的评价：${SATISFACTION_LABELS[sent]}`} data-testid="rating-sent" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>您对该党组织的整顿成效是否满意？</Typography.Text>
          <Radio.Group
            value={level}
            onChange={(event) => setLevel(event.target.value as SatisfactionLevel)}
            optionType="button"
            buttonStyle="solid"
            size="large"
            style={{ display: 'flex' }}
            options={SATISFACTION_LEVELS.map((value) => ({ value, label: SATISFACTION_LABELS[value], style: { flex: 1, textAlign: 'center' } }))}
          />
          <ProblemAlert error={rate.error} />
          <Button type="primary" size="large" block disabled={!level} loading={rate.isPending} onClick={() => level && rate.mutate(level)} data-testid="rating-submit">
            提交评价
          </Button>
        </Space>
      )}
    </Card>
  );
}

function ObjectionCard({ notice, onSent }: { notice: PublicNoticeView; onSent: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const [objectionId, setObjectionId] = useState(() => randomId('obj-'));
  const [sent, setSent] = useState(false);
  const raise = useMutation({
    mutationFn: (content: string) => apiPost<SignalReceivedView>(`${publicCasePath(notice.caseId)}/objections`, { content, objectionId }, { anonymous: true }),
    onSuccess: () => {
      setSent(true);
      form.resetFields();
      setObjectionId(randomId('obj-'));
      onSent();
    },
    onError: (caught) => {
      // A network failure keeps the id, so sending again counts once.
      if (!(caught instanceof ApiProblem && caught.status === 0)) setObjectionId(randomId('obj-'));
    },
  });

  if (!notice.acceptingObjections) {
    return (
      <Card size="small" title="提出异议">
        <Typography.Text type="secondary">当前不在结果公示期，暂不受理异议。公示期内可在此提出。</Typography.Text>
      </Card>
    );
  }

  return (
    <Card size="small" title="对公示结果提出异议" data-testid="objection-card">
      {sent && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title="异议已收到"
          description="乡镇（街道）党（工）委将逐件核实处理，处理情况在本页公开。"
          closable={{ onClose: () => setSent(false) }}
          data-testid="objection-sent"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => raise.mutate(values.content.trim())} disabled={raise.isPending}>
        <Form.Item name="content" label="异议内容（请写明具体事实）" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}>
          <Input.TextArea rows={4} maxLength={MAX_OBJECTION_LENGTH} showCount placeholder="如：公示内容与实际情况不符之处" data-testid="objection-input" />
        </Form.Item>
        <ProblemAlert error={raise.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" size="large" block loading={raise.isPending} data-testid="objection-submit">
          提交异议
        </Button>
      </Form>
    </Card>
  );
}
