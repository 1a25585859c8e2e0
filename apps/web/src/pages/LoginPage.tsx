/**
 * Sign-in. In development (`npm start`) the API mints tokens (GET /dev/tokens: one sample identity per
 * role; POST /dev/tokens: any role and scope). Otherwise the user pastes a token from the identity
 * provider. The development tab exists only once the API has answered GET /dev/tokens with identities:
 * a production API has no such route (404), and then the page offers nothing but "paste a token".
 * The token is checked against the API once, then kept in sessionStorage.
 */
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Collapse, Form, Input, Radio, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { KeyOutlined, LoginOutlined, TeamOutlined } from '@ant-design/icons';
import { describeScope, USER_ROLE_LABELS, USER_ROLES, type Scope, type UserRole } from '@zhengdun/domain';
import { ApiProblem, apiGet, apiPost } from '../api/http';
import { useDevTokens } from '../api/queries';
import type { CampaignListView, DevTokenRequest, DevTokenView } from '../api/views';
import { readScope, readToken, useSession } from '../auth/session';
import { ProblemAlert } from '../components/common';

interface CustomIdentity {
  role: UserRole;
  level: Scope['level'];
  county: string;
  township?: string;
  orgCode?: string;
  userId: string;
  name: string;
}

const DEFAULT_CUSTOM: CustomIdentity = {
  role: 'township_committee',
  level: 'township',
  county: '示范县',
  township: '青山镇',
  orgCode: '',
  userId: '',
  name: '',
};

const LEVEL_FOR_ROLE: Record<UserRole, Scope['level']> = {
  county_department: 'county',
  township_committee: 'township',
  assigned_leader: 'organization',
  branch_secretary: 'organization',
  auditor: 'county',
};

function describeScopeOf(flat: DevTokenView['actor']['scope']): string {
  const scope = readScope(flat);
  return scope ? describeScope(scope) : flat.county;
}

function scopeOf(values: CustomIdentity): Scope {
  if (values.level === 'township') return { level: 'township', county: values.county.trim(), township: (values.township ?? '').trim() };
  if (values.level === 'organization') return { level: 'organization', county: values.county.trim(), orgCode: (values.orgCode ?? '').trim() };
  return { level: 'county', county: values.county.trim() };
}

