import { z } from 'zod';
import { currentMeasures } from '../case-state';
import { verifyMeasure } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { ID_PATTERNS, instant, text } from './fields';

/** 核验: the township committee checks a measure the branch reported done (不能把说了当成做了, 002). */
export const verifyMeasureAction = defineAction({
  type: 'verifyMeasure',
  label: '核验整改措施',
  description: '乡镇党委核验支部报告完成的措施：核验通过即销项；未通过的写明理由、给出新的完成时限，退回整改',
  stages: ['remediating'],
  roles: ['township_committee'],
  records: ['measure_verified', 'measure_returned'],
  body: z.strictObject({
    measureId: z.string().regex(ID_PATTERNS.measure).meta({ title: '整改措施', examples: ['m1'] }),
    accepted: z.boolean().meta({ title: '核验通过' }),
    comment: text('核验意见', '经实地查看，党员大会记录和台账齐全'),
    newDueAt: instant('新的完成时限').optional(),
  }),
  offeredWhen: (state) => currentMeasures(state).some((measure) => measure.status === 'reported'),
  apply: (draft, body) => verifyMeasure(draft, body.measureId, body.accepted, body.comment, body.newDueAt),
});
