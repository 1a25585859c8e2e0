/**
 * 导入摸排名单: download the template, upload the filled-in list (.xlsx or .csv) with a progress bar,
 * see the rows refused with their row numbers and reasons (and download them as a sheet to correct),
 * and follow the organizations being listed. Uploading the same file again says so and lists nothing twice.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { apiGet, describeError, downloadFile, uploadFile } from '../api/http';
import type { CampaignView, ImportProgressView, ScreeningUploadView } from '../api/views';
import { ProblemAlert } from '../components/common';

type Issue = ScreeningUploadView['issues'][number];

/** The refused rows as a CSV Excel opens (UTF-8 with BOM): row number, column, reason. */
function issuesSheet(issues: Issue[]): Blob {
  const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  const lines = [['行号', '列', '原因'], ...issues.map((issue) => [issue.row, issue.field, issue.reason])].map((row) => row.map(quote).join(','));
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  URL.revokeObjectURL(url);
}

export function ScreeningImport({ campaign }: { campaign: CampaignView }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [upload, setUpload] = useState<ScreeningUploadView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  const progress = useQuery({
    queryKey: ['screening-import', upload?.importId],
    queryFn: ({ signal }) => apiGet<ImportProgressView>(`${base}/screening-imports/${encodeURIComponent(upload!.importId)}`, { signal }),
    enabled: upload !== null,
    refetchInterval: (query) => (query.state.data?.done ? false : 2000),
  });
  const state = progress.data ?? upload;
  const listed = state ? state.started + state.alreadyExisting : 0;

  return (
    <>
      <Button size="small" icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="open-import">
        导入摸排名单
      </Button>
      <Modal title={`导入摸排名单：${campaign.name}`} open={open} onCancel={() => setOpen(false)} footer={null} width={720} destroyOnHidden>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">按模板逐行填写党组织、领域、所属乡镇、支部书记和问题，每行一个问题；同一党组织的多个问题写多行。</Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(`${base}/screening-template`, '摸排名单模板.xlsx').catch((e: unknown) => void message.error(describeError(e)))}>
            下载模板
          </Button>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            data-testid="screening-upload"
            customRequest={({ file }) => {
              setUpload(null);
              setError(null);
              setSent(0);
              uploadFile<ScreeningUploadView>(`${base}/screening-imports`, file as File, setSent).then(
                (answer) => {
                  setUpload(answer);
                  setSent(null);
                },
                (failure: unknown) => {
                  setError(failure);
                  setSent(null);
                },
              );
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入填好的摸排名单（.xlsx 或 .csv，不超过 10 MB）</p>
          </Upload.Dragger>
          {sent !== null && <Progress percent={Math.round(sent * 100)} status="active" data-testid="upload-progress" />}
          <ProblemAlert error={error} />
          {upload && !upload.created && <Alert type="info" showIcon message="此文件此前已上传过，没有重复列入任何党组织" data-testid="already-uploaded" />}
          {state && (
            <div data-testid="import-progress">
              <Typography.Text>
                校验通过 {state.total} 个党组织，已列入整顿名单 {listed} 个{state.alreadyExisting > 0 ? `（其中 ${state.alreadyExisting} 个此前已列入）` : ''}
                {state.failed > 0 ? `，失败 ${state.failed} 个` : ''}
                {state.done ? '，导入完成' : '……'}
              </Typography.Text>
              <Progress percent={state.total === 0 ? 100 : Math.round((listed / state.total) * 100)} status={state.done ? 'success' : 'active'} />
            </div>
          )}
          {upload && upload.issues.length > 0 && (
            <>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text type="danger">{upload.issues.length} 处有误，所在党组织未导入：</Typography.Text>
                <Button size="small" onClick={() => saveBlob(issuesSheet(upload.issues), `摸排名单有误的行（${campaign.name}）.csv`)} data-testid="download-issues">
                  下载有误的行
                </Button>
              </Space>
              <Table<Issue>
                size="small"
                rowKey={(issue) => `${issue.row}|${issue.field}|${issue.reason}`}
                dataSource={upload.issues}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="screening-issues"
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '列', dataIndex: 'field', width: 140 },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
