/** 审核逾期说明: the lapse the branch explained, whether the explanation holds, a new date when it does. */
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, lapsesAwaitingReview, TEXT_MAX } from '@zhengdun/domain';
import { formatDateTime } from '../../lib/format';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  lapseId: string;
  accepted: boolean;
  newDueAt?: Dayjs;
  comment: string;
}

const LAPSE = describeField(CASE_ACTIONS.reviewExplanation.body, 'lapseId');
const ACCEPTED = describeField(CASE_ACTIONS.reviewExplanation.body, 'accepted');
const NEW_DUE_AT = describeField(CASE_ACTIONS.reviewExplanation.body, 'newDueAt');
const COMMENT = describeField(CASE_ACTIONS.reviewExplanation.body, 'comment');

function Fields({ state }: ActionFormProps) {
  const accepted = Form.useWatch<boolean | undefined>('accepted');
  return (
    <>
      <Form.Item name="lapseId" label={LAPSE.label} rules={requiredRule(LAPSE, '选择')}>
        <Select
          options={lapsesAwaitingReview(state).map(({ lapse, explanation }) => ({
            value: lapse.id,
            label: `${formatDateTime(lapse.openedAt)} 逾期：${lapse.items.map((item) => item.label).join('；')} —— 说明：${explanation.text}`.slice(0, 120),
          }))}
          notFoundContent="没有待审核的逾期说明"
        />
      </Form.Item>
      <Form.Item name="accepted" label={ACCEPTED.label} rules={requiredRule(ACCEPTED, '选择')}>
        <Radio.Group
          options={[
            { value: true, label: '认可（给出新的完成时限）' },
            { value: false, label: '不认可（提请约谈）' },
          ]}
        />
      </Form.Item>
      {accepted && (
        <Form.Item name="newDueAt" label={NEW_DUE_AT.label} rules={[{ required: true, message: `请选择${NEW_DUE_AT.label}` }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      <Form.Item name="comment" label={COMMENT.label} rules={requiredRule(COMMENT)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={COMMENT.placeholder} />
      </Form.Item>
    </>
  );
}

export const reviewExplanationForm: ActionForm<'reviewExplanation', Values> = {
  initialValues: (state) => ({ lapseId: lapsesAwaitingReview(state)[0]?.lapse.id }),
  Fields,
  body: (values) => ({
    lapseId: values.lapseId,
    accepted: values.accepted,
    ...(values.accepted && values.newDueAt ? { newDueAt: values.newDueAt.toISOString() } : {}),
    comment: values.comment.trim(),
  }),
};
