import { z } from 'zod';
import { submitPlan } from '../lifecycle/planning';
import { defineAction } from './definition';
import { measureList, rootCauseList } from './fields';

/** 一村一策: the branch drafts its plan, one measure per problem at least (County speech). */
export const submitPlanAction = defineAction({
  type: 'submitPlan',
  label: '提交整顿方案',
  description: '支部书记提交整顿方案：每个问题至少一条措施，明确责任人和时限，并写明问题根源',
  stages: ['assigned', 'planning'],
  roles: ['branch_secretary'],
  records: ['plan_submitted'],
  body: z.strictObject({ measures: measureList(200), rootCauses: rootCauseList(200).optional() }),
  apply: (draft, body) => submitPlan(draft, body.measures, body.rootCauses),
});
