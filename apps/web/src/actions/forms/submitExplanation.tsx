/** 逾期说明原因: an overdue item the branch was asked to explain, and the explanation. */
import { Form, Input, Select } from 'antd';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { CaseStateView } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  dueItemKey: string;
  explanation: string;
}

const DUE_ITEM = describeField(CASE_ACTIONS.submitExplanation.body, 'dueItemKey');
const EXPLANATION = describeField(CASE_ACTIONS.submitExplanation.body, 'explanation');

const explainedKeys = (state: CaseStateView) => new Set(state.escalation.explanations.map((e) => e.dueItemKey));

function Fields({ state }: ActionFormProps) {
  const explained = explainedKeys(state);
  const requested = state.escalation.records.filter((r) => r.step === 'explanation_requested');
  const unique = [...new Map(requested.map((r) => [r.dueItemKey, r])).values()];
  return (
    <>
      <Form.Item name="dueItemKey" label={DUE_ITEM.label} rules={requiredRule(DUE_ITEM, '选择')}>
        <Select
          options={unique.map((r) => ({ value: r.dueItemKey, label: `${r.dueItemLabel}${explained.has(r.dueItemKey) ? '（已说明过）' : ''}` }))}
          notFoundContent="没有被要求说明原因的事项"
        />
      </Form.Item>
      <Form.Item name="explanation" label={EXPLANATION.label} rules={requiredRule(EXPLANATION)}>
        <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder={EXPLANATION.placeholder} />
      </Form.Item>
    </>
  );
}

export const submitExplanationForm: ActionForm<'submitExplanation', Values> = {
  initialValues: (state) => {
    const explained = explainedKeys(state);
    return { dueItemKey: state.escalation.records.find((r) => r.step === 'explanation_requested' && !explained.has(r.dueItemKey))?.dueItemKey };
  },
  Fields,
  body: (values) => ({ dueItemKey: values.dueItemKey, explanation: values.explanation.trim() }),
};
