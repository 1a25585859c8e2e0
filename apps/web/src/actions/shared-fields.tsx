/** Parts several action forms share: rows of measures (plan and added measures), pass/fail checks (acceptance, review), the proposal acted on (talks, handling). */
import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { TEXT_MAX, assessment, fieldLabels, measureDraft, measureDueLimit, type Assessment, type MeasureDraft, type Proposal } from '@zhengdun/domain';
import type { z } from 'zod';
import { asCaseState, type CaseStateView } from '../api/views';
import { proposalOption, subjectLabel } from '../lib/proposals';
import { describeField, requiredRule, type FieldDescription } from './schema-fields';

/** A measure row as the form holds it: the due date is a day picked in a calendar. */
export interface MeasureRow {
  problemId?: string;
  description?: string;
  ownerId?: string;
  ownerName?: string;
  dueAt?: Dayjs | null;
}

export function problemLabel(state: CaseStateView, problemId: string): string {
  const problem = state.problems.find((p) => p.id === problemId);
  return problem ? `${problem.id}：${problem.description}` : problemId;
}

/** A new row, owned by the branch secretary until someone else is named. */
export function newMeasureRow(state: CaseStateView, problemId?: string): MeasureRow {
  return { problemId, description: '', ownerId: state.org.secretary.personId, ownerName: state.org.secretary.name, dueAt: null };
}

/** The latest a measure may be due on this case: the campaign's end, or the later rectification deadline (measureDueLimit). */
export function measureLimit(state: CaseStateView): { at: string; label: string } {
  const limit = measureDueLimit(asCaseState(state));
  return { at: limit.at, label: limit.source === 'campaign_end' ? '本轮整顿截止' : '整改期限' };
}

/** Due at the end of the chosen day, but not after the limit's instant (its last day may end earlier). */
export function measureDrafts(rows: MeasureRow[] | undefined, state: CaseStateView): MeasureDraft[] {
  const end = dayjs(measureLimit(state).at);
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

const MEASURE = {
  problemId: describeField(measureDraft, 'problemId'),
  description: describeField(measureDraft, 'description'),
  ownerName: describeField(measureDraft, 'ownerName'),
  ownerId: describeField(measureDraft, 'ownerId'),
  dueAt: describeField(measureDraft, 'dueAt'),
};

/** The measure rows; `problems` are those a measure may be for. */
export function MeasureFields({ state, problems }: { state: CaseStateView; problems: CaseStateView['problems'] }) {
  const limit = measureLimit(state);
  const endsAt = dayjs(limit.at);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        完成时限不晚于{limit.label} {endsAt.format('YYYY年M月D日')}。
      </Typography.Paragraph>
      <Form.List name="measures">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {fields.map((field, index) => (
              <div key={field.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0' }} data-testid="measure-row">
                <Row gutter={8}>
                  <Col span={22}>
                    <Form.Item name={[field.name, 'problemId']} label={`${MEASURE.description.label} ${index + 1} · ${MEASURE.problemId.label}`} rules={requiredRule(MEASURE.problemId, '选择')}>
                      <Select options={problems.map((problem) => ({ value: problem.id, label: problemLabel(state, problem.id) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: 30 }}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除此措施" />
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[field.name, 'description']} label={MEASURE.description.label} rules={requiredRule(MEASURE.description)}>
                      <Input.TextArea rows={2} maxLength={TEXT_MAX} placeholder={MEASURE.description.placeholder} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={7}>
                    <Form.Item name={[field.name, 'ownerName']} label={MEASURE.ownerName.label} rules={requiredRule(MEASURE.ownerName)}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'ownerId']} label={MEASURE.ownerId.label} rules={requiredRule(MEASURE.ownerId)}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={9}>
                    <Form.Item name={[field.name, 'dueAt']} label={MEASURE.dueAt.label} rules={requiredRule(MEASURE.dueAt, '选择')}>
                      <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day') || date.isAfter(endsAt, 'day')} />
                    </Form.Item>
                  </Col>
                </Row>
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newMeasureRow(state))}>
              增加一条措施
            </Button>
          </Space>
        )}
      </Form.List>
    </>
  );
}

/** One check of an acceptance or a review: 合格 or 不合格, to be answered. */
export function PassFailField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={['checks', name]} label={label} rules={[{ required: true, message: `请选择${label}是否合格` }]}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: true, label: '合格' },
          { value: false, label: '不合格' },
        ]}
      />
    </Form.Item>
  );
}

/** Every check of a checks schema (acceptance or review), each passed or not, labelled as the schema titles it. */
export function ChecksFields({ schema }: { schema: z.ZodObject }) {
  return (
    <>
      {Object.entries(fieldLabels(schema)).map(([key, label]) => (
        <PassFailField key={key} name={key} label={label} />
      ))}
    </>
  );
}

/** All checks passed: what a form opens with, so only a failed check needs a click. */
export function allPassed<S extends z.ZodObject>(schema: S): Record<keyof S['shape'] & string, boolean> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, true])) as Record<keyof S['shape'] & string, boolean>;
}

