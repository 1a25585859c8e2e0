/**
 * 审计: the auditor (and the county department) verifies the hash-chained audit trail against its
 * signed checkpoints (GET /audit/verify) and reads the latest entries — who, what, when, which
 * 整顿对象 — a page at a time (GET /audit/entries, keyset-paged: 更早的记录 asks for those before the
 * last one shown).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { apiGet, queryString } from '../api/http';
import type { AuditEntryPageView, AuditEntryView, AuditVerifyView } from '../api/views';
import { ProblemAlert } from '../components/common';
import { beijingTime } from '../lib/beijing-time';
import { actorRoleLabel } from '../lib/labels';

const PAGE_SIZE = 20;

/** What each break the API reports means, in the county's words. */
const CHAIN_PROBLEM_LABELS: Record<string, string> = {
  link_broken: '断链：其前一条记录被删除或改动',
  hash_mismatch: '记录内容被改写',
  checkpoint_mismatch: '与签名检查点不符：记录被删改后重算了哈希',
  entries_missing: '记录缺失：链尾被删除或整表被清空',
  checkpoint_forged: '检查点签名无效',
  checkpoints_missing: '签名检查点被删除',
};

function outcomeTag(outcome: string) {
  if (outcome === 'accepted') return <Tag color="success">已生效</Tag>;
  if (outcome === 'accepted:reconciled') return <Tag color="processing">已生效（从时间线补记）</Tag>;
  if (outcome.startsWith('accepted:')) return <Tag color="warning">已执行（{outcome.slice('accepted:'.length)}）</Tag>;
  if (outcome.startsWith('refused:')) return <Tag color="default">被拒绝（{outcome.slice('refused:'.length)}）</Tag>;
  return <Tag color="error">出错</Tag>;
}

function subject(entry: AuditEntryView) {
  if (!entry.caseId) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Link to={`/cases/${encodeURIComponent(entry.caseId)}`}>
      {entry.orgName ?? entry.caseId}
      {entry.township ? <Typography.Text type="secondary">（{entry.township}）</Typography.Text> : null}
    </Link>
  );
}

function VerifyResult({ result }: { result: AuditVerifyView }) {
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verdict"
        data-ok="true"
        data-checked={result.checked}
        title={`审计链完整：已逐条核验 ${result.checked} 条记录${result.checkpoints ? `，与 ${result.checkpoints} 个签名检查点相符` : '（此前尚无签名检查点，本次核验已签署）'}`}
        description={
          <Space orientation="vertical" size={0}>
            <span data-testid="audit-last-checkpoint">最新签名检查点：{beijingTime(result.lastCheckpointAt)}</span>
            {result.reconciled > 0 && <span>核验前从整顿对象时间线补记了 {result.reconciled} 条遗漏的审计记录</span>}
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verdict"
      data-ok="false"
      data-checked={result.checked}
      title={`审计链已损坏：${result.problem ? (CHAIN_PROBLEM_LABELS[result.problem] ?? result.problem) : '未通过核验'}`}
      description={
        <Space orientation="vertical" size={0}>
          {result.firstBrokenId && <span>损坏从第 {result.firstBrokenId} 号记录起</span>}
          {result.lastGoodCheckpointId && <span>仍相符的最新检查点：第 {result.lastGoodCheckpointId} 号</span>}
          <span>已核验 {result.checked} 条记录</span>
          {result.message && <span>{result.message}</span>}
        </Space>
      }
    />
  );
}

export default function AuditPage() {
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const [result, setResult] = useState<AuditVerifyView | null>(null);
  const verify = useMutation({
    mutationFn: () => apiGet<AuditVerifyView>('/audit/verify'),
    onSuccess: (answer) => {
      setResult(answer);
      // The verification is itself an entry: show it.
      void client.invalidateQueries({ queryKey: ['audit-entries'] });
    },
  });
  const entries = useInfiniteQuery({
    queryKey: ['audit-entries'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiGet<AuditEntryPageView>(`/audit/entries${queryString({ before: pageParam, limit: PAGE_SIZE })}`, { signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const more = entries.hasNextPage && (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage} data-testid="audit-more">
        更早的记录
      </Button>
    </div>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="audit-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        审计
      </Typography.Title>
      <Card size="small" title="审计链核验">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            每一项操作都按先后记入审计链，每条记录的哈希包含前一条；签名检查点定期锁定链的长度与末尾。核验会逐条重算哈希并与全部检查点核对，核验本身也记入审计。
          </Typography.Paragraph>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-audit">
            校验审计链
          </Button>
          <ProblemAlert error={verify.error} />
          {result && <VerifyResult result={result} />}
        </Space>
      </Card>
      <Card size="small" title="最新审计记录">
        <ProblemAlert error={entries.error} />
        {screens.md === false ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="audit-entries">
            {rows.map((entry) => (
              <Card key={entry.id} size="small">
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{entry.actionLabel}</Typography.Text>
                    {outcomeTag(entry.outcome)}
                  </Space>
                  <Typography.Text type="secondary">
                    {entry.userName}（{actorRoleLabel(entry.role)}） · {beijingTime(entry.at)}
                  </Typography.Text>
                  {entry.caseId && <span>{subject(entry)}</span>}
                </Space>
              </Card>
            ))}
          </Space>
        ) : (
          <Table<AuditEntryView>
            rowKey="id"
            size="small"
            loading={entries.isLoading}
            dataSource={rows}
            pagination={false}
            data-testid="audit-entries"
            columns={[
              { title: '编号', dataIndex: 'id', width: 80 },
              { title: '时间', dataIndex: 'at', width: 230, render: (at: string) => beijingTime(at) },
              { title: '操作人', render: (_v, entry) => `${entry.userName}（${actorRoleLabel(entry.role)}）`, width: 220 },
              { title: '操作', dataIndex: 'actionLabel', width: 160 },
              { title: '整顿对象', render: (_v, entry) => subject(entry) },
              { title: '结果', dataIndex: 'outcome', width: 150, render: (outcome: string) => outcomeTag(outcome) },
            ]}
          />
        )}
        {more}
      </Card>
    </Space>
  );
}
