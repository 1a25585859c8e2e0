/** 设定整改期限: the county's deadline for a case still open after its campaign's end, with the reason. */
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, TEXT_MAX, chinaDate } from '@zhengdun/domain';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: both fields are there (each has a required rule). */
interface Values {
  dueAt: Dayjs;
  reason: string;
}

const DUE_AT = describeField(CASE_ACTIONS.setRectificationDeadline.body, 'dueAt');
const REASON = describeField(CASE_ACTIONS.setRectificationDeadline.body, 'reason');

function Fields({ state }: ActionFormProps) {
  const current = state.deadlines.rectificationDueAt;
  return (
    <>
      <Form.Item label="整顿批次截止">{chinaDate(state.campaign.endsAt)}</Form.Item>
      {current && <Form.Item label="现行整改期限">{chinaDate(current)}</Form.Item>}
      <Form.Item
        name="dueAt"
        label={DUE_AT.label}
        rules={[{ required: true, message: `请选择${DUE_AT.label}` }]}
        extra="整改措施的完成时限不得晚于此日；支部自今日起重新计算整顿方案提交期限，整改期限须晚于该期限"
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => !date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={REASON.label} rules={requiredRule(REASON)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={REASON.placeholder} />
      </Form.Item>
    </>
  );
}

export const setRectificationDeadlineForm: ActionForm<'setRectificationDeadline', Values> = {
  initialValues: () => ({}),
  Fields,
  // The whole day picked counts: the deadline is its end.
  body: (values) => ({ dueAt: values.dueAt.endOf('day').toISOString(), reason: values.reason.trim() }),
};
