/** 增补整改措施: more measures during remediation, against any problem of the case. */
import { openProblems } from '@zhengdun/domain';
import { asCaseState } from '../../api/views';
import type { ActionForm, ActionFormProps } from '../action-form';
import { MeasureFields, measureDrafts, newMeasureRow, type MeasureRow } from '../shared-fields';

interface Values {
  measures: MeasureRow[];
}

function Fields({ state }: ActionFormProps) {
  return <MeasureFields state={state} problems={state.problems} />;
}

export const addMeasuresForm: ActionForm<'addMeasures', Values> = {
  wide: true,
  initialValues: (state) => ({ measures: [newMeasureRow(state, openProblems(asCaseState(state))[0]?.id)] }),
  Fields,
  body: (values, state) => ({ measures: measureDrafts(values.measures, state) }),
};
