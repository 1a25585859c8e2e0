/** 作出组织处理决定: the handling proposal (whom, and the talks that led to it), the decision, and its grounds. */
import { Form, Input, Radio } from 'antd';
import { CASE_ACTIONS, HANDLING_DECISIONS, HANDLING_DECISION_LABELS, TEXT_MAX, type HandlingDecision } from '@zhengdun/domain';
import type { CaseStateView } from '../../api/views';
import { openProposals } from '../../lib/proposals';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { ProposalField } from '../shared-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  proposalId: string;
  decision: HandlingDecision;
  reason: string;
}

const PROPOSAL = describeField(CASE_ACTIONS.decideHandling.body, 'proposalId');
const DECISION = describeField(CASE_ACTIONS.decideHandling.body, 'decision');
const REASON = describeField(CASE_ACTIONS.decideHandling.body, 'reason');

const handlingProposals = (state: CaseStateView) => openProposals(state, 'organizational_handling');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <ProposalField field={PROPOSAL} proposals={handlingProposals(state)} />
      {/* No decision preselected: the county department decides, the form does not suggest one. */}
      <Form.Item name="decision" label={DECISION.label} rules={requiredRule(DECISION, '选择')}>
        <Radio.Group options={HANDLING_DECISIONS.map((decision) => ({ value: decision, label: HANDLING_DECISION_LABELS[decision] }))} />
      </Form.Item>
      <Form.Item name="reason" label={REASON.label} rules={requiredRule(REASON)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={REASON.placeholder} />
      </Form.Item>
    </>
  );
}

export const decideHandlingForm: ActionForm<'decideHandling', Values> = {
  initialValues: (state) => ({ proposalId: handlingProposals(state)[0]?.id }),
  Fields,
  body: (values) => ({ proposalId: values.proposalId, decision: values.decision, reason: values.reason.trim() }),
};
