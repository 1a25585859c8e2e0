/** 汇报整顿进展: what happened since the last report. */
import { Form, Input } from 'antd';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { ActionForm } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the summary has a required rule. */
interface Values {
  summary: string;
}

const SUMMARY = describeField(CASE_ACTIONS.reportProgress.body, 'summary');

function Fields() {
  return (
    <Form.Item name="summary" label={SUMMARY.label} rules={requiredRule(SUMMARY)}>
      <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder={SUMMARY.placeholder} />
    </Form.Item>
  );
}

export const reportProgressForm: ActionForm<'reportProgress', Values> = {
  initialValues: () => ({}),
  Fields,
  body: (values) => ({ summary: values.summary.trim() }),
};