export default function LoginPage() {
  const { signIn, user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const devTokens = useDevTokens();
  // 404 in production (or no answer): the development sign-in does not exist, nothing to show.
  const samples = useMemo(() => devTokens.data?.items ?? [], [devTokens.data]);
  const [pickedIdentity, setSelected] = useState<string | undefined>(undefined);
  const selected = pickedIdentity ?? samples.find((item) => item.actor.role === 'township_committee')?.actor.userId ?? samples[0]?.actor.userId;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pickedTab, setTab] = useState<string | undefined>(undefined);
  const tab = pickedTab ?? (samples.length > 0 ? 'dev' : 'paste');
  const [pasted, setPasted] = useState('');
  const [customForm] = Form.useForm<CustomIdentity>();

  /** Checks the token with the API (any signed-in call), then keeps it. */
  async function finish(token: string) {
    setError(null);
    const read = readToken(token);
    if ('error' in read) {
      setError(new ApiProblem(400, { title: '令牌无效', detail: read.error }));
      return;
    }
    setBusy(true);
    try {
      await apiGet<CampaignListView>('/campaigns', { token });
      signIn(token);
      void navigate(from, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function signInCustom(values: CustomIdentity) {
    setError(null);
    setBusy(true);
    try {
      const body: DevTokenRequest = { userId: values.userId.trim(), name: values.name.trim(), role: values.role, scope: scopeOf(values) };
      const minted = await apiPost<DevTokenView>('/dev/tokens', body, { anonymous: true });
      await finish(minted.token);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const level = Form.useWatch('level', customForm) ?? DEFAULT_CUSTOM.level;

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #a3161f 0, #a3161f 220px, #f5f6f8 220px)', padding: '48px 16px' }}>
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', marginBottom: 4 }}>
          软弱涣散基层党组织整顿工作平台
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', textAlign: 'center', marginBottom: 28 }}>
          县委组织部 · 乡镇（街道）党（工）委 · 包抓责任人 · 支部书记
        </Typography.Paragraph>
        <Card>
          {user && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`当前已登录：${user.name}（${USER_ROLE_LABELS[user.role]}）`}
              action={
                <Button size="small" onClick={() => navigate(from, { replace: true })}>
                  继续使用
                </Button>
              }
            />
          )}
          <ProblemAlert error={error} style={{ marginBottom: 16 }} />
          <Tabs
            activeKey={tab}
            onChange={setTab}
            // A click pins the tab even when it is already the active one: the development tab, which
            // appears once /dev/tokens answers, must not take over a tab the user has chosen.
            onTabClick={(key) => setTab(key)}
            items={[
              {
                key: 'dev',
                label: (
                  <span>
                    <TeamOutlined /> 选择开发身份
                  </span>
                ),
                children: (
                  <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">开发和演示环境：选择一个身份即可登录（令牌由服务器签发，仅在本浏览器标签页内有效）。</Typography.Text>
                    <Radio.Group value={selected} onChange={(event) => setSelected(event.target.value as string)} style={{ width: '100%' }} data-testid="dev-identities">
                      <Space orientation="vertical" style={{ width: '100%' }}>
                        {samples.map(({ actor }) => (
                          <Radio key={actor.userId} value={actor.userId} data-testid={`dev-identity-${actor.role}`}>
                            <Space size={8} wrap>
                              <Tag color="red">{USER_ROLE_LABELS[actor.role]}</Tag>
                              <span>{actor.name}</span>
                              <Typography.Text type="secondary">{describeScopeOf(actor.scope)}</Typography.Text>
                            </Space>
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                    <Button
                      type="primary"
                      size="large"
                      icon={<LoginOutlined />}
                      loading={busy}
                      disabled={!selected}
                      block
                      data-testid="dev-sign-in"
                      onClick={() => {
                        const chosen = samples.find((item) => item.actor.userId === selected);
                        if (chosen) void finish(chosen.token);
                      }}
                    >
                      以所选身份登录
                    </Button>
                    <Collapse
                      size="small"
                      items={[
                        {
                          key: 'custom',
                          label: '自定义身份（指定角色和管辖范围）',
                          children: (
                            <Form<CustomIdentity>
                              form={customForm}
                              layout="vertical"
                              initialValues={DEFAULT_CUSTOM}
                              onFinish={(values) => void signInCustom(values)}
                              onValuesChange={(changed: Partial<CustomIdentity>) => {
                                if (changed.role) customForm.setFieldValue('level', LEVEL_FOR_ROLE[changed.role]);
                              }}
                              data-testid="custom-identity"
                            >
                              <Row gutter={12}>
                                <Col xs={24} sm={12}>
                                  <Form.Item name="role" label="角色" rules={[{ required: true }]}>
                                    <Select options={USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABELS[role] }))} />
                                  </Form.Item>
                                </Col>
                                <Col xs={24} sm={12}>
                                  <Form.Item name="level" label="管辖范围" rules={[{ required: true }]}>
                                    <Radio.Group
                                      optionType="button"
                                      options={[
                                        { value: 'county', label: '全县' },
                                        { value: 'township', label: '乡镇（党工委）' },
                                        { value: 'organization', label: '单个党组织' },
                                      ]}
                                    />
                                  </Form.Item>
                                </Col>
                                <Col xs={24} sm={8}>
                                  <Form.Item name="county" label="县" rules={[{ required: true, whitespace: true, message: '请填写县' }]}>
                                    <Input />
                                  </Form.Item>
                                </Col>
                                {level === 'township' && (
                                  <Col xs={24} sm={8}>
                                    <Form.Item name="township" label="乡镇（党工委）" rules={[{ required: true, whitespace: true, message: '请填写乡镇' }]}>
                                      <Input />
                                    </Form.Item>
                                  </Col>
                                )}
                                {level === 'organization' && (
                                  <Col xs={24} sm={8}>
                                    <Form.Item name="orgCode" label="党组织代码" rules={[{ required: true, whitespace: true, message: '请填写党组织代码' }]}>
                                      <Input />
                                    </Form.Item>
                                  </Col>
                                )}
                                <Col xs={24} sm={12}>
                                  <Form.Item
                                    name="userId"
                                    label="人员编号"
                                    tooltip="支部书记须与该组织登记的书记编号一致；包抓责任人须是已落实的责任人"
                                    rules={[{ required: true, whitespace: true, message: '请填写人员编号' }]}
                                  >
                                    <Input placeholder="如 sec-410323-001" />
                                  </Form.Item>
                                </Col>
                                <Col xs={24} sm={12}>
                                  <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                                    <Input />
                                  </Form.Item>
                                </Col>
                              </Row>
                              <Button htmlType="submit" loading={busy} data-testid="custom-sign-in">
                                以此身份登录
                              </Button>
                            </Form>
                          ),
                        },
                      ]}
                    />
                  </Space>
                ),
              },
              {
                key: 'paste',
                label: (
                  <span>
                    <KeyOutlined /> 粘贴访问令牌
                  </span>
                ),
                children: (
                  <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">将统一身份认证签发的访问令牌（JWT）粘贴到下方。</Typography.Text>
                    <Input.TextArea
                      rows={5}
                      value={pasted}
                      onChange={(event) => setPasted(event.target.value)}
                      placeholder="eyJhbGciOi…"
                      data-testid="token-input"
                      style={{ fontFamily: 'monospace' }}
                    />
                    <Button type="primary" size="large" block icon={<LoginOutlined />} loading={busy} disabled={!pasted.trim()} onClick={() => void finish(pasted)} data-testid="token-sign-in">
                      登录
                    </Button>
                  </Space>
                ),
              },
            ].filter((item) => item.key !== 'dev' || samples.length > 0)}
          />
        </Card>
      </div>
    </div>
  );
}
