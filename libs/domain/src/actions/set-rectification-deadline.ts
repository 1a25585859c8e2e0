import { z } from 'zod';
import { setRectificationDeadline } from '../lifecycle/rectification-deadline';
import { defineAction } from './definition';
import { instant, text } from './fields';

/** 设定整改期限: the county department's deadline for a case still open after its campaign's end (or one it extends). */
export const setRectificationDeadlineAction = defineAction({
  type: 'setRectificationDeadline',
  label: '设定整改期限',
  description: '县委组织部为整顿批次截止后仍需整顿的对象设定整改期限，整改措施按此期限制定；也可延长限期整改的期限',
  stages: ['assigned', 'planning', 'remediating'],
  roles: ['county_department'],
  records: ['county_deadline_set'],
  body: z.strictObject({
    dueAt: instant('整改期限'),
    reason: text('理由', '回头看发现问题反弹，本轮整顿已截止，限期三个月整改到位'),
  }),
  // Offered while a plan is owed (blocked or late, which only the clock tells) or a deadline runs (to extend it).
  offeredWhen: (state) => (state.stage !== 'remediating' && state.plan.status !== 'submitted') || state.deadlines.rectificationDueAt !== undefined,
  apply: (draft, body) => setRectificationDeadline(draft, body.dueAt, body.reason),
});
