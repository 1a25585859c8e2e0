import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { AuditOutlined, BellOutlined, CalendarOutlined, CheckSquareOutlined, DashboardOutlined, LogoutOutlined, MenuOutlined, NotificationOutlined, ScheduleOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons';
import { USER_ROLE_LABELS } from '@zhengdun/domain';
import { useInbox, useTodos } from '../api/queries';
import { scopeLabel, useSession, useUser } from '../auth/session';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone the menu folds away (the sider's own trigger opens it) and closes after a choice.
  const wide = Grid.useBreakpoint().lg !== false;
  const [collapsed, setCollapsed] = useState(!wide);
  const selected = (['cases', 'todos', 'notifications', 'notices', 'campaigns', 'calendar', 'audit'] as const).find((key) => location.pathname.startsWith(`/${key}`)) ?? 'overview';
  // The auditor only reads: no to-dos to count.
  const todos = useTodos(user.role !== 'auditor');
  const todoCount = todos.data?.items.length ?? 0;
  // The inbox's first entry is enough: its answer carries the unread count.
  const unreadCount = useInbox(1, 1).data?.unread ?? 0;

  return (
    <Layout style={{ minHeight: '100vh' }} className="app-shell">
      <Header
        className="app-header"
        style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, paddingInline: wide ? 24 : 12, background: 'linear-gradient(90deg, #9e111b 0%, #c1272d 100%)' }}
      >
        {!wide && (
          <Button
            type="text"
            aria-label="菜单"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setCollapsed(!collapsed)}
            data-testid="menu-toggle"
          />
        )}
        <Typography.Title level={wide ? 4 : 5} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', letterSpacing: 1 }}>
          {wide ? '软弱涣散基层党组织整顿工作平台' : '整顿工作平台'}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space size={wide ? 12 : 6} data-testid="current-user" style={{ color: '#fff', whiteSpace: 'nowrap', minWidth: 0 }}>
          {wide && <UserOutlined />}
          <span>{user.name}</span>
          {wide && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {USER_ROLE_LABELS[user.role]}
            </Tag>
          )}
          {wide && <span style={{ opacity: 0.85 }}>{scopeLabel(user.scope)}</span>}
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            onClick={() => {
              signOut();
              void navigate('/login', { replace: true });
            }}
          >
            退出
          </Button>
        </Space>
      </Header>
      <Layout style={{ position: 'relative' }}>
        <Sider
          width={176}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          className="app-menu"
          // On a phone the header's button opens the menu over the page instead of squeezing it.
          trigger={wide ? undefined : null}
          style={wide ? { borderInlineEnd: '1px solid #f0f0f0' } : { position: 'absolute', zIndex: 20, height: '100%', boxShadow: collapsed ? undefined : '2px 0 8px rgba(0,0,0,0.15)' }}
        >
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            onClick={() => !wide && setCollapsed(true)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={[
              ...(user.role === 'auditor'
                ? []
                : [
                    {
                      key: 'todos',
                      icon: <CheckSquareOutlined />,
                      label: (
                        <Space size={6}>
                          我的待办
                          <Badge count={todoCount} overflowCount={99} size="small" data-testid="todo-badge" />
                        </Space>
                      ),
                      onClick: () => navigate('/todos'),
                    },
                  ]),
              {
                key: 'notifications',
                icon: <BellOutlined />,
                label: (
                  <Space size={6}>
                    我的通知
                    <Badge count={unreadCount} overflowCount={99} size="small" data-testid="notification-badge" />
                  </Space>
                ),
                onClick: () => navigate('/notifications'),
              },
              { key: 'overview', icon: <DashboardOutlined />, label: '整顿总览', onClick: () => navigate('/overview') },
              { key: 'cases', icon: <UnorderedListOutlined />, label: '整顿对象台账', onClick: () => navigate('/cases') },
              ...(user.role === 'county_department' || user.role === 'township_committee' || user.role === 'auditor'
                ? [
                    { key: 'notices', icon: <NotificationOutlined />, label: '督查通报', onClick: () => navigate('/notices') },
                    { key: 'campaigns', icon: <CalendarOutlined />, label: '整顿批次', onClick: () => navigate('/campaigns') },
                    { key: 'calendar', icon: <ScheduleOutlined />, label: '节假日安排', onClick: () => navigate('/calendar') },
                  ]
                : []),
              ...(user.role === 'county_department' || user.role === 'auditor' ? [{ key: 'audit', icon: <AuditOutlined />, label: '操作日志', onClick: () => navigate('/audit') }] : []),
            ]}
          />
        </Sider>
        <Content style={{ padding: wide ? 20 : 10, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
