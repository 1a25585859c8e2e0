import { z } from 'zod';
import { reviewExplanation } from '../lifecycle/accountability';
import { defineAction, lapsesAwaitingReview, OPEN_STAGES } from './definition';
import { instant, text } from './fields';

/** 逐支部说明原因, judged by the township committee: accepted with a new date, or not (Accountability speech). */
export const reviewExplanationAction = defineAction({
  type: 'reviewExplanation',
  label: '审核逾期说明',
  description: '审核支部对逾期的说明：认可的给出新的完成时限（到期仍未完成再提请约谈），不认可的即提请约谈',
  stages: OPEN_STAGES,
  roles: ['township_committee'],
  records: ['explanation_reviewed'],
  body: z.strictObject({
    lapseId: z.string().regex(/^lapse-\d{1,6}$/).meta({ title: '逾期事项', examples: ['lapse-1'] }),
    accepted: z.boolean().meta({ title: '是否认可' }),
    newDueAt: instant('新的完成时限').optional(),
    comment: text('审核意见', '情况属实，同意延期两周'),
  }),
  offeredWhen: (state) => lapsesAwaitingReview(state).length > 0,
  apply: (draft, body) => reviewExplanation(draft, body.lapseId, body.accepted, body.newDueAt, body.comment),
});
