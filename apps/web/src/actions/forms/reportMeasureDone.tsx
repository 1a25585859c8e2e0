/** 报告措施完成: one pending measure of the round and what it achieved; the township committee verifies it. */
import { Form, Input, Select, Typography } from 'antd';
import { CASE_ACTIONS, TEXT_MAX, currentMeasures } from '@zhengdun/domain';
import { asCaseState } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  measureId: string;
  evidence: string;
}

const MEASURE = describeField(CASE_ACTIONS.reportMeasureDone.body, 'measureId');
const EVIDENCE = describeField(CASE_ACTIONS.reportMeasureDone.body, 'evidence');

const pendingMeasures = (state: ActionFormProps['state']) => currentMeasures(asCaseState(state)).filter((m) => m.status === 'pending');

function Fields({ state }: ActionFormProps) {
  return (
    <>
      <Typography.Paragraph type="secondary">报告后措施显示为“已报告待核验”，经乡镇党委核验通过才算销项。</Typography.Paragraph>
      <Form.Item name="measureId" label={MEASURE.label} rules={requiredRule(MEASURE, '选择')}>
        <Select options={pendingMeasures(state).map((m) => ({ value: m.id, label: `${m.id}：${m.description}（${m.ownerName}）` }))} />
      </Form.Item>
      <Form.Item name="evidence" label={EVIDENCE.label} rules={requiredRule(EVIDENCE)}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={EVIDENCE.placeholder} />
      </Form.Item>
    </>
  );
}

export const reportMeasureDoneForm: ActionForm<'reportMeasureDone', Values> = {
  initialValues: (state) => ({ measureId: pendingMeasures(state)[0]?.id }),
  Fields,
  body: (values) => ({ measureId: values.measureId, evidence: values.evidence.trim() }),
};
