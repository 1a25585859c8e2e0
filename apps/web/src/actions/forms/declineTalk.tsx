/** 不予约谈: the talk proposal declined, and why. */
import { Form, Input } from 'antd';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { CaseStateView } from '../../api/views';
import { openProposals } from '../../lib/proposals';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { ProposalField } from '../shared-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  proposalId: string;
  reason: string;
}

const PROPOSAL = describeField(CASE_ACTIONS.declineTalk.body, 'proposalId');
const REASON = describeField(CASE_ACTIONS.declineTalk.body, 'reason');

const talkProposals = (state: CaseStateView) => openProposals(state, 'talk');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <ProposalField field={PROPOSAL} proposals={talkProposals(state)} />
      <Form.Item name="reason" label={REASON.label} rules={requiredRule(REASON)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={REASON.placeholder} />
      </Form.Item>
    </>
  );
}

export const declineTalkForm: ActionForm<'declineTalk', Values> = {
  initialValues: (state) => ({ proposalId: talkProposals(state)[0]?.id }),
  Fields,
  body: (values) => ({ proposalId: values.proposalId, reason: values.reason.trim() }),
};
