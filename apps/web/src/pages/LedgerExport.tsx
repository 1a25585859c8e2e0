/**
 * 导出台账 for one campaign, narrowed to a township and/or a domain (a township committee always
 * gets its own township: the API enforces it, the form shows it). The workbook streams from the API;
 * the bar follows the bytes received. The API writes rows as it reads them and cannot know the file's
 * size beforehand, so without a Content-Length the share is estimated from the number of 整顿对象
 * (X-Ledger-Cases, sent first) and stops short of 100% until the last byte is in.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Modal, Progress, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ORG_DOMAINS, ORG_DOMAIN_LABELS, type OrgDomain } from '@zhengdun/domain';
import { apiGet, describeError, downloadFile, queryString, type DownloadProgress } from '../api/http';
import type { CampaignView, DashboardSummaryView } from '../api/views';
import { useUser } from '../auth/session';
import { ProblemAlert } from '../components/common';

/** Bytes per 整顿对象 in a ledger workbook, roughly (rows, supervision events, styles); for the estimate only. */
const ESTIMATED_BYTES_PER_CASE = 900;
const WORKBOOK_OVERHEAD_BYTES = 8_000;

function shareOf(progress: DownloadProgress): number {
  if (progress.total) return Math.min(100, Math.round((progress.received / progress.total) * 100));
  const cases = Number(progress.headers.get('x-ledger-cases'));
  const estimate = WORKBOOK_OVERHEAD_BYTES + (Number.isFinite(cases) ? cases : 0) * ESTIMATED_BYTES_PER_CASE;
  return Math.min(95, Math.round((progress.received / estimate) * 100));
}

export function LedgerExport({ campaign }: { campaign: CampaignView }) {
  const user = useUser();
  const { message } = AntApp.useApp();
  const ownTownship = user.scope.level === 'township' ? user.scope.township : undefined;
  const [open, setOpen] = useState(false);
  const [township, setTownship] = useState<string | undefined>(ownTownship);
  const [domain, setDomain] = useState<OrgDomain | undefined>();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The townships that have cases in this campaign (within the user's scope).
  const summary = useQuery({
    queryKey: ['dashboard', campaign.id, 'townships'],
    queryFn: ({ signal }) => apiGet<DashboardSummaryView>(`/dashboard/summary${queryString({ campaignId: campaign.id })}`, { signal }),
    enabled: open && !ownTownship,
  });
  const townships = Object.keys(summary.data?.byTownship ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const busy = progress !== null && !done;

  const start = async () => {
    setError(null);
    setDone(false);
    setProgress({ received: 0, total: null, headers: new Headers() });
    const scope = [township, domain ? ORG_DOMAIN_LABELS[domain] : undefined].filter(Boolean).join('·');
    try {
      await downloadFile(`/ledger${queryString({ campaignId: campaign.id, township, domain })}`, `整顿台账（${campaign.name}${scope ? `·${scope}` : ''}）.xlsx`, setProgress);
      setDone(true);
      void message.success('整顿台账已下载');
    } catch (caught) {
      setProgress(null);
      setError(caught);
      void message.error(describeError(caught));
    }
  };
  const close = () => {
    if (busy) return;
    setOpen(false);
    setProgress(null);
    setDone(false);
    setError(null);
  };

  return (
    <>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="export-ledger">
        导出台账
      </Button>
      <Modal
        title={`导出整顿台账：${campaign.name}`}
        open={open}
        onCancel={close}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close} disabled={busy}>
              关闭
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void start()} data-testid="ledger-download">
              下载台账
            </Button>
          </Space>
        }
      >
        <Form layout="vertical" data-testid="ledger-export-form">
          <Form.Item label="乡镇（街道）" extra={ownTownship ? '乡镇党委只能导出本乡镇的台账' : '不选即为全县'}>
            <Select
              allowClear={!ownTownship}
              disabled={!!ownTownship}
              placeholder="全县"
              value={township}
              onChange={setTownship}
              loading={summary.isLoading}
              options={(ownTownship ? [ownTownship] : townships).map((name) => ({ value: name, label: name }))}
              data-testid="ledger-township"
            />
          </Form.Item>
          <Form.Item label="领域" extra="不选即为全部领域">
            <Select
              allowClear
              placeholder="全部领域"
              value={domain}
              onChange={setDomain}
              options={ORG_DOMAINS.map((key) => ({ value: key, label: ORG_DOMAIN_LABELS[key] }))}
              data-testid="ledger-domain"
            />
          </Form.Item>
        </Form>
        <ProblemAlert error={error} style={{ marginBottom: 12 }} />
        {progress && (
          <div data-testid="ledger-progress" data-done={done ? 'true' : 'false'}>
            <Progress percent={done ? 100 : shareOf(progress)} status={done ? 'success' : 'active'} />
            <Typography.Text type="secondary">
              {done ? '下载完成' : '正在下载'}：已接收 {(progress.received / 1024).toFixed(1)} KB
              {progress.headers.get('x-ledger-cases') ? `，共 ${progress.headers.get('x-ledger-cases')} 个整顿对象` : ''}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </>
  );
}
