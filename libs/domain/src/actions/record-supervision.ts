import { z } from 'zod';
import { recordSupervision } from '../lifecycle/supervision';
import { categoryRefusal } from '../problems';
import { defineAction, OPEN_STAGES } from './definition';
import { instant, NOT_BLANK, problemInput, text } from './fields';

/** 督导检查: a visit by the county or the township committee (四不两直, 暗访, 抽查 or routine), what it found. */
export const recordSupervisionAction = defineAction({
  type: 'recordSupervision',
  label: '记录督导检查',
  description: '记录县委组织部或乡镇（街道）党（工）委的督导检查（四不两直、暗访、抽查、常规督导）：时间、人员、发现的情况；整顿实施阶段发现的新问题列入限期整改',
  stages: OPEN_STAGES,
  roles: ['county_department', 'township_committee'],
  records: ['supervision_recorded'],
  body: z.strictObject({
    kind: z.enum(['unannounced', 'covert', 'spot_check', 'routine']).meta({ title: '督查方式', description: 'unannounced 四不两直 / covert 暗访 / spot_check 抽查 / routine 常规督导' }),
    visitedAt: instant('督查日期'),
    visitors: z.string().regex(NOT_BLANK).max(200).meta({ title: '督查人员', examples: ['县委组织部组织科 张科长、李干事'] }),
    findings: text('发现的情况', '“三会一课”记录与实际不符，党员活动室被占用'),
    newProblem: problemInput.optional().meta({ title: '发现的新问题', description: '整顿实施阶段督查发现的方案未列问题：列入本轮整顿，支部补充措施（限期整改）' }),
  }),
  admissible: (state, body) => (body.newProblem ? categoryRefusal(state.org.domain, [body.newProblem], 'newProblem') : undefined),
  apply: (draft, body) => recordSupervision(draft, body),
});