/**
 * The proposal an accountability action acts on (提请约谈 or 提请组织处理), with what the system said
 * when it made it: whom it names and why. `onPick` lets a form follow the choice (e.g. whom to tick).
 */
export function ProposalField({ field, proposals, onPick }: { field: FieldDescription; proposals: Proposal[]; onPick?: (proposal: Proposal) => void }) {
  const chosenId = Form.useWatch<string | undefined>('proposalId');
  const chosen = proposals.find((proposal) => proposal.id === chosenId);
  return (
    <>
      <Form.Item name="proposalId" label={field.label} rules={requiredRule(field, '选择')} style={{ marginBottom: chosen ? 4 : undefined }}>
        <Select
          options={proposals.map(proposalOption)}
          notFoundContent={`没有待处理的${field.label}`}
          onChange={(id: string) => {
            const picked = proposals.find((proposal) => proposal.id === id);
            if (picked) onPick?.(picked);
          }}
        />
      </Form.Item>
      {chosen && (
        <Typography.Paragraph type="secondary" data-testid="proposal-reason">
          {chosen.subjects.map(subjectLabel).join('、')}：{chosen.reason}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** Values of the 限期整改 list: each problem not resolved, with why. */
export interface UnresolvedRow {
  problemId?: string;
  reason?: string;
}

export function unresolvedProblemsBody(rows: UnresolvedRow[] | undefined): { unresolvedProblems?: { problemId: string; reason: string }[] } {
  const named = (rows ?? []).filter((row) => row.problemId).map((row) => ({ problemId: row.problemId!, reason: (row.reason ?? '').trim() }));
  return named.length > 0 ? { unresolvedProblems: named } : {};
}

/** 限期整改: the problems of this round an acceptance finds not resolved, each with its reason (needed when it fails). */
export function UnresolvedProblemsField({ state }: { state: CaseStateView }) {
  const problems = state.problems.filter((problem) => problem.round === state.round);
  return (
    <Form.List name="unresolved">
      {(fields, { add, remove }) => (
        <div data-testid="unresolved-problems">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            未通过时，逐个指出未整改到位的问题及原因：这些问题重新整改，支部补充措施经乡镇党委批准并落实后方可重新公示（限期整改）。
          </Typography.Paragraph>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col flex="260px">
                <Form.Item name={[field.name, 'problemId']} rules={[{ required: true, message: '请选择问题' }]}>
                  <Select placeholder="未整改到位的问题" options={problems.map((p) => ({ value: p.id, label: problemLabel(state, p.id) }))} />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Form.Item name={[field.name, 'reason']} rules={[{ required: true, whitespace: true, message: '请写明原因' }]}>
                  <Input maxLength={TEXT_MAX} placeholder="未整改到位的原因" />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }} data-testid="add-unresolved">
            添加未整改到位的问题
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 测评 as the form holds it: the date is a day picked in a calendar. */
export interface AssessmentRow {
  heldAt?: Dayjs | null;
  participants?: string;
  respondents?: number | null;
  satisfied?: number | null;
  basicallySatisfied?: number | null;
  dissatisfied?: number | null;
  aware?: number | null;
}

const ASSESSMENT_COUNTS = ['respondents', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'aware'] as const;

/** The 测评 held for an acceptance (who took part, how many, satisfied and aware), under `assessment`; the API checks that the counts add up. */
export function AssessmentFields({ required }: { required: boolean }) {
  const rule = (label: string) => (required ? [{ required: true, message: `请填写${label}` }] : []);
  const heldAt = describeField(assessment, 'heldAt');
  const participants = describeField(assessment, 'participants');
  return (
    <div data-testid="assessment-fields">
      <Row gutter={8}>
        <Col xs={24} sm={8}>
          <Form.Item name={['assessment', 'heldAt']} label={heldAt.label} rules={rule(heldAt.label)}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={['assessment', 'participants']} label={participants.label} rules={rule(participants.label)}>
            <Input maxLength={200} placeholder={participants.placeholder} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        {ASSESSMENT_COUNTS.map((key) => {
          const field = describeField(assessment, key);
          return (
            <Col xs={12} sm={key === 'respondents' || key === 'aware' ? 6 : 4} key={key}>
              <Form.Item name={['assessment', key]} label={field.label} rules={rule(field.label)}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

/** The request's `assessment`, once anyone took part; a date picked for today means now (it may not lie in the future). */
export function assessmentBody(row: AssessmentRow | undefined): { assessment?: Assessment } {
  if (!row?.respondents || !row.heldAt) return {};
  const heldAt = row.heldAt.isSame(dayjs(), 'day') ? dayjs() : row.heldAt.startOf('day');
  return {
    assessment: {
      heldAt: heldAt.toISOString(),
      participants: (row.participants ?? '').trim(),
      respondents: row.respondents,
      satisfied: row.satisfied ?? 0,
      basicallySatisfied: row.basicallySatisfied ?? 0,
      dissatisfied: row.dissatisfied ?? 0,
      aware: row.aware ?? 0,
    },
  };
}
