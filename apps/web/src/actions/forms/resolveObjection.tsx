/** 处理公示异议: an open objection, whether it holds, and why; an upheld one names its problem, or adds it. */
import { Form, Input, Radio, Select } from 'antd';
import { CASE_ACTIONS, OBJECTION_STATUS_LABELS, PROBLEM_CATEGORIES, TEXT_MAX, problemCategoriesFor, problemInput, type ProblemCategory } from '@zhengdun/domain';
import type { ActionRequestBody, CaseStateView } from '../../api/views';
import { formatDateTime } from '../../lib/format';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { problemLabel } from '../shared-fields';

type Decision = ActionRequestBody<'resolveObjection'>['decision'];

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  objectionId: string;
  decision: Decision;
  reason: string;
  problemId?: string;
  newProblem?: { category?: ProblemCategory; description?: string };
}

/** The choice "a problem the plan never listed" among the problems. */
const NEW_PROBLEM = 'new';

const OBJECTION = describeField(CASE_ACTIONS.resolveObjection.body, 'objectionId');
const DECISION = describeField(CASE_ACTIONS.resolveObjection.body, 'decision');
const REASON = describeField(CASE_ACTIONS.resolveObjection.body, 'reason');
const PROBLEM = describeField(CASE_ACTIONS.resolveObjection.body, 'problemId');
const CATEGORY = describeField(problemInput, 'category');
const DESCRIPTION = describeField(problemInput, 'description');

/** What each decision does to the case, beside its status label. */
const DECISION_OPTIONS: { value: Decision; label: string }[] = [
  { value: 'dismissed', label: `${OBJECTION_STATUS_LABELS.dismissed}（继续公示）` },
  { value: 'upheld', label: OBJECTION_STATUS_LABELS.upheld },
];

const openObjections = (state: CaseStateView) => state.objections.filter((o) => o.status === 'open');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <Form.Item name="objectionId" label={OBJECTION.label} rules={requiredRule(OBJECTION, '选择')}>
        <Select
          options={openObjections(state).map((o) => ({ value: o.id, label: `${formatDateTime(o.receivedAt)}：${o.content.slice(0, 60)}` }))}
          notFoundContent="没有待处理的异议"
        />
      </Form.Item>
      <Form.Item name="decision" label={DECISION.label} rules={requiredRule(DECISION, '选择')}>
        <Radio.Group options={DECISION_OPTIONS} />
      </Form.Item>
      <Form.Item name="reason" label={REASON.label} rules={requiredRule(REASON)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={REASON.placeholder} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(before, after) => before.decision !== after.decision || before.problemId !== after.problemId}>
        {({ getFieldValue }) =>
          getFieldValue('decision') === 'upheld' ? (
            <>
              <Form.Item name="problemId" label={`${PROBLEM.label}（属实时必选，该问题限期整改）`} rules={[{ required: true, message: `请选择${PROBLEM.label}` }]}>
                <Select
                  options={[
                    ...state.problems.filter((p) => p.round === state.round).map((p) => ({ value: p.id, label: problemLabel(state, p.id) })),
                    { value: NEW_PROBLEM, label: '方案未列的新问题（新增并限期整改）' },
                  ]}
                />
              </Form.Item>
              {getFieldValue('problemId') === NEW_PROBLEM && (
                <>
                  <Form.Item name={['newProblem', 'category']} label={`新问题：${CATEGORY.label}`} rules={requiredRule(CATEGORY, '选择')}>
                    <Select showSearch optionFilterProp="label" options={problemCategoriesFor(state.org.domain).map((key) => ({ value: key, label: PROBLEM_CATEGORIES[key] }))} />
                  </Form.Item>
                  <Form.Item name={['newProblem', 'description']} label={`新问题：${DESCRIPTION.label}`} rules={requiredRule(DESCRIPTION)}>
                    <Input maxLength={TEXT_MAX} placeholder={DESCRIPTION.placeholder} />
                  </Form.Item>
                </>
              )}
            </>
          ) : null
        }
      </Form.Item>
    </>
  );
}

export const resolveObjectionForm: ActionForm<'resolveObjection', Values> = {
  initialValues: (state) => ({ objectionId: openObjections(state)[0]?.id }),
  Fields,
  body: (values) => ({
    objectionId: values.objectionId,
    decision: values.decision,
    reason: values.reason.trim(),
    ...(values.decision === 'upheld' && values.problemId && values.problemId !== NEW_PROBLEM ? { problemId: values.problemId } : {}),
    ...(values.decision === 'upheld' && values.problemId === NEW_PROBLEM && values.newProblem?.category
      ? { newProblem: { category: values.newProblem.category, description: (values.newProblem.description ?? '').trim() } }
      : {}),
  }),
};
