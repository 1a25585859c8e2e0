/**
 * 提交整顿方案: the current round's measures (a returned plan's, to revise), or one empty row per
 * problem of the round; and, per problem, why it arose (深挖问题根源), kept from the last version.
 */
import { Alert, Form, Input, Typography } from 'antd';
import { TEXT_MAX, currentMeasures, rootCause } from '@zhengdun/domain';
import dayjs from 'dayjs';
import { asCaseState, type CaseStateView } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { describeField } from '../schema-fields';
import { MeasureFields, measureDrafts, newMeasureRow, type MeasureRow } from '../shared-fields';

interface Values {
  measures: MeasureRow[];
  /** By problem id; a blank one is left out of the plan (the problem keeps its earlier cause, if any). */
  rootCauses: Record<string, string | undefined>;
}

const ROOT_CAUSE = describeField(rootCause, 'cause');

const problemsOfRound = (state: CaseStateView) => state.problems.filter((problem) => problem.round === state.round);

function RootCauseFields({ state }: { state: CaseStateView }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {ROOT_CAUSE.label}
      </Typography.Title>
      <Typography.Paragraph type="secondary">深挖问题根源：每个问题为什么出现。没有写明根源的问题，审批时会提示审批人。</Typography.Paragraph>
      {problemsOfRound(state).map((problem) => (
        <Form.Item key={problem.id} name={['rootCauses', problem.id]} label={`${problem.id} ${problem.description}`}>
          <Input.TextArea rows={2} maxLength={TEXT_MAX} placeholder={ROOT_CAUSE.placeholder} data-testid={`root-cause-input-${problem.id}`} />
        </Form.Item>
      ))}
    </>
  );
}

function Fields({ state }: ActionFormProps) {
  return (
    <>
      {state.plan.status === 'returned' && state.plan.returnReasons.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="上一版方案被退回" description={state.plan.returnReasons.join('；')} />
      )}
      <MeasureFields state={state} problems={problemsOfRound(state)} />
      <RootCauseFields state={state} />
    </>
  );
}

export const submitPlanForm: ActionForm<'submitPlan', Values> = {
  wide: true,
  initialValues: (state) => {
    const rootCauses = Object.fromEntries(problemsOfRound(state).map((problem) => [problem.id, problem.rootCause]));
    const round = currentMeasures(asCaseState(state));
    if (round.length > 0) {
      return {
        measures: round.map((m) => ({ problemId: m.problemId, description: m.description, ownerId: m.ownerId, ownerName: m.ownerName, dueAt: dayjs(m.dueAt) })),
        rootCauses,
      };
    }
    return { measures: problemsOfRound(state).map((problem) => newMeasureRow(state, problem.id)), rootCauses };
  },
  Fields,
  body: (values, state) => ({
    measures: measureDrafts(values.measures, state),
    rootCauses: Object.entries(values.rootCauses ?? {})
      .filter((entry): entry is [string, string] => !!entry[1]?.trim())
      .map(([problemId, cause]) => ({ problemId, cause: cause.trim() })),
  }),
};
