/**
 * 整顿对象详情 (GET /cases/:caseId, polled every 2 s): timeline, the assigned team (四个一),
 * problems, plan and measures, publicity and objections, escalations, lapses and what the system
 * proposed (talks, organizational handling) with what people decided, acceptances — and
 * exactly the actions the API lists as available to the signed-in user (availableActions), each as
 * a form. The page never works out itself who may do what: after an action it fetches the case again.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { App as AntApp, Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Skeleton, Space, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { FileTextOutlined, GlobalOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  ACCEPTANCE_LEVEL_LABELS,
  CASE_ACTIONS,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_STEP_LABELS,
  HANDLING_DECISION_LABELS,
  IDENTIFICATION_SOURCE_LABELS,
  MEASURE_STATUS_LABELS,
  OBJECTION_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  PROBLEM_STATUS_LABELS,
  PROPOSAL_STATUS_LABELS,
  REVIEW_OUTCOME_LABELS,
  reviewCheckLines,
  ORG_DOMAIN_LABELS,
  PROBLEM_CATEGORIES,
  reelectionDateFor,
  deadlinesWithoutHolidays,
  planBlockedByDeadline,
  teamGap,
  SATISFACTION_LABELS,
  STAGE_LABELS,
  STAGES,
  TEAM_ROLE_LABELS,
  USER_ROLE_LABELS,
  currentMeasures,
  lapseIsOpen,
  isOverdue,
  problemStatus,
  requiredTeamRoles,
  satisfactionRate,
  type AcceptanceLevel,
  type CaseActionType,
  type EscalationStep,
  type Lapse,
  type Measure,
  type MeasureStatus,
  type ReviewOutcome,
  type ReviewRecord,
  type Problem,
  type Proposal,
  type ProposalStatus,
  type SecretaryTerm,
  type TeamMember,
  type TeamRole,
  type AcceptanceRecord,
  type Assessment,
  SPOT_CHECK_READERS,
} from '@zhengdun/domain';
import { ActionModal } from '../actions/ActionModal';
import { ApiProblem } from '../api/http';
import { useCaseDetail, useHolidayCalendar } from '../api/queries';
import { asCaseState, type CaseStateView, type TimelineRowView } from '../api/views';
import { useUser } from '../auth/session';
import { EscalationTag, LiveIndicator, StageTag } from '../components/common';
import { dueText, formatDate, formatDateTime, percent } from '../lib/format';
import { MEASURE_STATUS_COLORS, OBJECTION_STATUS_COLORS, PLAN_STATUS_COLORS, PROBLEM_STATUS_COLORS, PROPOSAL_STATUS_COLORS, STAGE_INDEX, actorRoleLabel } from '../lib/labels';
import { PROPOSAL_KIND_LABELS, subjectLabel } from '../lib/proposals';
import { beijingTime } from '../lib/beijing-time';
import { CaseSpotChecksCard } from './SpotChecksCard';
import './case-print.css';

export default function CasePage() {
  const { caseId = '' } = useParams();
  const user = useUser();
  const { message } = AntApp.useApp();
  const detail = useCaseDetail(caseId);
  const holidays = useHolidayCalendar();
  const [acting, setActing] = useState<CaseActionType | null>(null);
  // A to-do links here with ?action=<type>: its form opens once the case offers that action.
  const [params, setParams] = useSearchParams();
  const requested = params.get('action');
  // Once per link: the URL loses ?action= in a transition, and a poll of the case that lands before it
  // commits must not open the form again after the user has cancelled it.
  const handledRequest = useRef(false);
  const lastStage = useRef<string | null>(null);
  const ownChange = useRef<number>(0);

  const view = detail.data;
  const state = view?.case;

  useEffect(() => {
    if (!requested) {
      handledRequest.current = false;
      return;
    }
    if (handledRequest.current || !detail.data) return;
    handledRequest.current = true;
    const offered = detail.data.availableActions.find((type) => type === requested);
    if (offered) setActing(offered);
    const next = new URLSearchParams(params);
    next.delete('action');
    setParams(next, { replace: true });
  }, [requested, detail.data, params, setParams]);

  // Someone else moved the case on: say so, the page has already changed.
  useEffect(() => {
    if (!state) return;
    if (lastStage.current && lastStage.current !== state.stage && Date.now() - ownChange.current > 5000) {
      void message.info(`整顿阶段已更新为“${STAGE_LABELS[state.stage]}”`);
    }
    lastStage.current = state.stage;
  }, [state, message]);

  if (!view || !state) {
    if (detail.error) {
      const problem = detail.error instanceof ApiProblem ? detail.error : null;
      return (
        <Result
          status={problem?.status === 403 ? '403' : problem?.status === 404 ? '404' : 'error'}
          title={problem?.status === 404 ? '整顿对象不存在' : problem?.status === 403 ? '无权查看该整顿对象' : '整顿对象加载失败'}
          subTitle={problem?.detail ?? String(detail.error)}
          extra={<Link to="/cases">返回整顿对象台账</Link>}
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }

  const available = view.availableActions;
  const overdue = isOverdue(asCaseState(state), new Date().toISOString());
  const reelectionAt = state.org.domain === 'rural' ? reelectionDateFor(state.campaign, state.org.township) : undefined;
  const uncertainDeadlines = deadlinesWithoutHolidays(asCaseState(state), holidays.data?.missingYears ?? []);
  const awaitsCountyDeadline = planBlockedByDeadline(asCaseState(state), new Date().toISOString());

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-page">
      <PrintHeader state={state} />
      <Breadcrumb items={[{ title: <Link to="/cases">整顿对象台账</Link> }, { title: state.org.name }]} />
      {uncertainDeadlines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="case-uncertain-deadlines"
          title="以下期限按周一至周五计算，可能偏早"
          description={uncertainDeadlines.map((d) => `${d.label}：${formatDate(d.dueAt)}（${d.year}年法定节假日安排尚未录入）`).join('；')}
        />
      )}
      {awaitsCountyDeadline && (
        <Alert
          type="info"
          showIcon
          data-testid="case-awaits-deadline"
          title="待县委组织部设定整改期限"
          description={`${state.campaign.name}已于 ${formatDate(state.campaign.endsAt)} 截止（或截止前已来不及制定方案）：整改措施没有可用的完成时限。县委组织部设定整改期限后，支部按该期限制定整顿方案；在此之前方案提交期限不催办。`}
        />
      )}
      <Card>
        <Row gutter={[16, 8]} align="middle">
          <Col flex="auto">
            <Space size={8} wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
                {state.org.name}
              </Typography.Title>
              <StageTag stage={state.stage} />
              <Tag>{ORG_DOMAIN_LABELS[state.org.domain]}</Tag>
              <Tag>{state.org.township}</Tag>
              {state.org.isKeyVillage && <Tag color="volcano">重点村、难点村</Tag>}
              {state.round > 1 && <Tag color="magenta">第{state.round}轮整顿</Tag>}
              {overdue && <Tag color="error">逾期</Tag>}
              {state.escalation.level > 0 && <EscalationTag level={state.escalation.level} talks={state.escalation.talks} />}
            </Space>
          </Col>
          <Col flex="none" className="no-print">
            <Space size={8} wrap>
              <LiveIndicator query={detail} />
              <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-case">
                打印档案
              </Button>
            </Space>
          </Col>
        </Row>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="整顿批次">{state.campaign.name}</Descriptions.Item>
          <Descriptions.Item label="完成时限">
            {formatDate(state.campaign.endsAt)}（{dueText(state.campaign.endsAt)}）
          </Descriptions.Item>
          {reelectionAt && (
            <Descriptions.Item label="村“两委”换届">
              {formatDate(reelectionAt)}（{dueText(reelectionAt)}，须换届前整顿到位）
            </Descriptions.Item>
          )}
          <Descriptions.Item label="支部书记">
            <Tooltip title={secretaryTerms(state)}>
              <span data-testid="case-secretary">
                {state.org.secretary.name}
                {(state.secretaries?.length ?? 0) > 1 && '（已调整）'}
              </span>
            </Tooltip>
          </Descriptions.Item>
          <Descriptions.Item label="列入方式">{IDENTIFICATION_SOURCE_LABELS[state.source] ?? state.source}</Descriptions.Item>
          <Descriptions.Item label="党组织代码">{state.org.code}</Descriptions.Item>
          <Descriptions.Item label="列入时间">{formatDateTime(state.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="群众公示页">
            <Link to={`/public/${encodeURIComponent(state.caseId)}`} target="_blank">
              <GlobalOutlined /> 打开公示页
            </Link>
          </Descriptions.Item>
        </Descriptions>
        <Steps
          size="small"
          titlePlacement="vertical"
          style={{ marginTop: 16 }}
          current={STAGE_INDEX[state.stage]}
          status={overdue ? 'error' : state.stage === 'archived' ? 'finish' : 'process'}
          items={STAGES.map((stage) => ({ title: STAGE_LABELS[stage] }))}
        />
      </Card>

      <Card title="可办理事项" size="small" data-testid="action-bar" className="no-print">
        {available.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-actions">
            您（{USER_ROLE_LABELS[user.role]}）在“{STAGE_LABELS[state.stage]}”阶段没有可办理的事项。
          </Typography.Text>
        ) : (
          <Space wrap>
            {available.map((type, index) => (
              <Button key={type} type={index === 0 ? 'primary' : 'default'} onClick={() => setActing(type)} data-testid={`action-${type}`}>
                {CASE_ACTIONS[type].label}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ProblemsCard state={state} />
            <TeamCard state={state} />
            <PlanCard state={state} />
            <PublicityCard state={state} />
            <EscalationCard state={state} />
            <AccountabilityCard state={state} />
            <AcceptanceCard state={state} />
            <CaseSpotChecksCard
              caseId={state.caseId}
              campaignId={state.campaign.id}
              visible={SPOT_CHECK_READERS.includes(user.role)}
              mayRecheck={user.role === 'county_department'}
            />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <TimelineCard rows={view.timeline} />
        </Col>
      </Row>

      {acting && (
        <ActionModal
          key={acting}
          type={acting}
          state={state}
          onApplied={() => {
            // The stage change this causes is the user's own: no "someone else moved it" notice.
            ownChange.current = Date.now();
            void message.success(`已${CASE_ACTIONS[acting].label}`);
          }}
          onClose={() => setActing(null)}
        />
      )}
    </Space>
  );
}

/** Printed only: the file's header (一村一档) — the organization, its campaign, and when it was printed. */
function PrintHeader({ state }: { state: CaseStateView }) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
        {state.org.name}整顿工作档案（一村一档）
      </Typography.Title>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginTop: 6 }}>
        <span>整顿批次：{state.campaign.name}</span>
        <span>
          {state.org.township} · {ORG_DOMAIN_LABELS[state.org.domain]} · 党组织代码 {state.org.code}
        </span>
        <span>打印时间：{beijingTime(new Date().toISOString())}</span>
      </div>
    </div>
  );
}

