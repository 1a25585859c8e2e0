import { z } from 'zod';
import { returnPlan } from '../lifecycle/planning';
import { defineAction } from './definition';
import { TEXT_MAX } from './fields';

export const returnPlanAction = defineAction({
  type: 'returnPlan',
  label: '退回整顿方案',
  description: '乡镇（街道）党（工）委退回方案，写明需修改之处',
  stages: ['planning'],
  roles: ['township_committee'],
  records: ['plan_returned'],
  body: z.strictObject({
    reasons: z.array(z.string().max(TEXT_MAX)).min(1).max(20).meta({ title: '退回理由', examples: [['措施不够具体，缺少时间节点']] }),
  }),
  apply: (draft, body) => returnPlan(draft, body.reasons),
});
