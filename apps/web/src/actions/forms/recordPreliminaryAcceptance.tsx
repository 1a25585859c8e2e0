/** 党（工）委初验: the three checks (台账、方案、成效) and the opinion. */
import { Form, Input } from 'antd';
import { CASE_ACTIONS, TEXT_MAX, acceptanceChecks } from '@zhengdun/domain';
import type { ActionRequestBody } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { ChecksFields, UnresolvedProblemsField, allPassed, unresolvedProblemsBody, type UnresolvedRow } from '../shared-fields';

/** As validated: every check is answered and the opinion is there (each has a required rule). */
interface Values {
  checks: ActionRequestBody<'recordPreliminaryAcceptance'>['checks'];
  opinion: string;
  unresolved?: UnresolvedRow[];
}

const OPINION = describeField(CASE_ACTIONS.recordPreliminaryAcceptance.body, 'opinion');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <ChecksFields schema={acceptanceChecks} />
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
  body: (values) => ({ checks: values.checks, opinion: values.opinion.trim(), ...unresolvedProblemsBody(values.unresolved) }),
};
