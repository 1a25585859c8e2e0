import { z } from 'zod';
import { addMeasures } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { measureList } from './fields';

export const addMeasuresAction = defineAction({
  type: 'addMeasures',
  label: '增补整改措施',
  description: '整顿实施中增补措施，同样明确责任人和时限',
  stages: ['remediating'],
  roles: ['branch_secretary', 'township_committee'],
  records: ['measures_added'],
  body: z.strictObject({ measures: measureList(200) }),
  apply: (draft, body) => addMeasures(draft, body.measures),
});
