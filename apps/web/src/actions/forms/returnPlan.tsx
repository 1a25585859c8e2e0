/** 退回整顿方案: the reasons, one per line. */
import { Form, Input } from 'antd';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { ActionForm } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the reasons have a required rule. */
interface Values {
  reasons: string;
}

const REASONS = describeField(CASE_ACTIONS.returnPlan.body, 'reasons');

function Fields() {
  return (
    <Form.Item name="reasons" label={`${REASONS.label}（每行一条）`} rules={requiredRule(REASONS)}>
      <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder={REASONS.placeholder} />
    </Form.Item>
  );
}

export const returnPlanForm: ActionForm<'returnPlan', Values> = {
  initialValues: () => ({}),
  Fields,
  body: (values) => ({
    reasons: values.reasons
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
  }),
};
