import { z } from 'zod';
import { verifiesMeasures } from '../case-state';
import { completeMeasure } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { ID_PATTERNS, text } from './fields';

export const completeMeasureAction = defineAction({
  type: 'completeMeasure',
  label: '整改措施销项',
  description: '一项措施完成，写明整改成效',
  stages: ['remediating'],
  roles: ['branch_secretary', 'assigned_leader'],
  records: ['measure_completed'],
  // Cases that verify measures report them (reportMeasureDone) and the committee verifies them instead.
  offeredWhen: (state) => !verifiesMeasures(state),
  body: z.strictObject({
    measureId: z.string().regex(ID_PATTERNS.measure).meta({ title: '整改措施', examples: ['m1'] }),
    evidence: text('整改成效说明', '已召开党员大会通报整改情况，台账附后'),
  }),
  apply: (draft, body) => completeMeasure(draft, body.measureId, body.evidence),
});
