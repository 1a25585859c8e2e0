/** 调整支部书记: the new secretary (选派 from an agency, or from the village), the date and the reason. */
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, TEXT_MAX } from '@zhengdun/domain';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  personId: string;
  name: string;
  sent: boolean;
  sentFrom?: string;
  effectiveAt: Dayjs;
  reason: string;
}

const PERSON = describeField(CASE_ACTIONS.replaceSecretary.body, 'personId');
const NAME = describeField(CASE_ACTIONS.replaceSecretary.body, 'name');
const SENT_FROM = describeField(CASE_ACTIONS.replaceSecretary.body, 'sentFrom');
const EFFECTIVE_AT = describeField(CASE_ACTIONS.replaceSecretary.body, 'effectiveAt');
const REASON = describeField(CASE_ACTIONS.replaceSecretary.body, 'reason');

function Fields({ state }: ActionFormProps) {
  const sent = Form.useWatch<boolean | undefined>('sent');
  return (
    <>
      <Form.Item label="现任支部书记">{state.org.secretary.name}</Form.Item>
      <Form.Item name="name" label={NAME.label} rules={requiredRule(NAME)}>
        <Input maxLength={100} placeholder={NAME.placeholder} />
      </Form.Item>
      <Form.Item name="personId" label={PERSON.label} rules={requiredRule(PERSON)} extra="新任书记登录系统所用的人员编号">
        <Input maxLength={128} placeholder={PERSON.placeholder} />
      </Form.Item>
      <Form.Item name="sent" label="人选来源">
        <Radio.Group
          options={[
            { value: false, label: '本村（单位）产生' },
            { value: true, label: '从县乡机关选派' },
          ]}
        />
      </Form.Item>
      {sent && (
        <Form.Item name="sentFrom" label={SENT_FROM.label} rules={[{ required: true, whitespace: true, message: `请填写${SENT_FROM.label}` }]}>
          <Input maxLength={200} placeholder={SENT_FROM.placeholder} />
        </Form.Item>
      )}
      <Form.Item name="effectiveAt" label={EFFECTIVE_AT.label} rules={[{ required: true, message: `请选择${EFFECTIVE_AT.label}` }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={REASON.label} rules={requiredRule(REASON)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={REASON.placeholder} />
      </Form.Item>
    </>
  );
}

export const replaceSecretaryForm: ActionForm<'replaceSecretary', Values> = {
  initialValues: () => ({ sent: false, effectiveAt: dayjs() }),
  Fields,
  body: (values) => {
    // A date picked for today means now: the date may not lie in the future.
    const effectiveAt = values.effectiveAt.isSame(dayjs(), 'day') ? dayjs() : values.effectiveAt.startOf('day');
    return {
      personId: values.personId.trim(),
      name: values.name.trim(),
      ...(values.sent && values.sentFrom ? { sentFrom: values.sentFrom.trim() } : {}),
      effectiveAt: effectiveAt.toISOString(),
      reason: values.reason.trim(),
    };
  },
};
