/**
 * 我的通知: what the system addressed to the signed-in person (GET /me/notifications) — reminders,
 * requests for an explanation, proposals — newest first, unread in bold. Clicking one marks it read
 * and opens its 整顿对象; 全部标为已读 marks them all. The county department also sets its work-chat
 * group robots here (DingTalk, WeCom), which receive the county's notifications too.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App as AntApp, Badge, Button, Card, Descriptions, Empty, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckOutlined, RobotOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, apiPut } from '../api/http';
import { queryKeys, useInbox, useRobots } from '../api/queries';
import type { InboxItemView, MarkReadRequest, MarkReadView, RobotsView, SaveRobotsRequest } from '../api/views';
import { useUser } from '../auth/session';
import { LiveIndicator, ProblemAlert } from '../components/common';
import { formatDateTime } from '../lib/format';

const PAGE_SIZE = 20;
/** An instant as the workflow writes it into a notification's text. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The notification's text with its instants in the reader's local time (as every other page gives a time). */
function readable(text: string): string {
  return text.replace(ISO_INSTANT, (iso) => formatDateTime(iso));
}

export default function NotificationsPage() {
  const user = useUser();
  const [page, setPage] = useState(1);
  const inbox = useInbox(page, PAGE_SIZE);
  const navigate = useNavigate();
  const client = useQueryClient();
  const markRead = useMutation({
    mutationFn: (body: MarkReadRequest) => apiPost<MarkReadView>('/me/notifications/read', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  const unread = inbox.data?.unread ?? 0;

  const open = (item: InboxItemView) => {
    if (!item.read) markRead.mutate({ keys: [item.key] });
    void navigate(item.link);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="notifications-page">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            我的通知
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="notifications-unread">
            {unread > 0 ? `${unread} 条未读` : '没有未读通知'}
          </Typography.Text>
        </Space>
        <Space>
          <LiveIndicator query={inbox} />
          <Button icon={<CheckOutlined />} disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })} data-testid="mark-all-read">
            全部标为已读
          </Button>
        </Space>
      </Space>
      <ProblemAlert error={inbox.error ?? markRead.error} />
      <Card size="small">
        <List<InboxItemView>
          loading={inbox.isLoading}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无通知" /> }}
          data-testid="notifications-list"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: inbox.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
          renderItem={(item) => (
            <List.Item
              key={item.key}
              onClick={() => open(item)}
              style={{ cursor: 'pointer', background: item.read ? undefined : '#fff7f6' }}
              data-testid="notification-item"
              data-read={item.read ? 'true' : 'false'}
              extra={<Typography.Text type="secondary">{formatDateTime(item.sentAt)}</Typography.Text>}
            >
              <List.Item.Meta
                avatar={<Badge dot={!item.read} offset={[-2, 4]}><Tag color={item.read ? 'default' : 'red'} style={{ marginInlineEnd: 0 }}>{item.kindLabel}</Tag></Badge>}
                title={
                  <Typography.Text strong={!item.read} data-testid="notification-title">
                    {item.title}
                  </Typography.Text>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <Typography.Text type={item.read ? 'secondary' : undefined} strong={!item.read} style={{ whiteSpace: 'pre-line' }}>
                      {readable(item.body)}
                    </Typography.Text>
                    {item.orgName && <Typography.Text type="secondary">整顿对象：{item.orgName}</Typography.Text>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {user.role === 'county_department' && <RobotSettings />}
    </Space>
  );
}

interface RobotFormValues {
  siteUrl: string;
  dingtalkUrl?: string;
  dingtalkSecret?: string;
  wecomUrl?: string;
}

/** The county's DingTalk / WeCom group robots: what is set (tokens masked), and a form to set or remove them. */
function RobotSettings() {
  const robots = useRobots(true);
  const [form] = Form.useForm<RobotFormValues>();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: SaveRobotsRequest) => apiPut<RobotsView>('/notifications/robots', body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.robots, saved);
      form.setFieldsValue({ dingtalkUrl: undefined, dingtalkSecret: undefined, wecomUrl: undefined });
      void message.success('工作群机器人已保存');
    },
  });
  const current = robots.data?.robots ?? [];
  const siteUrl = robots.data?.siteUrl ?? window.location.origin;
  const submit = (values: RobotFormValues) => {
    const body: SaveRobotsRequest = { siteUrl: values.siteUrl.trim() };
    if (values.dingtalkUrl?.trim()) body.dingtalk = { webhookUrl: values.dingtalkUrl.trim(), ...(values.dingtalkSecret?.trim() ? { secret: values.dingtalkSecret.trim() } : {}) };
    if (values.wecomUrl?.trim()) body.wecom = { webhookUrl: values.wecomUrl.trim() };
    save.mutate(body);
  };
  return (
    <Card size="small" title={<Space><RobotOutlined />工作群机器人</Space>} data-testid="robot-settings">
      <Typography.Paragraph type="secondary">
        本县的通知同时发到钉钉群、企业微信群（群设置 → 添加机器人 → 自定义机器人，复制 Webhook 地址；钉钉建议选“加签”并填写密钥）。密钥保存后不再显示。
      </Typography.Paragraph>
      <ProblemAlert error={robots.error ?? save.error} style={{ marginBottom: 12 }} />
      {current.length > 0 && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="robot-current">
          {current.map((robot) => (
            <Descriptions.Item key={robot.provider} label={robot.label}>
              <Space wrap>
                <Typography.Text code>{robot.webhookUrl}</Typography.Text>
                {robot.provider === 'dingtalk' && <Tag color={robot.hasSecret ? 'green' : 'orange'}>{robot.hasSecret ? '已加签' : '未加签'}</Tag>}
                <Typography.Text type="secondary">{formatDateTime(robot.updatedAt)} 由 {robot.updatedBy} 设置</Typography.Text>
                <Popconfirm title={`删除${robot.label}？`} okText="删除" cancelText="取消" onConfirm={() => save.mutate({ siteUrl: robots.data?.siteUrl ?? siteUrl, remove: [robot.provider] })}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Form<RobotFormValues> form={form} layout="vertical" initialValues={{ siteUrl }} key={siteUrl} onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="siteUrl" label="平台网址（消息中的链接指向此处）" rules={[{ required: true, message: '请填写平台网址' }]}>
          <Input placeholder="https://zhengdun.example.gov.cn" data-testid="robot-site-url" />
        </Form.Item>
        <Form.Item name="dingtalkUrl" label="钉钉机器人 Webhook 地址">
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" data-testid="robot-dingtalk-url" />
        </Form.Item>
        <Form.Item name="dingtalkSecret" label="钉钉加签密钥（SEC 开头；留空则保留已保存的密钥）">
          <Input.Password autoComplete="off" placeholder="SEC…" data-testid="robot-dingtalk-secret" />
        </Form.Item>
        <Form.Item name="wecomUrl" label="企业微信机器人 Webhook 地址">
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" data-testid="robot-wecom-url" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="robot-save">
          保存机器人设置
        </Button>
      </Form>
    </Card>
  );
}
