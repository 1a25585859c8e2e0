import { z } from 'zod';
import { approvePlan } from '../lifecycle/planning';
import { defineAction } from './definition';
import { text } from './fields';

export const approvePlanAction = defineAction({
  type: 'approvePlan',
  label: '审批通过整顿方案',
  description: '乡镇（街道）党（工）委审批通过方案，整顿对象进入整顿实施',
  stages: ['planning'],
  roles: ['township_committee'],
  records: ['plan_publicized'],
  body: z.strictObject({ comment: text('审批意见', '同意按此方案实施').optional() }),
  apply: (draft, body) => approvePlan(draft, body.comment),
});
