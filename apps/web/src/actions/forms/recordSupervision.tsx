/** 记录督导检查: how the visit was made, when, who went, what was found; during remediation, a problem it found. */
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, PROBLEM_CATEGORIES, SUPERVISION_KIND_LABELS, TEXT_MAX, problemCategoriesFor, problemInput, type ProblemCategory, type SupervisionKind } from '@zhengdun/domain';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  kind: SupervisionKind;
  visitedAt: Dayjs;
  visitors: string;
  findings: string;
  newProblem?: { category?: ProblemCategory; description?: string };
}

const body = CASE_ACTIONS.recordSupervision.body;
const KIND = describeField(body, 'kind');
const VISITED_AT = describeField(body, 'visitedAt');
const VISITORS = describeField(body, 'visitors');
const FINDINGS = describeField(body, 'findings');
const CATEGORY = describeField(problemInput, 'category');
const DESCRIPTION = describeField(problemInput, 'description');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <Form.Item name="kind" label={KIND.label} rules={requiredRule(KIND, '选择')}>
        <Radio.Group optionType="button" options={Object.entries(SUPERVISION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={8}>
          <Form.Item name="visitedAt" label={VISITED_AT.label} rules={[{ required: true, message: `请选择${VISITED_AT.label}` }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="visitors" label={VISITORS.label} rules={requiredRule(VISITORS)}>
            <Input maxLength={200} placeholder={VISITORS.placeholder} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="findings" label={FINDINGS.label} rules={requiredRule(FINDINGS)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={FINDINGS.placeholder} />
      </Form.Item>
      {state.stage === 'remediating' && (
        <Row gutter={8}>
          <Col xs={24} sm={9}>
            <Form.Item name={['newProblem', 'category']} label={`发现的新问题：${CATEGORY.label}（可选）`}>
              <Select allowClear showSearch optionFilterProp="label" options={problemCategoriesFor(state.org.domain).map((key) => ({ value: key, label: PROBLEM_CATEGORIES[key] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={15}>
            <Form.Item name={['newProblem', 'description']} label={DESCRIPTION.label} extra="列入本轮整顿，支部补充措施（限期整改）">
              <Input maxLength={TEXT_MAX} placeholder={DESCRIPTION.placeholder} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

export const recordSupervisionForm: ActionForm<'recordSupervision', Values> = {
  initialValues: () => ({ kind: 'unannounced', visitedAt: dayjs() }),
  Fields,
  body: (values) => {
    // A date picked for today means now: the date may not lie in the future.
    const visitedAt = values.visitedAt.isSame(dayjs(), 'day') ? dayjs() : values.visitedAt.startOf('day');
    const problem = values.newProblem?.category ? { newProblem: { category: values.newProblem.category, description: (values.newProblem.description ?? '').trim() } } : {};
    return { kind: values.kind, visitedAt: visitedAt.toISOString(), visitors: values.visitors.trim(), findings: values.findings.trim(), ...problem };
  },
};
