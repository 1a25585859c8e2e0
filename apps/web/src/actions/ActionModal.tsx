/**
 * One form per case action (ACTION_RULES of @zhengdun/domain), sent to
 * POST /cases/:caseId/actions/<type>. Plans are checked here first with the domain's planIssues;
 * everything else is the workflow's to decide, and its refusal (problem+json) is shown as it says it.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACTION_RULES,
  PROBLEM_CATEGORIES,
  TEAM_ROLE_LABELS,
  currentMeasures,
  openProblems,
  planIssues,
  requiredTeamRoles,
  satisfactionRate,
  type CaseActionType,
  type CaseState,
  type MeasureDraft,
  type ProblemCategory,
  type TeamMember,
  type TeamRole,
} from '@zhengdun/domain';
import { ApiProblem, apiPost, casePath } from '../api/http';
import type { CaseStateView } from '../api/types';
import { ProblemAlert } from '../components/common';
import { randomId } from '../lib/ids';
import { ACCEPTANCE_CHECK_LABELS, REVIEW_CHECK_LABELS } from '../lib/labels';
import { formatDateTime, percent } from '../lib/format';

interface MeasureRow {
  problemId?: string;
  description?: string;
  ownerId?: string;
  ownerName?: string;
  dueAt?: Dayjs | null;
}

interface MemberRow {
  teamRole: TeamRole;
  personId?: string;
  name?: string;
  title?: string;
  isTownshipPartySecretary?: boolean;
}

type Values = Record<string, unknown>;

const TEXT_MAX = 2000;
const problemCategoryOptions = (Object.keys(PROBLEM_CATEGORIES) as ProblemCategory[]).map((key) => ({ value: key, label: PROBLEM_CATEGORIES[key] }));

function asState(view: CaseStateView): CaseState {
  return { ...view, timeline: [] } as CaseState;
}

function problemLabel(state: CaseStateView, problemId: string): string {
  const problem = state.problems.find((p) => p.id === problemId);
  return problem ? `${problem.id}：${problem.description}` : problemId;
}

function initialValues(type: CaseActionType, state: CaseStateView): Values {
  const secretary = state.org.secretary;
  switch (type) {
    case 'assignTeam': {
      const members: MemberRow[] = requiredTeamRoles(state.org.domain).map((teamRole) => {
        const existing = state.team.find((member) => member.teamRole === teamRole);
        return existing ? { ...existing } : { teamRole };
      });
      return { members };
    }
    case 'submitPlan': {
      const round = currentMeasures(asState(state));
      if (round.length > 0) {
        return { measures: round.map((m) => ({ problemId: m.problemId, description: m.description, ownerId: m.ownerId, ownerName: m.ownerName, dueAt: dayjs(m.dueAt) })) };
      }
      const problems = state.problems.filter((problem) => problem.round === state.round);
      return { measures: problems.map((problem) => ({ problemId: problem.id, description: '', ownerId: secretary.personId, ownerName: secretary.name, dueAt: null })) };
    }
    case 'addMeasures':
      return { measures: [{ problemId: openProblems(asState(state))[0]?.id, description: '', ownerId: secretary.personId, ownerName: secretary.name, dueAt: null }] };
    case 'recordPreliminaryAcceptance':
    case 'recordCountyAcceptance':
      return { checks: { ledger: true, plan: true, results: true } };
    case 'recordFollowUpReview':
      return { checks: { measuresCarriedOut: true, mechanismsWorking: true, promisesDelivered: true, unqualifiedMembersHandled: true }, reboundedProblemIds: [], newProblems: [] };
    case 'resolveObjection':
      return { objectionId: state.objections.find((o) => o.status === 'open')?.id, decision: undefined };
    case 'completeMeasure':
      return { measureId: currentMeasures(asState(state)).find((m) => m.status === 'pending')?.id };
    case 'submitExplanation': {
      const explained = new Set(state.escalation.explanations.map((e) => e.dueItemKey));
      return { dueItemKey: state.escalation.records.find((r) => r.step === 'explanation_requested' && !explained.has(r.dueItemKey))?.dueItemKey };
    }
    default:
      return {};
  }
}

/** Due at the end of the chosen day, but never after the campaign's end (the last day may end earlier). */
function measureDrafts(rows: MeasureRow[] | undefined, campaignEndsAt: string): MeasureDraft[] {
  const end = dayjs(campaignEndsAt);
  return (rows ?? []).map((row) => {
    const due = row.dueAt ? row.dueAt.endOf('day') : null;
    return {
      problemId: row.problemId ?? '',
      description: (row.description ?? '').trim(),
      ownerId: (row.ownerId ?? '').trim(),
      ownerName: (row.ownerName ?? '').trim(),
      dueAt: due ? (due.isAfter(end) ? end : due).toISOString() : '',
    };
  });
}

