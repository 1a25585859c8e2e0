/** 审批通过整顿方案: an optional comment; the plan is then made public in the organization. */
import { Alert, Form, Input, Typography } from 'antd';
import { CASE_ACTIONS, TEXT_MAX, currentMeasures } from '@zhengdun/domain';
import { usePlanWarnings } from '../../api/queries';
import { asCaseState } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField } from '../schema-fields';

interface Values {
  comment?: string;
}

const COMMENT = describeField(CASE_ACTIONS.approvePlan.body, 'comment');

/** Warnings, not refusals: the committee decides, having seen them. */
function PlanWarnings({ caseId }: { caseId: string }) {
  const warnings = usePlanWarnings(caseId).data?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={`审批前请注意（${warnings.length} 条提示）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="plan-warnings">
          {warnings.map((warning) => (
            <li key={`${warning.kind}:${warning.measureId ?? warning.problemId ?? warning.caseId}`}>{warning.messageZh}</li>
          ))}
        </ul>
      }
    />
  );
}

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <PlanWarnings caseId={state.caseId} />
      <Typography.Paragraph>审批通过后，整顿方案将在本单位公开。共 {currentMeasures(asCaseState(state)).length} 条措施。</Typography.Paragraph>
      <Form.Item name="comment" label={`${COMMENT.label}（可选）`}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={COMMENT.placeholder} />
      </Form.Item>
    </>
  );
}

export const approvePlanForm: ActionForm<'approvePlan', Values> = {
  initialValues: () => ({}),
  Fields,
  body: (values) => {
    const comment = (values.comment ?? '').trim();
    return comment ? { comment } : {};
  },
};
