import { z } from 'zod';
import { resolveObjection } from '../lifecycle/publicity';
import { violation } from '../rule-violation';
import { defineAction } from './definition';
import { ID_PATTERNS, text } from './fields';

export const resolveObjectionAction = defineAction({
  type: 'resolveObjection',
  label: '处理公示异议',
  description: '核实公示期间收到的异议：属实则退回整改，不成立则写明理由',
  stages: ['publicizing'],
  roles: ['township_committee'],
  records: ['objection_upheld', 'objection_dismissed'],
  body: z.strictObject({
    objectionId: z.string().regex(ID_PATTERNS.signal).meta({ title: '异议' }),
    decision: z.enum(['upheld', 'dismissed']).meta({ title: '核实结论', description: 'upheld 属实（退回整改）/ dismissed 不成立' }),
    reason: text('核实情况', '经核实，换届确未完成'),
    problemId: z.string().regex(ID_PATTERNS.problem).optional().meta({ title: '异议涉及的问题', description: '异议属实时必填：该问题重新整改（限期整改）' }),
  }),
  admissible: (_state, body) =>
    body.decision === 'upheld' && body.problemId === undefined
      ? violation('unresolved_problems_required', '异议属实时须指出涉及哪个问题，以便支部针对性补充措施（限期整改）', 'an upheld objection names the problem it concerns', { field: 'problemId' })
      : undefined,
  apply: (draft, body) => resolveObjection(draft, body.objectionId, body.decision, body.reason, body.problemId),
});
