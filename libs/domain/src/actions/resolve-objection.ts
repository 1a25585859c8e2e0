import { z } from 'zod';
import { resolveObjection } from '../lifecycle/publicity';
import { categoryRefusal } from '../problems';
import { violation } from '../rule-violation';
import { defineAction } from './definition';
import { ID_PATTERNS, problemInput, text } from './fields';

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
    problemId: z.string().regex(ID_PATTERNS.problem).optional().meta({ title: '异议涉及的问题', description: '异议属实时指出涉及的已有问题，或新增问题：该问题重新整改（限期整改）' }),
    newProblem: problemInput.optional().meta({ title: '异议反映的新问题', description: '异议属实且反映的是方案未列的问题时填写，作为新问题限期整改' }),
  }),
  admissible: (state, body) => {
    if (body.decision === 'upheld' && body.problemId === undefined && body.newProblem === undefined) {
      return violation('unresolved_problems_required', '异议属实时须指出涉及哪个问题（或新增问题），以便支部针对性补充措施（限期整改）', 'an upheld objection names the problem it concerns or adds one', {
        field: 'problemId',
      });
    }
    return body.newProblem ? categoryRefusal(state.org.domain, [body.newProblem], 'newProblem') : undefined;
  },
  apply: (draft, body) => resolveObjection(draft, body.objectionId, body.decision, body.reason, body.problemId, body.newProblem),
});
