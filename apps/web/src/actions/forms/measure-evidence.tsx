/**
 * One pending measure of the round and what it achieved: the form of 整改措施销项 (older cases) and of
 * 报告措施完成 (cases whose measures the township committee verifies), which take the same body.
 */
import { Form, Input, Select, Typography } from 'antd';
import { CASE_ACTIONS, TEXT_MAX, currentMeasures } from '@zhengdun/domain';
import { asCaseState, type ActionRequestBody } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField, requiredRule } from '../schema-fields';

/** As validated: the fields the body requires are there (each has a required rule). */
interface Values {
  measureId: string;
  evidence: string;
}

const pendingMeasures = (state: ActionFormProps['state']) => currentMeasures(asCaseState(state)).filter((m) => m.status === 'pending');

export function measureEvidenceForm<T extends 'completeMeasure' | 'reportMeasureDone'>(type: T, note?: string): ActionForm<T, Values> {
  const MEASURE = describeField(CASE_ACTIONS[type].body, 'measureId');
  const EVIDENCE = describeField(CASE_ACTIONS[type].body, 'evidence');
  function Fields({ state }: ActionFormProps) {
    return (
      <>
        {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
        <Form.Item name="measureId" label={MEASURE.label} rules={requiredRule(MEASURE, '选择')}>
          <Select options={pendingMeasures(state).map((m) => ({ value: m.id, label: `${m.id}：${m.description}（${m.ownerName}）` }))} />
        </Form.Item>
        <Form.Item name="evidence" label={EVIDENCE.label} rules={requiredRule(EVIDENCE)}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} placeholder={EVIDENCE.placeholder} />
        </Form.Item>
      </>
    );
  }
  return {
    initialValues: (state) => ({ measureId: pendingMeasures(state)[0]?.id }),
    Fields,
    body: (values) => ({ measureId: values.measureId, evidence: values.evidence.trim() }) as ActionRequestBody<T>,
  };
}
