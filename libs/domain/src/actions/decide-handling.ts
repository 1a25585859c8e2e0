import { z } from 'zod';
import { HANDLING_DECISIONS } from '../case-state';
import { decideHandling } from '../lifecycle/accountability';
import { defineAction, hasOpenProposal, OPEN_STAGES } from './definition';
import { proposalId, text } from './fields';

/** 组织处理 is the county department's decision; the system only proposes it (County speech). */
export const decideHandlingAction = defineAction({
  type: 'decideHandling',
  label: '作出组织处理决定',
  description: '县委组织部对提请的组织处理作出决定（调整书记、诫勉谈话、通报批评，或不予处理并写明理由）',
  stages: OPEN_STAGES,
  roles: ['county_department'],
  records: ['organizational_handling_decided'],
  body: z.strictObject({
    proposalId: proposalId('组织处理建议'),
    decision: z.enum(HANDLING_DECISIONS).meta({ title: '处理决定', description: 'adjust_secretary 调整支部书记 / admonishment 诫勉谈话 / circulated_criticism 通报批评 / no_action 不予处理' }),
    reason: text('决定依据或理由', '累计约谈两次仍未整改到位，经部务会研究决定'),
  }),
  offeredWhen: (state) => hasOpenProposal(state, 'organizational_handling'),
  apply: (draft, body) => decideHandling(draft, body.proposalId, body.decision, body.reason),
});
