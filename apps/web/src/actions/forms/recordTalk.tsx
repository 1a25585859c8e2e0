/** 记录约谈: the talk proposal it answers, when it was held, who was talked to, and the record. */
import { Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, TEXT_MAX, type Proposal, type TalkSubject } from '@zhengdun/domain';
import type { CaseStateView } from '../../api/views';
import { openProposals, subjectLabel } from '../../lib/proposals';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';
import { ProposalField } from '../shared-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  proposalId: string;
  heldAt: Dayjs;
  talkedTo: TalkSubject['standing'][];
  record: string;
}

const PROPOSAL = describeField(CASE_ACTIONS.recordTalk.body, 'proposalId');
const HELD_AT = describeField(CASE_ACTIONS.recordTalk.body, 'heldAt');
const TALKED_TO = describeField(CASE_ACTIONS.recordTalk.body, 'talkedTo');
const RECORD = describeField(CASE_ACTIONS.recordTalk.body, 'record');

const talkProposals = (state: CaseStateView) => openProposals(state, 'talk');
/** Everyone the proposal names: usually both were talked to, so only an absence needs a click. */
const everyone = (proposal: Proposal | undefined) => proposal?.subjects.map((subject) => subject.standing) ?? [];

function Fields({ state }: ActionFormProps) {
  const form = Form.useFormInstance<Values>();
  const proposals = talkProposals(state);
  const chosenId = Form.useWatch('proposalId', form);
  const chosen = proposals.find((proposal) => proposal.id === chosenId);
  return (
    <>
      <ProposalField field={PROPOSAL} proposals={proposals} onPick={(proposal) => form.setFieldValue('talkedTo', everyone(proposal))} />
      <Form.Item name="heldAt" label={HELD_AT.label} rules={requiredRule(HELD_AT, '选择')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="talkedTo" label={TALKED_TO.label} rules={requiredRule(TALKED_TO, '选择')}>
        <Checkbox.Group options={(chosen?.subjects ?? []).map((subject) => ({ value: subject.standing, label: subjectLabel(subject) }))} data-testid="talked-to" />
      </Form.Item>
      <Form.Item name="record" label={RECORD.label} rules={requiredRule(RECORD)}>
        <Input.TextArea rows={4} maxLength={TEXT_MAX} placeholder={RECORD.placeholder} />
      </Form.Item>
    </>
  );
}

export const recordTalkForm: ActionForm<'recordTalk', Values> = {
  initialValues: (state) => {
    const first = talkProposals(state)[0];
    return { proposalId: first?.id, heldAt: dayjs(), talkedTo: everyone(first) };
  },
  Fields,
  body: (values) => ({ proposalId: values.proposalId, heldAt: values.heldAt.toISOString(), talkedTo: values.talkedTo, record: values.record.trim() }),
};