/** A measure as a card: on a phone, where the table's columns do not fit. */
function MeasureItem({ measure, problem }: { measure: Measure; problem: string }) {
  return (
    <Card size="small" data-testid="measure-item" data-measure={measure.id} data-status={measure.status}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text strong>{measure.id}</Typography.Text>
          <Tag color={MEASURE_STATUS_COLORS[measure.status]}>{MEASURE_STATUS_LABELS[measure.status]}</Tag>
        </Space>
        <span>{measure.description}</span>
        <Typography.Text type="secondary">针对问题：{problem}</Typography.Text>
        <Typography.Text type="secondary">
          责任人 {measure.ownerName} · 完成时限 {formatDate(measure.dueAt)}
        </Typography.Text>
        {measure.report && <Typography.Text type="secondary">报告说明：{measure.report.evidence}（核验时限 {formatDate(measure.report.verifyDueAt)}）</Typography.Text>}
        {measure.evidence && <Typography.Text type="secondary">销项说明：{measure.evidence}</Typography.Text>}
        {measure.verified && <Typography.Text type="secondary">核验意见：{measure.verified.comment}</Typography.Text>}
      </Space>
    </Card>
  );
}

function ProblemsCard({ state }: { state: CaseStateView }) {
  const narrow = Grid.useBreakpoint().sm === false;
  const full = asCaseState(state);
  const measures = currentMeasures(full);
  const problemText = (id: string) => state.problems.find((p) => p.id === id)?.description ?? id;
  return (
    <Card title="问题清单与整改措施" size="small" data-testid="problems-card">
      <Table<Problem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={state.problems}
        columns={[
          { title: '编号', dataIndex: 'id', width: narrow ? 48 : 64 },
          // On a phone the category goes under the description: three columns fit, four do not.
          ...(narrow ? [] : [{ title: '类别', dataIndex: 'category', width: 200, render: (value: keyof typeof PROBLEM_CATEGORIES) => PROBLEM_CATEGORIES[value] }]),
          {
            title: '问题描述',
            dataIndex: 'description',
            render: (description: string, problem: Problem) => (
              <Space orientation="vertical" size={0}>
                <span>{description}</span>
                {narrow && <Typography.Text type="secondary">{PROBLEM_CATEGORIES[problem.category as keyof typeof PROBLEM_CATEGORIES]}</Typography.Text>}
                {problem.rootCause && (
                  <Typography.Text type="secondary" data-testid={`root-cause-${problem.id}`}>
                    问题根源：{problem.rootCause}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '状态',
            width: 120,
            render: (_value, problem) => {
              const status = problemStatus(full, problem);
              const reopened = problem.reopened;
              return (
                <Space orientation="vertical" size={2}>
                  <Tag color={PROBLEM_STATUS_COLORS[status]}>{PROBLEM_STATUS_LABELS[status]}</Tag>
                  {reopened && (
                    <Tooltip title={`${formatDateTime(reopened.at)} ${reopened.by.name}：${reopened.reason}`}>
                      <Tag color={reopened.amendedAt ? 'blue' : 'orange'} data-testid={`reopened-${problem.id}`}>
                        {reopened.amendedAt ? '限期整改·措施已批准' : '限期整改·待补充措施'}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        整改措施（第{state.round}轮，已销项 {measures.filter((m) => m.status === 'done').length} / {measures.length}
        {measures.some((m) => m.status === 'reported') && `，${MEASURE_STATUS_LABELS.reported} ${measures.filter((m) => m.status === 'reported').length}`}）
      </Typography.Title>
      {measures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未制定整改措施" />
      ) : narrow ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="measure-list">
          {measures.map((measure) => (
            <MeasureItem key={measure.id} measure={measure} problem={problemText(measure.problemId)} />
          ))}
        </Space>
      ) : (
        <Table<Measure>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={measures}
          scroll={{ x: 760 }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 60 },
            { title: '针对问题', dataIndex: 'problemId', width: 160, render: (id: string) => <Typography.Text ellipsis={{ tooltip: problemText(id) }}>{problemText(id)}</Typography.Text> },
            { title: '措施内容', dataIndex: 'description' },
            { title: '责任人', dataIndex: 'ownerName', width: 90 },
            {
              title: '完成时限',
              dataIndex: 'dueAt',
              width: 120,
              render: (value: string, measure) => (
                <Tooltip title={formatDateTime(value)}>
                  <span style={{ color: measure.status === 'pending' && Date.parse(value) < Date.now() ? '#cf1322' : undefined }}>{formatDate(value)}</span>
                </Tooltip>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (value: MeasureStatus, measure) => (
                <Tooltip title={measureStatusNote(measure)}>
                  <Tag color={MEASURE_STATUS_COLORS[value]} data-testid={`measure-status-${measure.id}`}>
                    {MEASURE_STATUS_LABELS[value]}
                  </Tag>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function TeamCard({ state }: { state: CaseStateView }) {
  const required = requiredTeamRoles(state.org.domain);
  const rows: { teamRole: TeamRole; member?: TeamMember }[] = [
    ...required.map((teamRole) => ({ teamRole, member: state.team.find((m) => m.teamRole === teamRole) })),
    ...state.team.filter((m) => !required.includes(m.teamRole)).map((member) => ({ teamRole: member.teamRole, member })),
  ];
  const gap = teamGap(state.org, state.team);
  const missing = [...gap.missing.map((role) => TEAM_ROLE_LABELS[role]), ...(gap.keyVillageNeedsPartySecretary ? ['乡镇党委书记包村'] : [])];
  return (
    <Card
      title={state.org.domain === 'rural' ? '包抓责任人（四个一）' : '包抓责任人'}
      size="small"
      data-testid="team-card"
      extra={missing.length > 0 ? <Tag color="error">未配齐，缺：{missing.join('、')}</Tag> : <Tag color="success">已配齐</Tag>}
    >
      <Table
        rowKey="teamRole"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '包抓角色', dataIndex: 'teamRole', width: 220, render: (role: TeamRole) => TEAM_ROLE_LABELS[role] },
          {
            title: '姓名 / 单位',
            render: (_value, row) =>
              row.member ? (
                <Space size={4}>
                  {row.member.name}
                  {row.member.isTownshipPartySecretary && <Tag color="red">乡镇党委书记</Tag>}
                  {row.member.appointingUnit && <Typography.Text type="secondary">（{row.member.appointingUnit}选派）</Typography.Text>}
                </Space>
              ) : (
                <Tag color="error">未落实</Tag>
              ),
          },
          { title: '职务', render: (_value, row) => row.member?.title ?? '—' },
          { title: '人员编号', width: 140, render: (_value, row) => <Typography.Text type="secondary">{row.member?.personId ?? '—'}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

function PlanCard({ state }: { state: CaseStateView }) {
  const { plan, deadlines } = state;
  return (
    <Card title="整顿方案与进展汇报" size="small" data-testid="plan-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label="方案状态">
          <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
            {PLAN_STATUS_LABELS[plan.status]}
          </Tag>
          {plan.version > 0 && <Typography.Text type="secondary">第{plan.version}版</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatDateTime(plan.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="审批通过">{formatDateTime(plan.approvedAt)}</Descriptions.Item>
        <Descriptions.Item label="在本单位公开">{formatDateTime(plan.publicizedAt)}</Descriptions.Item>
        <Descriptions.Item label="方案提交期限">{deadlines.planDueAt ? `${formatDateTime(deadlines.planDueAt)}（${dueText(deadlines.planDueAt)}）` : '—'}</Descriptions.Item>
        <Descriptions.Item label="限期整改至">{formatDateTime(deadlines.rectificationDueAt)}</Descriptions.Item>
        <Descriptions.Item label="下次汇报">{deadlines.nextReportDueAt ? `${formatDateTime(deadlines.nextReportDueAt)}（${dueText(deadlines.nextReportDueAt)}）` : '—'}</Descriptions.Item>
        <Descriptions.Item label="回头看时间">{formatDateTime(deadlines.reviewDueAt)}</Descriptions.Item>
        {deadlines.reviewReportDueAt && (
          <Descriptions.Item label="回头看报告期限">
            <span data-testid="review-report-due">{`${formatDateTime(deadlines.reviewReportDueAt)}（${dueText(deadlines.reviewReportDueAt)}）`}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {plan.status === 'returned' && plan.returnReasons.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title="方案被退回" description={plan.returnReasons.join('；')} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        进展汇报（{state.reports.length}）
      </Typography.Title>
      {state.reports.length === 0 ? (
        <Typography.Text type="secondary">暂无汇报</Typography.Text>
      ) : (
        <Table
          rowKey="at"
          size="small"
          pagination={false}
          dataSource={[...state.reports].reverse()}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
            { title: '汇报人', width: 160, render: (_v, report) => `${report.by.name}（${actorRoleLabel(report.by.role)}）` },
            { title: '内容', dataIndex: 'summary' },
          ]}
        />
      )}
    </Card>
  );
}

function PublicityCard({ state }: { state: CaseStateView }) {
  const tally = state.satisfaction;
  const rate = satisfactionRate(tally);
  return (
    <Card title="结果公示与群众监督" size="small" data-testid="publicity-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="公示期">
          {state.publicity ? `${formatDateTime(state.publicity.startedAt)} 至 ${formatDateTime(state.publicity.endsAt)}${state.publicity.periodEnded ? '（已期满）' : ''}` : '未启动'}
        </Descriptions.Item>
        <Descriptions.Item label="群众满意度">
          {percent(rate)}（{SATISFACTION_LABELS.satisfied} {tally.satisfied} · {SATISFACTION_LABELS.basically_satisfied} {tally.basicallySatisfied} · {SATISFACTION_LABELS.dissatisfied}{' '}
          {tally.dissatisfied}）
        </Descriptions.Item>
        <Descriptions.Item label="验收要求">{percent(state.policy.satisfactionThreshold, 0)} 以上</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        群众异议（{state.objections.length}，待处理 {state.objections.filter((o) => o.status === 'open').length}）
      </Typography.Title>
      {state.objections.length === 0 ? (
        <Typography.Text type="secondary">暂无异议</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...state.objections].reverse()}
          data-testid="objections-table"
          columns={[
            { title: '收到时间', dataIndex: 'receivedAt', width: 150, render: formatDateTime },
            { title: '异议内容', dataIndex: 'content', render: (text: string) => <span data-testid="objection-content">{text}</span> },
            {
              title: '处理',
              width: 220,
              render: (_v, objection) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={OBJECTION_STATUS_COLORS[objection.status]}>{OBJECTION_STATUS_LABELS[objection.status]}</Tag>
                  {objection.reason && <Typography.Text type="secondary">{objection.reason}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function EscalationCard({ state }: { state: CaseStateView }) {
  const { escalation } = state;
  const records = escalation.records.filter((record) => record.step !== 'reminder');
  return (
    <Card title="督办与约谈" size="small" data-testid="escalation-card">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label="督办等级">{escalation.level > 0 ? <EscalationTag level={escalation.level} /> : '无'}</Descriptions.Item>
        <Descriptions.Item label="累计约谈">{escalation.talks} 次</Descriptions.Item>
        {escalation.model === 'proposals' ? (
          // On the proposals model handling is the county's decision, shown with the proposals below.
          <Descriptions.Item label="组织处理">{escalation.organizationalHandling ? <Tag color="red">已决定组织处理</Tag> : '否'}</Descriptions.Item>
        ) : (
          <Descriptions.Item label="组织处理">{escalation.organizationalHandling ? <Tag color="red">累计约谈两次以上，进行组织处理</Tag> : '否'}</Descriptions.Item>
        )}
      </Descriptions>
      {records.length === 0 ? (
        <Typography.Text type="secondary">无逾期督办记录</Typography.Text>
      ) : (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={[...records].reverse()}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
            { title: '环节', dataIndex: 'step', width: 120, render: (step: EscalationStep) => ESCALATION_STEP_LABELS[step] },
            { title: '逾期事项', dataIndex: 'dueItemLabel' },
            {
              title: ESCALATION_LEVEL_LABELS[1],
              width: 220,
              render: (_v, record) => {
                if (record.step !== 'explanation_requested') return null;
                const explanation = escalation.explanations.find((e) => e.dueItemKey === record.dueItemKey);
                return explanation ? explanation.text : <Tag color="warning">待说明</Tag>;
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * 督办与问责 on the proposals model: each lapse (overdue episode) with its items and whether one is
 * still due, and what the system proposed (约谈, 组织处理) with what people then recorded or decided.
 * Older cases have neither (the timer ladder above is all they have).
 */
function AccountabilityCard({ state }: { state: CaseStateView }) {
  const { escalation } = state;
  const lapses = escalation.lapses ?? [];
  const proposals = escalation.proposals ?? [];
  if (lapses.length === 0 && proposals.length === 0) return null;
  const isOpen = (lapse: Lapse) => lapseIsOpen(asCaseState(state), lapse);
  const people = new Map(proposals.flatMap((proposal) => proposal.subjects).map((subject) => [subject.personId, subject]));
  const counted = Object.entries(escalation.talkCounts ?? {}).filter(([, count]) => count > 0);
  return (
    <Card title="督办与问责" size="small" data-testid="accountability-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="累计约谈（按人）">
          {counted.length === 0 ? (
            '无'
          ) : (
            <Space size={4} wrap data-testid="talk-counts">
              {counted.map(([personId, count]) => {
                const subject = people.get(personId);
                return <Tag key={personId}>{`${subject ? subjectLabel(subject) : personId} ${count} 次`}</Tag>;
              })}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {lapses.length > 0 && (
        <>
          <Typography.Title level={5}>逾期（{lapses.length}）</Typography.Title>
          <Table<Lapse>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...lapses].reverse()}
            data-testid="lapses-table"
            columns={[
              { title: '逾期时间', dataIndex: 'openedAt', width: 150, render: formatDateTime },
              {
                title: '逾期事项',
                render: (_v, lapse) => (
                  <Space orientation="vertical" size={0}>
                    {lapse.items.map((item) => (
                      <span key={item.key}>
                        {item.label}
                        <Typography.Text type="secondary">（时限 {formatDateTime(item.dueAt)}）</Typography.Text>
                      </span>
                    ))}
                  </Space>
                ),
              },
              { title: '状态', width: 90, render: (_v, lapse) => (isOpen(lapse) ? <Tag color="error">未完成</Tag> : <Tag color="success">已结束</Tag>) },
              {
                title: '约谈建议',
                width: 120,
                render: (_v, lapse) => {
                  const proposal = proposals.find((p) => p.id === lapse.talkProposalId);
                  return proposal ? `已提请（${PROPOSAL_STATUS_LABELS[proposal.status]}）` : '未提请';
                },
              },
            ]}
          />
        </>
      )}
      {proposals.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            提请事项（{proposals.length}，待处理 {proposals.filter((p) => p.status === 'proposed').length}）
          </Typography.Title>
          <Table<Proposal>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...proposals].reverse()}
            data-testid="proposals-table"
            scroll={{ x: 760 }}
            columns={[
              { title: '类型', dataIndex: 'kind', width: 110, render: (kind: Proposal['kind']) => PROPOSAL_KIND_LABELS[kind] },
              { title: '提请时间', dataIndex: 'at', width: 150, render: formatDateTime },
              {
                title: '对象与事由',
                render: (_v, proposal) => (
                  <Space orientation="vertical" size={0}>
                    <span>{proposal.subjects.map(subjectLabel).join('、')}</span>
                    <Typography.Text type="secondary">{proposal.reason}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (status: ProposalStatus) => (
                  <Tag color={PROPOSAL_STATUS_COLORS[status]} data-testid="proposal-status">
                    {PROPOSAL_STATUS_LABELS[status]}
                  </Tag>
                ),
              },
              { title: '处理结果', width: 260, render: (_v, proposal) => <ProposalOutcome proposal={proposal} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** What people did with a proposal: the talk held, the reason it was declined, or the county's decision. */
function ProposalOutcome({ proposal }: { proposal: Proposal }) {
  const by = (actor: { name: string; role: string }) => `${actor.name}（${actorRoleLabel(actor.role)}）`;
  if (proposal.talk) {
    const { talk } = proposal;
    return (
      <Space orientation="vertical" size={0} data-testid="proposal-outcome">
        <span>
          {formatDateTime(talk.heldAt)} 约谈{talk.talkedTo.map((subject) => subject.name).join('、')}
        </span>
        <span>{talk.record}</span>
        <Typography.Text type="secondary">记录人：{by(talk.recordedBy)}</Typography.Text>
      </Space>
    );
  }
  if (proposal.declined) {
    return (
      <Space orientation="vertical" size={0} data-testid="proposal-outcome">
        <span>{proposal.declined.reason}</span>
        <Typography.Text type="secondary">
          {by(proposal.declined.by)} · {formatDateTime(proposal.declined.at)}
        </Typography.Text>
      </Space>
    );
  }
  if (proposal.decision) {
    const { decision } = proposal;
    return (
      <Space orientation="vertical" size={0} data-testid="proposal-outcome">
        <Tag color={decision.decision === 'no_action' ? 'default' : 'red'}>{HANDLING_DECISION_LABELS[decision.decision]}</Tag>
        <span>{decision.reason}</span>
        <Typography.Text type="secondary">
          {by(decision.decidedBy)} · {formatDateTime(decision.decidedAt)}
        </Typography.Text>
      </Space>
    );
  }
  // Who may act on it, as the action's definition says (not restated here).
  const action = CASE_ACTIONS[proposal.kind === 'talk' ? 'recordTalk' : 'decideHandling'];
  return <Typography.Text type="secondary">待{action.roles.map((role) => USER_ROLE_LABELS[role]).join('或')}{action.label}</Typography.Text>;
}

function AcceptanceCard({ state }: { state: CaseStateView }) {
  if (state.acceptances.length === 0 && state.reviews.length === 0) {
    return (
      <Card title="验收与回头看" size="small">
        <Typography.Text type="secondary">尚未验收</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title="验收与回头看" size="small" data-testid="acceptance-card">
      {state.acceptances.length > 0 && (
        <Table
          rowKey={(record) => `${record.level}:${record.at}`}
          size="small"
          pagination={false}
          dataSource={state.acceptances}
          columns={[
            { title: '环节', dataIndex: 'level', width: 130, render: (level: AcceptanceLevel) => ACCEPTANCE_LEVEL_LABELS[level] },
            { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
            { title: '结论', dataIndex: 'passed', width: 90, render: (passed: boolean) => (passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>) },
            { title: '意见', dataIndex: 'opinion' },
            { title: '满意率', dataIndex: 'satisfactionRate', width: 80, render: (rate?: number) => percent(rate) },
            { title: '知晓率', dataIndex: 'awarenessRate', width: 80, render: (rate?: number) => percent(rate) },
            {
              title: '测评',
              dataIndex: 'assessment',
              render: (assessment: Assessment | undefined, record: AcceptanceRecord) =>
                assessment ? (
                  <span data-testid="acceptance-assessment">
                    {formatDate(assessment.heldAt)} {assessment.participants} {assessment.respondents}人：满意 {assessment.satisfied} · 基本满意 {assessment.basicallySatisfied} · 不满意{' '}
                    {assessment.dissatisfied} · 知晓 {assessment.aware}
                    {record.publicRatingRate !== undefined && <Typography.Text type="secondary">（群众在线评价 {percent(record.publicRatingRate)}，仅供参考）</Typography.Text>}
                  </span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {state.reviews.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          rowKey="at"
          size="small"
          pagination={false}
          dataSource={state.reviews}
          columns={[
            { title: '回头看', dataIndex: 'at', width: 150, render: formatDateTime },
            { title: '结论', dataIndex: 'outcome', width: 170, render: (outcome: ReviewOutcome) => REVIEW_OUTCOME_LABELS[outcome] },
            {
              title: '检查情况与意见',
              key: 'opinion',
              render: (_: unknown, review: ReviewRecord) => (
                <div data-testid="review-findings">
                  {reviewCheckLines(review).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  <div>意见：{review.opinion}</div>
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function TimelineCard({ rows }: { rows: TimelineRowView[] }) {
  const newestFirst = [...rows].sort((a, b) => b.seq - a.seq);
  return (
    <Card
      title={
        <span>
          <FileTextOutlined /> 时间线
        </span>
      }
      size="small"
      data-testid="timeline-card"
      styles={{ body: { maxHeight: 1200, overflowY: 'auto', paddingTop: 16 } }}
    >
      {newestFirst.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          items={newestFirst.map((row) => ({
            key: row.seq,
            color: timelineColor(row.type),
            title: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(row.at)}</Typography.Text>,
            content: (
              <div data-testid="timeline-row">
                <div>{readableSummary(row.summary)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.actorName}（{actorRoleLabel(row.actorRole)}）
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function timelineColor(type: string): string {
  if (/talk|organizational_handling|explanation_requested|returned|upheld|rebound|failed/.test(type)) return '#cf1322';
  if (/objection|reminder|deadline/.test(type)) return '#d46b08';
  if (/approved|publicized|completed|passed|delisted|archived|accept/.test(type)) return '#389e0d';
  return '#1f5fbf';
}

/** The workflow writes instants as ISO 8601 (UTC) into its summaries: show them in local time. */
function readableSummary(summary: string): string {
  return summary.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) => formatDateTime(iso));
}

/** What a measure's status tag explains on hover: the evidence, the report awaiting verification, the returns and the verification. */
function measureStatusNote(measure: Measure): string | undefined {
  const lines: string[] = [];
  for (const returned of measure.returns ?? []) lines.push(`${formatDateTime(returned.at)} 核验未通过（${returned.by.name}）：${returned.reason}`);
  if (measure.status === 'reported' && measure.report) lines.push(`${formatDateTime(measure.report.at)} 报告完成：${measure.report.evidence}；核验时限 ${formatDateTime(measure.report.verifyDueAt)}`);
  if (measure.evidence) lines.push(`销项说明：${measure.evidence}`);
  if (measure.verified) lines.push(`${formatDateTime(measure.verified.at)} 核验通过（${measure.verified.by.name}）：${measure.verified.comment}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** 历任书记: who held the post when, once it has changed hands. */
function secretaryTerms(state: { secretaries?: SecretaryTerm[] }): string | undefined {
  if (!state.secretaries || state.secretaries.length < 2) return undefined;
  return state.secretaries
    .map((term) => `${term.name}${term.sentFrom ? `（选派自${term.sentFrom}）` : ''}：${formatDate(term.from)} 至 ${term.until ? formatDate(term.until) : '今'}`)
    .join('；');
}
