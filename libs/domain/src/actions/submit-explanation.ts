import { z } from 'zod';
import { submitExplanation } from '../lifecycle/remediation';
import { defineAction, explanationsOwed, OPEN_STAGES } from './definition';
import { ID_PATTERNS, text } from './fields';

/** 逐支部说明原因: the branch answers for an overdue item (Accountability speech). */
export const submitExplanationAction = defineAction({
  type: 'submitExplanation',
  label: '逾期说明原因',
  description: '对被要求说明原因的逾期事项作出说明',
  // Answerable in whatever stage it was asked (the campaign's end asks cases in every unfinished stage).
  stages: OPEN_STAGES,
  roles: ['branch_secretary'],
  records: ['explanation_submitted'],
  offeredWhen: (state) => explanationsOwed(state).length > 0,
  body: z.strictObject({
    dueItemKey: z.string().regex(ID_PATTERNS.dueItemKey).meta({ title: '逾期事项', description: '被要求说明原因的事项（见 escalation.records）', examples: ['plan:r1'] }),
    explanation: text('情况说明', '书记住院两周，已安排副书记代为推进'),
  }),
  apply: (draft, body) => submitExplanation(draft, body.dueItemKey, body.explanation),
});
