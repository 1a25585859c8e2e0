import { z } from 'zod';
import { reportProgress } from '../lifecycle/remediation';
import { defineAction } from './definition';
import { text } from './fields';

/** 定期报告: the monthly progress report (County speech). */
export const reportProgressAction = defineAction({
  type: 'reportProgress',
  label: '汇报整顿进展',
  description: '按期汇报整顿进展（送联系县级领导）；支部书记、包抓责任人或乡镇党委均可汇报',
  stages: ['remediating', 'publicizing'],
  roles: ['branch_secretary', 'assigned_leader', 'township_committee'],
  records: ['progress_reported'],
  body: z.strictObject({ summary: text('进展情况', '本月召开党员大会1次，化解矛盾2件') }),
  apply: (draft, body) => reportProgress(draft, body.summary),
});