/** The request body for the action, or the reasons it would be refused (checked here, in Chinese). */
function bodyFor(type: CaseActionType, values: Values, state: CaseStateView): { body: Record<string, unknown> } | { issues: string[] } {
  switch (type) {
    case 'assignTeam': {
      const rows = (values.members as MemberRow[] | undefined) ?? [];
      const members: TeamMember[] = rows
        .filter((row) => (row.personId ?? '').trim() && (row.name ?? '').trim())
        .map((row) => ({
          teamRole: row.teamRole,
          personId: row.personId!.trim(),
          name: row.name!.trim(),
          ...(row.title?.trim() ? { title: row.title.trim() } : {}),
          ...(row.teamRole === 'township_leader' ? { isTownshipPartySecretary: !!row.isTownshipPartySecretary } : {}),
        }));
      if (members.length === 0) return { issues: ['请至少落实一名包抓责任人（填写人员编号和姓名）'] };
      return { body: { members } };
    }
    case 'submitPlan':
    case 'addMeasures': {
      const measures = measureDrafts(values.measures as MeasureRow[] | undefined, state.campaign.endsAt);
      const issues = planIssues(asState(state), measures, new Date().toISOString(), { requireEveryProblem: type === 'submitPlan' });
      if (issues.length > 0) return { issues: issues.map((issue) => issue.messageZh) };
      return { body: { measures } };
    }
    case 'returnPlan': {
      const reasons = String(values.reasons ?? '')
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean);
      return { body: { reasons } };
    }
    case 'approvePlan': {
      const comment = String(values.comment ?? '').trim();
      return { body: comment ? { comment } : {} };
    }
    case 'completeMeasure':
      return { body: { measureId: values.measureId, evidence: String(values.evidence ?? '').trim() } };
    case 'reportProgress':
      return { body: { summary: String(values.summary ?? '').trim() } };
    case 'submitExplanation':
      return { body: { dueItemKey: values.dueItemKey, explanation: String(values.explanation ?? '').trim() } };
    case 'startPublicity':
      return { body: {} };
    case 'resolveObjection':
      return { body: { objectionId: values.objectionId, decision: values.decision, reason: String(values.reason ?? '').trim() } };
    case 'recordPreliminaryAcceptance':
      return { body: { checks: values.checks, opinion: String(values.opinion ?? '').trim() } };
    case 'recordCountyAcceptance': {
      const respondents = values.surveyRespondents as number | null | undefined;
      const satisfied = values.surveySatisfied as number | null | undefined;
      if ((respondents ?? null) !== null && (satisfied ?? 0) > (respondents ?? 0)) return { issues: ['测评中“满意”人数不能多于参加测评人数'] };
      const survey = typeof respondents === 'number' && respondents > 0 ? { survey: { respondents, satisfied: satisfied ?? 0 } } : {};
      return { body: { checks: values.checks, opinion: String(values.opinion ?? '').trim(), ...survey } };
    }
    case 'recordFollowUpReview': {
      const newProblems = ((values.newProblems as { category?: ProblemCategory; description?: string }[] | undefined) ?? [])
        .filter((row) => row.category && (row.description ?? '').trim())
        .map((row) => ({ category: row.category, description: row.description!.trim() }));
      return { body: { checks: values.checks, opinion: String(values.opinion ?? '').trim(), reboundedProblemIds: values.reboundedProblemIds ?? [], newProblems } };
    }
  }
}

