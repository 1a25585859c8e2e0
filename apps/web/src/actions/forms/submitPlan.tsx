/** 提交整顿方案: the current round's measures (a returned plan's, to revise), or one empty row per problem of the round. */
import { Alert } from 'antd';
import { currentMeasures } from '@zhengdun/domain';
import dayjs from 'dayjs';
import { asCaseState } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { MeasureFields, measureDrafts, newMeasureRow, type MeasureRow } from '../shared-fields';

interface Values {
  measures: MeasureRow[];
}

function Fields({ state }: ActionFormProps) {
  return (
    <>
      {state.plan.status === 'returned' && state.plan.returnReasons.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="上一版方案被退回" description={state.plan.returnReasons.join('；')} />
      )}
      <MeasureFields state={state} problems={state.problems.filter((problem) => problem.round === state.round)} />
    </>
  );
}

export const submitPlanForm: ActionForm<'submitPlan', Values> = {
  wide: true,
  initialValues: (state) => {
    const round = currentMeasures(asCaseState(state));
    if (round.length > 0) return { measures: round.map((m) => ({ problemId: m.problemId, description: m.description, ownerId: m.ownerId, ownerName: m.ownerName, dueAt: dayjs(m.dueAt) })) };
    return { measures: state.problems.filter((problem) => problem.round === state.round).map((problem) => newMeasureRow(state, problem.id)) };
  },
  Fields,
  body: (values, state) => ({ measures: measureDrafts(values.measures, state) }),
};
