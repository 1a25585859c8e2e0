/**
 * 我的待办: what awaits the signed-in person, deadlines first (GET /me/todos, computed by the API
 * with the same rules as the actions it offers). Each row opens the case with the action's form ready.
 * On a phone each to-do is a card (a branch secretary reports from the village).
 */
import { Link } from 'react-router-dom';
import { Alert, Card, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { CASE_ACTIONS, TODO_KIND_LABELS, type TodoKind } from '@zhengdun/domain';
import { useTodos } from '../api/queries';
import type { TodoView } from '../api/views';
import { LiveIndicator, ProblemAlert, StageTag } from '../components/common';
import { dueText, formatDateTime } from '../lib/format';

const todoKey = (row: TodoView) => `${row.caseId}|${row.kind}|${row.subject}`;
const todoHref = (row: TodoView) => `/cases/${encodeURIComponent(row.caseId)}?action=${row.action}`;

function DueText({ row, now }: { row: TodoView; now: number }) {
  if (row.dueAt) {
    return (
      <Typography.Text type={Date.parse(row.dueAt) < now ? 'danger' : undefined}>
        {formatDateTime(row.dueAt)} <Typography.Text type="secondary">{dueText(row.dueAt)}</Typography.Text>
      </Typography.Text>
    );
  }
  return row.since ? <Typography.Text type="secondary">{formatDateTime(row.since)} 起</Typography.Text> : <>—</>;
}

function TodoCards({ items, now, loading }: { items: TodoView[]; now: number; loading: boolean }) {
  if (items.length === 0) return loading ? null : <Empty description="暂无待办事项" />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="todos-table">
      {items.map((row) => (
        <Card key={todoKey(row)} size="small" data-testid="todo-card">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Tag color="volcano">{row.label}</Tag>
              <StageTag stage={row.stage} />
            </Space>
            <Typography.Text strong>{row.orgName}</Typography.Text>
            <span>{row.subject}</span>
            <DueText row={row} now={now} />
            <Link to={todoHref(row)} data-testid="todo-link">
              {CASE_ACTIONS[row.action].label}
            </Link>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

export default function TodosPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const todos = useTodos();
  const items = todos.data?.items ?? [];
  const now = Date.now();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="todos-page">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的待办
        </Typography.Title>
        <LiveIndicator query={todos} />
      </Space>
      <ProblemAlert error={todos.error} />
      {todos.data?.truncated && <Alert type="warning" showIcon message="待办较多，只列出最早到期的一部分整顿对象；请先办理到期事项" />}
      <Space wrap data-testid="todo-counts">
        {(Object.entries(todos.data?.counts ?? {}) as [TodoKind, number][]).map(([kind, count]) => (
          <Tag key={kind} color="red" data-testid={`todo-count-${kind}`}>
            {TODO_KIND_LABELS[kind]} {count}
          </Tag>
        ))}
      </Space>
      {narrow ? (
        <TodoCards items={items} now={now} loading={todos.isLoading} />
      ) : (
      <Card size="small">
        <Table<TodoView>
          rowKey={todoKey}
          loading={todos.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="暂无待办事项" /> }}
          data-testid="todos-table"
          columns={[
            {
              title: '期限',
              width: 170,
              render: (_v, row) => <DueText row={row} now={now} />,
            },
            { title: '待办', dataIndex: 'label', width: 150, render: (label: string) => <Tag color="volcano">{label}</Tag> },
            { title: '事项', dataIndex: 'subject' },
            {
              title: '整顿对象',
              dataIndex: 'orgName',
              width: 220,
              render: (_name, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.orgName}</span>
                  <Typography.Text type="secondary">{row.township}</Typography.Text>
                </Space>
              ),
            },
            { title: '阶段', dataIndex: 'stage', width: 120, render: (_stage, row) => <StageTag stage={row.stage} /> },
            {
              title: '办理',
              width: 150,
              render: (_v, row) => (
                <Link to={todoHref(row)} data-testid="todo-link">
                  {CASE_ACTIONS[row.action].label}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      )}
    </Space>
  );
}
