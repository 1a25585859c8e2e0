/** 批准补充措施: the measures the branch added for the problems in 限期整改, and the committee's comment. */
import { Form, Input, Typography } from 'antd';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { problemLabel } from '../shared-fields';

interface Values {
  comment: string;
}

const COMMENT = describeField(CASE_ACTIONS.approveMeasures.body, 'comment');

function Fields({ state }: ActionFormProps) {
  const waiting = state.measures.filter((measure) => measure.awaitsApproval);
  return (
    <>
      <Typography.Paragraph>待批准的补充措施 {waiting.length} 条：</Typography.Paragraph>
      <ul data-testid="measures-awaiting-approval">
        {waiting.map((measure) => (
          <li key={measure.id}>
            {problemLabel(state, measure.problemId)} — {measure.description}（{measure.ownerName}）
          </li>
        ))}
      </ul>
      <Form.Item name="comment" label={COMMENT.label} rules={requiredRule(COMMENT)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={COMMENT.placeholder} />
      </Form.Item>
    </>
  );
}

export const approveMeasuresForm: ActionForm<'approveMeasures', Values> = {
  initialValues: () => ({}),
  Fields,
  body: (values) => ({ comment: values.comment.trim() }),
};
