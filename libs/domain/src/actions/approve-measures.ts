import { z } from 'zod';
import { approveMeasures } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { text } from './fields';

/** 批准补充措施: 限期整改's new measures, added by the branch, approved by the township committee. */
export const approveMeasuresAction = defineAction({
  type: 'approveMeasures',
  label: '批准补充措施',
  description: '乡镇党委审批支部针对限期整改问题补充的整改措施，批准后方可重新公示',
  stages: ['remediating'],
  roles: ['township_committee'],
  records: ['measures_approved'],
  body: z.strictObject({ comment: text('审批意见', '同意补充措施，限期落实') }),
  offeredWhen: (state) => state.measures.some((measure) => measure.awaitsApproval),
  apply: (draft, body) => approveMeasures(draft, body.comment),
});