const required = (message: string) => [{ required: true, whitespace: true, message }];
const requiredChoice = (message: string) => [{ required: true, message }];

function MeasureFields({ state, requireEveryProblem }: { state: CaseStateView; requireEveryProblem: boolean }) {
  const endsAt = dayjs(state.campaign.endsAt);
  const problems = state.problems.filter((problem) => problem.round === state.round || !requireEveryProblem);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        一村一策：每个问题至少一条具体措施，写明做什么、谁负责、何时完成（不晚于本轮整顿截止 {endsAt.format('YYYY年M月D日')}）。
      </Typography.Paragraph>
      <Form.List name="measures">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {fields.map((field, index) => (
              <div key={field.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0' }} data-testid="measure-row">
                <Row gutter={8}>
                  <Col span={22}>
                    <Form.Item name={[field.name, 'problemId']} label={`措施 ${index + 1} · 针对问题`} rules={requiredChoice('请选择对应的问题')}>
                      <Select options={problems.map((problem) => ({ value: problem.id, label: problemLabel(state, problem.id) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: 30 }}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除此措施" />
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[field.name, 'description']} label="措施内容" rules={required('请写明具体措施')}>
                      <Input.TextArea rows={2} maxLength={TEXT_MAX} placeholder="如：每月召开党员大会，落实“三会一课”并建立台账" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={7}>
                    <Form.Item name={[field.name, 'ownerName']} label="责任人" rules={required('请填写责任人')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'ownerId']} label="责任人编号" rules={required('请填写责任人编号')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={9}>
                    <Form.Item name={[field.name, 'dueAt']} label="完成时限" rules={requiredChoice('请选择完成时限')}>
                      <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day') || date.isAfter(endsAt, 'day')} />
                    </Form.Item>
                  </Col>
                </Row>
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ ownerId: state.org.secretary.personId, ownerName: state.org.secretary.name, dueAt: null })}
            >
              增加一条措施
            </Button>
          </Space>
        )}
      </Form.List>
    </>
  );
}

function ChecksFields({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(labels).map(([key, label]) => (
        <Form.Item key={key} name={['checks', key]} label={label} rules={requiredChoice('请选择')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: '合格' },
              { value: false, label: '不合格' },
            ]}
          />
        </Form.Item>
      ))}
    </>
  );
}

