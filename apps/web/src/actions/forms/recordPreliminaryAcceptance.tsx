/** 党（工）委初验: the three checks (台账、方案、成效), the 测评 if one was held (for the county to see), and the opinion. */
import { Form, Input, Switch } from 'antd';
import { CASE_ACTIONS, TEXT_MAX, acceptanceChecks } from '@zhengdun/domain';
import type { ActionRequestBody } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { AssessmentFields, ChecksFields, UnresolvedProblemsField, allPassed, assessmentBody, unresolvedProblemsBody, type AssessmentRow, type UnresolvedRow } from '../shared-fields';

/** As validated: every check is answered and the opinion is there (each has a required rule). */
interface Values {
  checks: ActionRequestBody<'recordPreliminaryAcceptance'>['checks'];
  opinion: string;
  assessed?: boolean;
  assessment?: AssessmentRow;
  unresolved?: UnresolvedRow[];
}

const OPINION = describeField(CASE_ACTIONS.recordPreliminaryAcceptance.body, 'opinion');

function Fields({ state }: ActionFormProps) {
  const assessed = Form.useWatch<boolean | undefined>('assessed');
  return (
    <>
      <ChecksFields schema={acceptanceChecks} />
      <Form.Item name="assessed" label="组织了测评" valuePropName="checked">
        <Switch />
      </Form.Item>
      {assessed && <AssessmentFields required />}
      <UnresolvedProblemsField state={state} />
      <Form.Item name="opinion" label={OPINION.label} rules={requiredRule(OPINION)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={OPINION.placeholder} />
      </Form.Item>
    </>
  );
}

export const recordPreliminaryAcceptanceForm: ActionForm<'recordPreliminaryAcceptance', Values> = {
  initialValues: () => ({ checks: allPassed(acceptanceChecks) }),
  Fields,
  body: (values) => ({
    checks: values.checks,
    opinion: values.opinion.trim(),
    ...(values.assessed ? assessmentBody(values.assessment) : {}),
    ...unresolvedProblemsBody(values.unresolved),
  }),
};
