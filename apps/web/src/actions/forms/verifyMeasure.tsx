/** 核验整改措施: a measure the branch reported done; accepted it is done, returned it needs a reason and a new date. */
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_ACTIONS, TEXT_MAX, chinaDate, currentMeasures, measureDueLimit } from '@zhengdun/domain';
import { asCaseState } from '../../api/views';
import { formatDateTime } from '../../lib/format';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  measureId: string;
  accepted: boolean;
  newDueAt?: Dayjs;
  comment: string;
}

const MEASURE = describeField(CASE_ACTIONS.verifyMeasure.body, 'measureId');
const ACCEPTED = describeField(CASE_ACTIONS.verifyMeasure.body, 'accepted');
const NEW_DUE_AT = describeField(CASE_ACTIONS.verifyMeasure.body, 'newDueAt');
const COMMENT = describeField(CASE_ACTIONS.verifyMeasure.body, 'comment');

const reportedMeasures = (state: ActionFormProps['state']) => currentMeasures(asCaseState(state)).filter((m) => m.status === 'reported');

function Fields({ state }: ActionFormProps) {
  const accepted = Form.useWatch<boolean | undefined>('accepted');
  const limit = measureDueLimit(asCaseState(state));
  return (
    <>
      <Form.Item name="measureId" label={MEASURE.label} rules={requiredRule(MEASURE, '选择')}>
        <Select
          options={reportedMeasures(state).map((m) => ({
            value: m.id,
            label: `${m.id}：${m.description} —— ${formatDateTime(m.report?.at)} 报告：${m.report?.evidence ?? ''}`.slice(0, 140),
          }))}
          notFoundContent="没有待核验的措施"
        />
      </Form.Item>
      <Form.Item name="accepted" label={ACCEPTED.label} rules={requiredRule(ACCEPTED, '选择')}>
        <Radio.Group
          options={[
            { value: true, label: '核验通过（销项）' },
            { value: false, label: '未通过（退回整改，给出新的完成时限）' },
          ]}
        />
      </Form.Item>
      {accepted === false && (
        <Form.Item name="newDueAt" label={NEW_DUE_AT.label} rules={[{ required: true, message: `请选择${NEW_DUE_AT.label}` }]} extra={`不能晚于${limit.source === 'campaign_end' ? '整顿批次截止时间' : '整改期限'}（${chinaDate(limit.at)}）`}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      <Form.Item name="comment" label={accepted === false ? '退回理由' : COMMENT.label} rules={requiredRule(COMMENT)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={COMMENT.placeholder} />
      </Form.Item>
    </>
  );
}

export const verifyMeasureForm: ActionForm<'verifyMeasure', Values> = {
  initialValues: (state) => ({ measureId: reportedMeasures(state)[0]?.id }),
  Fields,
  body: (values) => ({
    measureId: values.measureId,
    accepted: values.accepted,
    comment: values.comment.trim(),
    ...(!values.accepted && values.newDueAt ? { newDueAt: values.newDueAt.toISOString() } : {}),
  }),
};