function Fields({ type, state }: { type: CaseActionType; state: CaseStateView }) {
  switch (type) {
    case 'assignTeam':
      return (
        <>
          <Typography.Paragraph type="secondary">
            {state.org.domain === 'rural'
              ? '农村党组织须落实“四个一”：联村县级领导、包村乡镇领导、驻村第一书记、结对帮扶单位。'
              : '按领域落实包抓责任人。'}
            {state.org.isKeyVillage && '本村为重点村、难点村，包村乡镇领导须由乡镇党委书记担任。'}
          </Typography.Paragraph>
          <Form.List name="members">
            {(fields) =>
              fields.map((field) => (
                <Form.Item key={field.key} noStyle shouldUpdate>
                  {(form) => {
                    const teamRole = form.getFieldValue(['members', field.name, 'teamRole']) as TeamRole;
                    return (
                      <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 12px 0', marginBottom: 8 }}>
                        <Typography.Text strong>{TEAM_ROLE_LABELS[teamRole]}</Typography.Text>
                        <Row gutter={8} style={{ marginTop: 6 }}>
                          <Col xs={24} sm={8}>
                            <Form.Item name={[field.name, 'name']} label="姓名 / 单位">
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={8}>
                            <Form.Item name={[field.name, 'personId']} label="人员编号">
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={8}>
                            <Form.Item name={[field.name, 'title']} label="职务">
                              <Input />
                            </Form.Item>
                          </Col>
                          {teamRole === 'township_leader' && (
                            <Col span={24}>
                              <Form.Item name={[field.name, 'isTownshipPartySecretary']} valuePropName="checked">
                                <Checkbox>由乡镇党委书记担任</Checkbox>
                              </Form.Item>
                            </Col>
                          )}
                        </Row>
                      </div>
                    );
                  }}
                </Form.Item>
              ))
            }
          </Form.List>
        </>
      );
    case 'submitPlan':
      return (
        <>
          {state.plan.status === 'returned' && state.plan.returnReasons.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="上一版方案被退回" description={state.plan.returnReasons.join('；')} />
          )}
          <MeasureFields state={state} requireEveryProblem />
        </>
      );
    case 'addMeasures':
      return <MeasureFields state={state} requireEveryProblem={false} />;
    case 'returnPlan':
      return (
        <Form.Item name="reasons" label="退回理由（每行一条）" rules={required('请写明退回理由')}>
          <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder="如：措施过于笼统，未明确完成时限" />
        </Form.Item>
      );
    case 'approvePlan':
      return (
        <>
          <Typography.Paragraph>
            审批通过后，整顿方案将在本单位公开，案件进入“整顿实施”阶段。共 {currentMeasures(asState(state)).length} 条措施。
          </Typography.Paragraph>
          <Form.Item name="comment" label="审批意见（可选）">
            <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder="如：同意按此方案实施" />
          </Form.Item>
        </>
      );
    case 'completeMeasure': {
      const pending = currentMeasures(asState(state)).filter((m) => m.status === 'pending');
      return (
        <>
          <Form.Item name="measureId" label="销项的措施" rules={requiredChoice('请选择措施')}>
            <Select options={pending.map((m) => ({ value: m.id, label: `${m.id}：${m.description}（${m.ownerName}）` }))} />
          </Form.Item>
          <Form.Item name="evidence" label="整改成效说明" rules={required('请写明整改成效')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder="如：已召开党员大会通报整改情况，台账附后" />
          </Form.Item>
        </>
      );
    }
    case 'reportProgress':
      return (
        <Form.Item name="summary" label="进展情况" rules={required('请填写汇报内容')}>
          <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder="如：本月召开党员大会1次，化解矛盾2件" />
        </Form.Item>
      );
    case 'submitExplanation': {
      const explained = new Set(state.escalation.explanations.map((e) => e.dueItemKey));
      const requested = state.escalation.records.filter((r) => r.step === 'explanation_requested');
      const unique = [...new Map(requested.map((r) => [r.dueItemKey, r])).values()];
      return (
        <>
          <Form.Item name="dueItemKey" label="逾期事项" rules={requiredChoice('请选择逾期事项')}>
            <Select
              options={unique.map((r) => ({ value: r.dueItemKey, label: `${r.dueItemLabel}${explained.has(r.dueItemKey) ? '（已说明过）' : ''}` }))}
              notFoundContent="没有被要求说明原因的事项"
            />
          </Form.Item>
          <Form.Item name="explanation" label="逾期原因" rules={required('请写明逾期原因')}>
            <Input.TextArea rows={4} maxLength={TEXT_MAX} />
          </Form.Item>
        </>
      );
    }
    case 'startPublicity': {
      const measures = currentMeasures(asState(state));
      const pending = measures.filter((m) => m.status === 'pending').length;
      return (
        <Typography.Paragraph>
          启动后，整顿结果向党员群众公示，公示期内群众可以提出异议、参与满意度测评。本轮措施 {measures.length} 条，
          {pending > 0 ? <Typography.Text type="danger">尚有 {pending} 条未销项。</Typography.Text> : '已全部销项。'}
        </Typography.Paragraph>
      );
    }
    case 'resolveObjection': {
      const open = state.objections.filter((o) => o.status === 'open');
      return (
        <>
          <Form.Item name="objectionId" label="群众异议" rules={requiredChoice('请选择要处理的异议')}>
            <Select options={open.map((o) => ({ value: o.id, label: `${formatDateTime(o.receivedAt)}：${o.content.slice(0, 60)}` }))} notFoundContent="没有待处理的异议" />
          </Form.Item>
          <Form.Item name="decision" label="核实结论" rules={requiredChoice('请选择核实结论')}>
            <Radio.Group
              options={[
                { value: 'dismissed', label: '不成立（继续公示）' },
                { value: 'upheld', label: '属实（退回限期整改）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="核实情况及理由" rules={required('请写明理由')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        </>
      );
    }
    case 'recordPreliminaryAcceptance':
      return (
        <>
          <ChecksFields labels={ACCEPTANCE_CHECK_LABELS} />
          <Form.Item name="opinion" label="初验意见" rules={required('请填写初验意见')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        </>
      );
    case 'recordCountyAcceptance': {
      const rate = satisfactionRate(state.satisfaction);
      return (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="群众在线测评满意率">{percent(rate)}</Descriptions.Item>
            <Descriptions.Item label="验收要求">{percent(state.policy.satisfactionThreshold, 0)} 以上</Descriptions.Item>
          </Descriptions>
          <ChecksFields labels={ACCEPTANCE_CHECK_LABELS} />
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="surveyRespondents" label="现场测评人数（可选）">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="surveySatisfied" label="其中满意、基本满意人数">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="opinion" label="验收意见" rules={required('请填写验收意见')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder="如：同意销号" />
          </Form.Item>
        </>
      );
    }
    case 'recordFollowUpReview':
      return (
        <>
          <ChecksFields labels={REVIEW_CHECK_LABELS} />
          <Form.Item name="reboundedProblemIds" label="反弹的问题（旧问题反弹）">
            <Select mode="multiple" allowClear options={state.problems.map((p) => ({ value: p.id, label: problemLabel(state, p.id) }))} placeholder="无反弹则不选" />
          </Form.Item>
          <Form.List name="newProblems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8}>
                    <Col xs={24} sm={9}>
                      <Form.Item name={[field.name, 'category']} label="新发现问题类别" rules={requiredChoice('请选择类别')}>
                        <Select options={problemCategoryOptions} showSearch optionFilterProp="label" />
                      </Form.Item>
                    </Col>
                    <Col xs={22} sm={13}>
                      <Form.Item name={[field.name, 'description']} label="问题描述" rules={required('请描述问题')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={2} style={{ paddingTop: 30 }}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                  增加新发现的问题
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="opinion" label="回头看意见" rules={required('请填写回头看意见')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        </>
      );
  }
}

export function ActionModal({
  type,
  state,
  onClose,
  onDone,
}: {
  type: CaseActionType;
  state: CaseStateView;
  onClose: () => void;
  onDone: (next: CaseStateView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per attempt; kept only when the network failed, so a retry is applied once.
  const idempotencyKey = useRef(randomId('web-'));
  const rule = ACTION_RULES[type];
  const wide = type === 'submitPlan' || type === 'addMeasures' || type === 'assignTeam' || type === 'recordFollowUpReview';

  useEffect(() => {
    form.setFieldsValue(initialValues(type, state));
    // Only when the modal opens: later polls must not overwrite what the user is typing.
  }, [type]);

  async function submit() {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const built = bodyFor(type, values, state);
    if ('issues' in built) {
      const detail = built.issues.length === 1 ? built.issues[0] : `共有 ${built.issues.length} 处需要完善：`;
      setError(new ApiProblem(400, { title: '请先完善以下内容', detail, errors: built.issues.length === 1 ? [] : built.issues.map((text) => ({ field: '', detail: text })) }));
      return;
    }
    setBusy(true);
    try {
      const next = await apiPost<CaseStateView>(`${casePath(state.caseId)}/actions/${type}`, built.body, { idempotencyKey: idempotencyKey.current });
      idempotencyKey.current = randomId('web-');
      onDone(next);
    } catch (caught) {
      if (!(caught instanceof ApiProblem && caught.status === 0)) idempotencyKey.current = randomId('web-');
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={rule.label}
      width={wide ? 760 : 560}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'action-submit' } as Record<string, string>}
      data-testid={`action-modal-${type}`}
    >
      <div data-testid="action-modal">
        <ProblemAlert error={error} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" disabled={busy}>
          <Fields type={type} state={state} />
        </Form>
      </div>
    </Modal>
  );
}
