import { z } from 'zod';
import { currentMeasures, verifiesMeasures } from '../case-state';
import { reportMeasureDone } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { ID_PATTERNS, text } from './fields';

/** 报告完成: the branch says a measure is done; the township committee's verification makes it so (002). */
export const reportMeasureDoneAction = defineAction({
  type: 'reportMeasureDone',
  label: '报告措施完成',
  description: '支部书记（或措施责任人）报告一项措施已完成并附整改成效，经乡镇党委核验后方可销项',
  stages: ['remediating'],
  roles: ['branch_secretary', 'assigned_leader'],
  records: ['measure_reported'],
  body: z.strictObject({
    measureId: z.string().regex(ID_PATTERNS.measure).meta({ title: '整改措施', examples: ['m1'] }),
    evidence: text('整改成效说明', '已召开党员大会通报整改情况，台账附后'),
  }),
  // A leader on the team reports only a measure they own; the secretary any pending one.
  offeredWhen: (state, actor) =>
    verifiesMeasures(state) && currentMeasures(state).some((measure) => measure.status === 'pending' && (actor.role === 'branch_secretary' || measure.ownerId === actor.userId)),
  apply: (draft, body) => reportMeasureDone(draft, body.measureId, body.evidence),
});
